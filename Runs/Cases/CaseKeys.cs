using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// The key table of case files (interfaces.md): every section and key once, with its type, range,
/// default and one line of documentation. <see cref="CaseFileLoader"/> reads through it (ranges,
/// defaults, unknown-key hints), <see cref="CaseFileWriter"/> writes in its order, and the tables of
/// docs/case-file.md are generated from it (<see cref="TomlKeyTableMarkdown"/>, compared by a test).
/// Rules between keys (α and β not both zero, a kernel reaction needs <c>[kernel]</c>, …) are code
/// next to it, in the section readers.
/// </summary>
public static class CaseKeys
{
    private const string RequiredUnlessGmsh = "required (not for `gmsh`)";

    /// <summary>Keys outside any section.</summary>
    public static class Top
    {
        /// <summary><c>name</c>.</summary>
        public static readonly TextKey Name = new("", "name", "the case name, written to the summary (`\"case\"`) and to the result's provenance") { DefaultNote = "the file name without `.toml`" };
    }

    /// <summary><c>[domain]</c>.</summary>
    public static class Domain
    {
        /// <summary><c>kind</c>.</summary>
        public static readonly ChoiceKey<DomainKind> Kind = new("domain", "kind", "the domain: 1-D interval, 2-D rectangle (triangles), 3-D box (tetrahedra), or a Gmsh mesh file", CaseChoiceNames.Domain) { Required = true };

        /// <summary><c>lower</c>.</summary>
        public static readonly NumberArrayKey Lower = new("domain", "lower", "lower corner") { TypeNote = "array of d numbers", DefaultNote = RequiredUnlessGmsh };

        /// <summary><c>upper</c>.</summary>
        public static readonly NumberArrayKey Upper = new("domain", "upper", "upper corner, componentwise greater than `lower`") { TypeNote = "array of d numbers", DefaultNote = RequiredUnlessGmsh };

        /// <summary><c>cells</c>.</summary>
        public static readonly IntegerArrayKey Cells = new("domain", "cells", "cells per axis; rectangles and boxes are split into triangles / tetrahedra") { Minimum = 1, TypeNote = "array of d integers ≥ 1", DefaultNote = RequiredUnlessGmsh };

        /// <summary><c>file</c>.</summary>
        public static readonly TextKey File = new("domain", "file", "the `.msh` file (ASCII 4.1 or 2.2), relative to the case file's folder") { DefaultNote = "required for `gmsh`" };

        /// <summary><c>refine</c>.</summary>
        public static readonly IntegerKey Refine = new("domain", "refine", "uniform refinements after building or reading the mesh (each halves h)") { Minimum = 0, Maximum = 12, Default = 0 };
    }

    /// <summary><c>[target]</c>: exactly one of the two keys.</summary>
    public static class Target
    {
        /// <summary><c>potential</c>.</summary>
        public static readonly ExpressionKey Potential = new("target", "potential", "V(x); π = e^{−V}/Z, Z computed by quadrature on the domain") { DefaultNote = "—" };

        /// <summary><c>density</c>.</summary>
        public static readonly ExpressionKey Density = new("target", "density", "π up to a constant (normalized on the domain); must be positive at every node") { DefaultNote = "—" };
    }

    /// <summary><c>[initial]</c>.</summary>
    public static class Initial
    {
        /// <summary><c>density</c>.</summary>
        public static readonly ExpressionKey Density = new("initial", "density", "u₀(x) ≥ 0, not zero everywhere; nodes where it is 0 are raised to a tiny floor (logarithms need u > 0)") { Required = true };

        /// <summary><c>mass</c>.</summary>
        public static readonly NumberKey Mass = new("initial", "mass", "scale u₀ to this mass") { Range = NumberRange.Positive, DefaultNote = "the expression's own mass" };
    }

    /// <summary><c>[flow]</c>.</summary>
    public static class Flow
    {
        /// <summary><c>kind</c>.</summary>
        public static readonly ChoiceKey<FlowKind> Kind = new("flow", "kind", "Fisher–Rao, spherical FR, Wasserstein, Wasserstein–Fisher–Rao, spherical WFR ([math.md](math.md))", CaseChoiceNames.Flow) { Required = true };

        /// <summary><c>energy</c>.</summary>
        public static readonly ChoiceKey<EnergyKind> Energy = new("flow", "energy", "the driving energy: relative entropy, χ², or ½MMD² (needs `[kernel]`, no transport)", CaseChoiceNames.Energy) { Default = EnergyKind.KullbackLeibler };

        /// <summary><c>alpha</c>.</summary>
        public static readonly NumberKey Alpha = new("flow", "alpha", "transport weight α; > 0 for `w`; α = 0 makes `wfr` / `swfr` the reaction-only flow `fr` / `sfr`") { Range = NumberRange.NonNegative, Default = 1.0 };

        /// <summary><c>beta</c>.</summary>
        public static readonly NumberKey Beta = new("flow", "beta", "reaction weight β; > 0 for `fr`, `sfr`; β = 0 makes `wfr` / `swfr` the transport-only flow `w`; α and β not both 0") { Range = NumberRange.NonNegative, Default = 1.0 };

        /// <summary><c>reaction</c>.</summary>
        public static readonly ChoiceKey<ReactionKind> Reaction = new("flow", "reaction", "how the reaction is computed: exactly, or by a kernel approximation ([kernel.md](kernel.md)); the kernel ones need `[kernel]` and a flow with a reaction part; `kernel-fr` goes with `fr`/`wfr` and `kernel-fr-spherical` with `sfr`/`swfr` (a mismatch is refused), `frk` and `mmd` run their mass-preserving forms under `sfr`/`swfr`", CaseChoiceNames.Reaction) { Default = ReactionKind.Exact };

        /// <summary><c>source</c>.</summary>
        public static readonly ExpressionKey Source = new("flow", "source", "a source term f added to the transport equation (manufactured solutions); needs a transport part") { UsesTime = true };

        /// <summary><c>epsilon</c>.</summary>
        public static readonly NumberKey Epsilon = new("flow", "epsilon", "regularization ε of the `mmd` reaction, (𝖪M + εI)⁻¹") { Range = NumberRange.Positive, Default = 1e-6 };
    }

    /// <summary><c>[kernel]</c>: needed by the kernel reactions, the MMD energy and the kernel particle methods.</summary>
    public static class Kernel
    {
        /// <summary><c>kind</c>.</summary>
        public static readonly ChoiceKey<KernelKind> Kind = new("kernel", "kind", "the kernel profile", CaseChoiceNames.Kernel) { Default = KernelKind.Gaussian };

        /// <summary><c>bandwidth</c>.</summary>
        public static readonly NumberOrWordKey Bandwidth = new("kernel", "bandwidth", "σ; `\"median\"`: the median distance between the mesh nodes", "median") { Range = NumberRange.Positive };

        /// <summary><c>lambda</c>.</summary>
        public static readonly NumberKey Lambda = new("kernel", "lambda", "the regularization λ of the RKHS projection (K_u + λ)⁻¹K_u") { Range = NumberRange.Positive, Default = 1e-6 };
    }

    /// <summary><c>[time]</c>.</summary>
    public static class Time
    {
        /// <summary><c>end</c>.</summary>
        public static readonly NumberKey End = new("time", "end", "final time T") { Range = NumberRange.Positive, Required = true };

        /// <summary><c>step</c>.</summary>
        public static readonly NumberKey Step = new("time", "step", "time step τ (the last step before an output time is shortened to hit it)") { Range = NumberRange.Positive, Required = true, TypeNote = "number, 0 < step ≤ end" };

        /// <summary><c>scheme</c>.</summary>
        public static readonly ChoiceKey<SplittingScheme> Scheme = new("time", "scheme", "splitting: first-order Lie with implicit Euler, or second-order Strang with TR-BDF2 and step rejection", CaseChoiceNames.Scheme) { Default = SplittingScheme.LieImplicitEuler };
    }

    /// <summary><c>[solver]</c>.</summary>
    public static class Solver
    {
        /// <summary><c>linear</c>.</summary>
        public static readonly ChoiceKey<LinearSolverKind> Linear = new("solver", "linear", "the sparse solver of the transport step; `auto` analyzes the pattern and keeps a direct solver (a banded LDLᵀ when the band holds no more than the sparse factor, as for P1 on an interval numbered in order; the managed Cholesky for factors up to 4 M entries, else CHOLMOD when it loads) while the fill nnz(L)/nnz(tril A) is at most 16 in 1D/2D and 6 in 3D, else conjugate gradients with IC(0) (1D/2D) or smoothed-aggregation multigrid (3D), to a relative residual of 1e-12; the summary's `run.linear_solver` says which and why (docs/performance.md)", CaseChoiceNames.LinearSolver) { Default = LinearSolverKind.Auto };

        /// <summary><c>reaction_tolerance</c>.</summary>
        public static readonly NumberKey ReactionTolerance = new("solver", "reaction_tolerance", "local error tolerance on log u of the adaptive reaction integrator (integrated exact reactions and the kernel reactions `kernel-fr`, `kernel-fr-spherical`, `frk`)") { Range = NumberRange.Positive, Default = 1e-11 };
    }

    /// <summary><c>[output]</c>.</summary>
    public static class Output
    {
        /// <summary><c>times</c>.</summary>
        public static readonly NumberArrayKey Times = new("output", "times", "output times: fields are written and summary quantities recorded there") { TypeNote = "array of numbers in [0, end], strictly increasing", DefaultNote = "`[0, end]`" };

        /// <summary><c>probes</c>.</summary>
        public static readonly StructuredKey Probes = new("output", "probes", "points where the density is sampled at each output time; each must lie in the domain (for a Gmsh domain: in the mesh's cells) up to 1e-12 of its size", "array of points (d numbers each)");

        /// <summary><c>regions</c>.</summary>
        public static readonly StructuredKey Regions = new("output", "regions", "named boxes whose mass ∫u is recorded at each output time; each must overlap the domain", "inline table `{ NAME = { lower = [...], upper = [...] } }`");

        /// <summary><c>checkpoint_every</c>.</summary>
        public static readonly IntegerKey CheckpointEvery = new("output", "checkpoint_every", "steps between checkpoints (0: none); `run --resume` continues from the last one") { Minimum = 0, Default = 0 };
    }

    /// <summary>One named region, <c>[output] regions.NAME</c>.</summary>
    public static class Region
    {
        /// <summary>The section path of a region's keys.</summary>
        public const string Section = "output.regions.NAME";

        /// <summary><c>lower</c>.</summary>
        public static readonly NumberArrayKey Lower = new(Section, "lower", "the box's lower corner") { DefaultNote = "required", TypeNote = "array of d numbers" };

        /// <summary><c>upper</c>.</summary>
        public static readonly NumberArrayKey Upper = new(Section, "upper", "the box's upper corner") { DefaultNote = "required", TypeNote = "array of d numbers" };
    }

    /// <summary><c>[particles]</c>.</summary>
    public static class Particles
    {
        /// <summary><c>count</c>.</summary>
        public static readonly IntegerKey Count = new("particles", "count", "number of particles") { Minimum = 1, Required = true };

        /// <summary><c>seed</c>.</summary>
        public static readonly IntegerKey Seed = new("particles", "seed", "random seed (sampling, Langevin noise)") { Minimum = 0, Maximum = long.MaxValue, Default = 0 };

        /// <summary><c>step</c>.</summary>
        public static readonly NumberKey Step = new("particles", "step", "particle time step") { Range = NumberRange.Positive, DefaultNote = "`[time] step`" };

        /// <summary><c>method</c>.</summary>
        public static readonly ChoiceKey<ParticleMethod> Method = new("particles", "method", "the particle method ([kernel.md](kernel.md) §3b); all but `birth-death-langevin` and `svgd` need `[kernel]` (`svgd` uses it when present); every method keeps the total weight, so the flow kind must be `sfr`, `swfr` or `w`", CaseChoiceNames.Particles) { Default = ParticleMethod.BirthDeathLangevin };

        /// <summary><c>density_bandwidth</c>.</summary>
        public static readonly NumberOrWordKey DensityBandwidth = new("particles", "density_bandwidth", "bandwidth h of the Gaussian kernel density estimate of log μ (`birth-death-langevin`, `kernel-fr`); `\"silverman\"`: h = (4/(d+2))^{1/(d+4)} σ̂ N^{−1/(d+4)} on the initial particles, σ̂² the mean marginal variance (1.06 σ̂ N^{−1/5} in 1D); independent of the RKHS bandwidth `[kernel] bandwidth`", "silverman") { Range = NumberRange.Positive };
    }

    /// <summary>The whole table, in documentation order.</summary>
    public static TomlKeyTable Table { get; } = new(
    [
        new TomlSection("", false, [Top.Name]),
        new TomlSection("domain", true, [Domain.Kind, Domain.Lower, Domain.Upper, Domain.Cells, Domain.File, Domain.Refine]),
        new TomlSection("target", true, [Target.Potential, Target.Density]),
        new TomlSection("initial", true, [Initial.Density, Initial.Mass]),
        new TomlSection("flow", true, [Flow.Kind, Flow.Energy, Flow.Alpha, Flow.Beta, Flow.Reaction, Flow.Source, Flow.Epsilon]),
        new TomlSection("kernel", false, [Kernel.Kind, Kernel.Bandwidth, Kernel.Lambda]),
        new TomlSection("time", true, [Time.End, Time.Step, Time.Scheme]),
        new TomlSection("solver", false, [Solver.Linear, Solver.ReactionTolerance]),
        new TomlSection("output", false, [Output.Times, Output.Probes, Output.Regions, Output.CheckpointEvery]),
        new TomlSection(Region.Section, false, [Region.Lower, Region.Upper]),
        new TomlSection("particles", false, [Particles.Count, Particles.Seed, Particles.Step, Particles.Method, Particles.DensityBandwidth]),
    ]);
}
