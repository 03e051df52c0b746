using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Tests.Cases;

public class CaseFileDefaultsTests
{
    /// <summary>The smallest valid case: only the required sections and keys.</summary>
    internal const string Minimal = """
        [domain]
        kind = "interval"
        lower = [0.0]
        upper = [1.0]
        cells = [10]

        [target]
        density = "1 + x"

        [initial]
        density = "1"

        [flow]
        kind = "fr"

        [time]
        end = 2
        step = 0.5
        """;

    [Fact]
    public void Defaults_fill_what_is_not_written()
    {
        CaseDefinition c = CaseFileLoader.Parse(Minimal, "minimal.toml");

        Assert.Equal("minimal", c.Name);
        Assert.Equal(0, c.Domain.Refine);
        Assert.Equal(TargetKind.Density, c.Target.Kind);
        Assert.Null(c.Initial.Mass);
        Assert.True(c.Initial.Density.IsConstant);
        Assert.Equal(EnergyKind.KullbackLeibler, c.Flow.Energy);
        Assert.Equal(1.0, c.Flow.Alpha);
        Assert.Equal(1.0, c.Flow.Beta);
        Assert.Equal(ReactionKind.Exact, c.Flow.Reaction);
        Assert.Equal(1e-6, c.Flow.Epsilon); // interfaces.md: ε defaults to 1e-6
        Assert.Null(c.Kernel);
        Assert.Equal(SplittingScheme.LieImplicitEuler, c.Time.Scheme);
        Assert.Equal(LinearSolverKind.Auto, c.Solver.Linear);
        Assert.Equal(1e-11, c.Solver.ReactionTolerance); // the log-variable integrator's tolerance before it became a key
        Assert.Equal(new[] { 0.0, 2.0 }, c.Output.Times.ToArray());
        Assert.Empty(c.Output.Probes);
        Assert.Empty(c.Output.Regions);
        Assert.Equal(0, c.Output.CheckpointEvery);
        Assert.Null(c.Particles);
        Assert.Null(c.Directory);
    }

    [Fact]
    public void Kernel_particles_gmsh_and_source_are_read()
    {
        const string text = """
            name = "kernel-2d"
            [domain]
            kind = "gmsh"
            file = "meshes/disk.msh"
            refine = 2
            [target]
            density = "exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)"
            [initial]
            density = "1"
            mass = 2.5
            [flow]
            kind = "swfr"
            energy = "mmd"
            alpha = 0
            beta = 2
            reaction = "kernel-fr-spherical"
            source = "exp(-t) * x * y * z"
            epsilon = 1e-4
            [kernel]
            kind = "matern52"
            bandwidth = 0.5
            lambda = 1e-3
            [time]
            end = 1
            step = 0.01
            scheme = "strang"
            [solver]
            linear = "pcg"
            [output]
            times = [0.25, 1]
            probes = [[0, 0], [0.5, 0.5]]
            [output.regions.upper_half]
            lower = [-1, 0]
            upper = [1, 1]
            [particles]
            count = 500
            seed = 42
            step = 0.005
            method = "svgd"
            density_bandwidth = 0.2
            """;
        CaseDefinition c = CaseFileLoader.Parse(text, "k.toml");

        Assert.Equal(DomainKind.Gmsh, c.Domain.Kind);
        Assert.Equal("meshes/disk.msh", c.Domain.File);
        Assert.Null(c.Domain.Dimension);
        Assert.Empty(c.Domain.Lower);
        Assert.Equal(2, c.Domain.Refine);
        Assert.Equal(ExpressionVariables.X | ExpressionVariables.Y, c.Target.Expression.Variables);
        Assert.Equal(2.5, c.Initial.Mass);
        Assert.Equal(new FlowSection(FlowKind.SphericalWassersteinFisherRao, EnergyKind.MaximumMeanDiscrepancy, 0.0, 2.0, ReactionKind.KernelFisherRaoSpherical, c.Flow.Source, 1e-4), c.Flow);
        Assert.True(c.Flow.Source!.UsesTime);
        Assert.Equal(Math.Exp(-1) * 6, c.Flow.Source.Invoke(1, 2, 3, 1), 15);
        Assert.Equal(new KernelSection(KernelKind.MaternFiveHalves, KernelBandwidth.Fixed(0.5), 1e-3), c.Kernel);
        Assert.Equal(new TimeSection(1.0, 0.01, SplittingScheme.Strang), c.Time);
        Assert.Equal(LinearSolverKind.Pcg, c.Solver.Linear);
        Assert.Equal(new[] { 0.25, 1.0 }, c.Output.Times.ToArray());
        Assert.Equal(2, c.Output.Probes.Length);
        Assert.Equal("upper_half", Assert.Single(c.Output.Regions).Name);
        Assert.Equal(new ParticlesSection(500, 42, 0.005, ParticleMethod.SteinVariationalGradientDescent, 0.2), c.Particles);
    }

    [Fact]
    public void Dotted_and_quoted_keys_are_the_same_keys()
    {
        // Dotted keys must come before the first [section] header: afterwards they belong to that section.
        string text = "flow.kind = \"wfr\"\nflow.\"alpha\" = 0.5\n" + Minimal.Replace("[flow]\nkind = \"fr\"", "", StringComparison.Ordinal);
        CaseDefinition c = CaseFileLoader.Parse(text, "dotted.toml");
        Assert.Equal(FlowKind.WassersteinFisherRao, c.Flow.Kind);
        Assert.Equal(0.5, c.Flow.Alpha);
        Assert.Equal(new SourceLocation("dotted.toml", 2, 16), c.Locations.Find("flow.alpha"));
    }

    [Fact]
    public void Median_bandwidth_and_default_kernel()
    {
        string text = Minimal + "\n[kernel]\nbandwidth = \"median\"\n";
        KernelSection kernel = CaseFileLoader.Parse(text).Kernel!;
        Assert.True(kernel.Bandwidth.IsMedian);
        Assert.Equal(KernelKind.Gaussian, kernel.Kind);
        Assert.Equal(1e-6, kernel.Lambda); // interfaces.md: λ defaults to 1e-6
    }

    [Fact]
    public void Choice_names_round_trip()
    {
        foreach (string name in CaseChoiceNames.Reaction.Names)
        {
            Assert.True(CaseChoiceNames.Reaction.TryParse(name, out ReactionKind value));
            Assert.Equal(name, CaseChoiceNames.NameOf(value));
        }

        Assert.Equal("swfr", CaseChoiceNames.NameOf(FlowKind.SphericalWassersteinFisherRao));
        Assert.Equal("lie-ie", CaseChoiceNames.NameOf(SplittingScheme.LieImplicitEuler));
    }
}
