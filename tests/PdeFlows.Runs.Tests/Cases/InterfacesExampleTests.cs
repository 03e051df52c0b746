using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>examples/00-interfaces-example.toml is the case file of interfaces.md; every value is checked.</summary>
public class InterfacesExampleTests
{
    private static readonly string ExamplePath = Path.Combine(AppContext.BaseDirectory, "examples", "00-interfaces-example.toml");

    [Fact]
    public void Every_value_of_the_example_is_read()
    {
        CaseDefinition c = CaseFileLoader.Load(ExamplePath);

        Assert.Equal("swfr-1d-example", c.Name);
        Assert.Equal(DomainKind.Interval, c.Domain.Kind);
        Assert.Equal(new[] { -3.0 }, c.Domain.Lower.ToArray());
        Assert.Equal(new[] { 3.0 }, c.Domain.Upper.ToArray());
        Assert.Equal(new[] { 1200 }, c.Domain.Cells.ToArray());
        Assert.Null(c.Domain.File);
        Assert.Equal(0, c.Domain.Refine);
        Assert.Equal(1, c.Domain.Dimension);

        Assert.Equal(TargetKind.Potential, c.Target.Kind);
        Assert.Equal("2*(x^2 - 1)^2 + 0.3*x", c.Target.Expression.Text);
        Assert.Equal(ExpressionVariables.X, c.Target.Expression.Variables);
        Assert.Equal(2 * 9.0 + 0.6, c.Target.Expression.Invoke(2.0), 14);
        Assert.Equal("target.potential", c.Target.KeyPath);

        Assert.Equal("exp(-(x-1.5)^2/(2*0.3^2))", c.Initial.Density.Text);
        Assert.Equal(1.0, c.Initial.Density.Invoke(1.5));
        Assert.Equal(1.0, c.Initial.Mass);

        Assert.Equal(FlowKind.SphericalWassersteinFisherRao, c.Flow.Kind);
        Assert.Equal(EnergyKind.KullbackLeibler, c.Flow.Energy);
        Assert.Equal(1.0, c.Flow.Alpha);
        Assert.Equal(1.0, c.Flow.Beta);
        Assert.Equal(ReactionKind.Exact, c.Flow.Reaction);
        Assert.Null(c.Flow.Source);
        Assert.Equal(1e-6, c.Flow.Epsilon);
        Assert.True(c.Flow.HasTransport && c.Flow.HasReaction && c.Flow.IsSpherical);
        Assert.Null(c.Kernel);

        Assert.Equal(3.0, c.Time.End);
        Assert.Equal(1e-3, c.Time.Step);
        Assert.Equal(SplittingScheme.LieImplicitEuler, c.Time.Scheme);
        Assert.Equal(LinearSolverKind.Auto, c.Solver.Linear);

        Assert.Equal(new[] { 0.0, 0.5, 1.0, 3.0 }, c.Output.Times.ToArray());
        Assert.Equal([[-1.0], [-0.5], [0.0], [0.5], [1.0]], c.Output.Probes.Select(p => p.ToArray()).ToArray());
        OutputRegion left = Assert.Single(c.Output.Regions);
        Assert.Equal("left", left.Name);
        Assert.Equal(new[] { -3.0 }, left.Lower.ToArray());
        Assert.Equal(new[] { 0.0 }, left.Upper.ToArray());
        Assert.Equal(100, c.Output.CheckpointEvery);
        Assert.Null(c.Particles);
        Assert.Equal(Path.GetDirectoryName(ExamplePath), c.Directory);
    }

    [Fact]
    public void Source_map_gives_the_line_of_each_key_for_later_stages()
    {
        CaseDefinition c = CaseFileLoader.Load(ExamplePath);
        CaseSourceMap map = c.Locations;

        Assert.Equal(new SourceLocation(ExamplePath, 29, 9), map.Find("flow.alpha"));
        Assert.Equal(new SourceLocation(ExamplePath, 19, 13), map.Find("target.potential"));
        Assert.Equal(41, map.Find("time.step")!.Line);
        Assert.Equal(26, map.Find("flow")!.Line);
        Assert.Equal(50, map.Find("output.regions.left.lower")!.Line);
        Assert.Null(map.Find("flow.reaction"));
        Assert.Equal(26, map.Locate("flow.reaction").Line); // not written: falls back to the section header

        CaseFileException error = map.Error(c.Target.KeyPath, "π = e^{-V} is not normalizable on the domain");
        Assert.Equal($"{ExamplePath}:19:13: [target] potential: π = e^{{-V}} is not normalizable on the domain", error.Message);
        Assert.Equal(19, error.Line);
        Assert.Equal("target.potential", error.Key);
    }

    [Fact]
    public void Written_case_reads_back_to_the_same_values()
    {
        CaseDefinition original = CaseFileLoader.Load(ExamplePath);
        string text = CaseFileWriter.ToToml(original);
        CaseDefinition again = CaseFileLoader.Parse(text, "written.toml");

        Assert.Equal(text, CaseFileWriter.ToToml(again));
        Assert.Equal(original.Name, again.Name);
        Assert.Equal(original.Domain.Cells.ToArray(), again.Domain.Cells.ToArray());
        Assert.Equal(original.Target.Expression.Text, again.Target.Expression.Text);
        Assert.Equal(original.Flow with { Source = null }, again.Flow with { Source = null });
        Assert.Equal(original.Time, again.Time);
        Assert.Equal(original.Output.Times.ToArray(), again.Output.Times.ToArray());
        Assert.Equal(original.Output.Regions[0].Upper.ToArray(), again.Output.Regions[0].Upper.ToArray());
        Assert.Equal(original.Output.CheckpointEvery, again.Output.CheckpointEvery);
    }
}
