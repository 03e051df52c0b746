using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// The spelling of each enumerated choice in a case file (a public contract: see interfaces.md).
/// The values are those of the libraries that use them (one enum per concept: the splitting scheme
/// is Flows' <see cref="SplittingScheme"/>, the linear solver Discretization's
/// <see cref="LinearSolverKind"/>, the kernel KernelApprox's <see cref="KernelKind"/>); only the
/// spellings live here.
/// </summary>
public static class CaseChoiceNames
{
    /// <summary><c>[domain] kind</c>.</summary>
    public static ChoiceSpellings<DomainKind> Domain { get; } = new(
        ("interval", DomainKind.Interval), ("rectangle", DomainKind.Rectangle), ("box", DomainKind.Box), ("gmsh", DomainKind.Gmsh));

    /// <summary><c>[flow] kind</c>.</summary>
    public static ChoiceSpellings<FlowKind> Flow { get; } = new(
        ("fr", FlowKind.FisherRao), ("sfr", FlowKind.SphericalFisherRao), ("w", FlowKind.Wasserstein),
        ("wfr", FlowKind.WassersteinFisherRao), ("swfr", FlowKind.SphericalWassersteinFisherRao));

    /// <summary><c>[flow] energy</c>.</summary>
    public static ChoiceSpellings<EnergyKind> Energy { get; } = new(
        ("kl", EnergyKind.KullbackLeibler), ("chi2", EnergyKind.ChiSquared), ("mmd", EnergyKind.MaximumMeanDiscrepancy));

    /// <summary><c>[flow] reaction</c>.</summary>
    public static ChoiceSpellings<ReactionKind> Reaction { get; } = new(
        ("exact", ReactionKind.Exact), ("kernel-fr", ReactionKind.KernelFisherRao), ("kernel-fr-spherical", ReactionKind.KernelFisherRaoSpherical),
        ("frk", ReactionKind.FisherRaoKernel), ("mmd", ReactionKind.MaximumMeanDiscrepancy));

    /// <summary><c>[kernel] kind</c> (and a study's <c>mmd_kernel</c>).</summary>
    public static ChoiceSpellings<KernelKind> Kernel { get; } = new(
        ("gaussian", KernelKind.Gaussian), ("laplace", KernelKind.Laplace), ("matern32", KernelKind.MaternThreeHalves),
        ("matern52", KernelKind.MaternFiveHalves), ("imq", KernelKind.InverseMultiquadric));

    /// <summary><c>[time] scheme</c>.</summary>
    public static ChoiceSpellings<SplittingScheme> Scheme { get; } = new(("lie-ie", SplittingScheme.LieImplicitEuler), ("strang", SplittingScheme.Strang));

    /// <summary><c>[solver] linear</c>.</summary>
    public static ChoiceSpellings<LinearSolverKind> LinearSolver { get; } = new(
        ("auto", LinearSolverKind.Auto), ("managed", LinearSolverKind.Managed), ("cholmod", LinearSolverKind.Cholmod), ("pcg", LinearSolverKind.Pcg));

    /// <summary><c>[particles] method</c>.</summary>
    public static ChoiceSpellings<ParticleMethod> Particles { get; } = new(
        ("birth-death-langevin", ParticleMethod.BirthDeathLangevin), ("svgd", ParticleMethod.SteinVariationalGradientDescent),
        ("svgd-regularized", ParticleMethod.RegularizedSteinVariationalGradientDescent), ("kernel-fr", ParticleMethod.KernelFisherRao),
        ("mmd-flow", ParticleMethod.MaximumMeanDiscrepancyFlow), ("ift", ParticleMethod.InteractionForceTransport));

    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(DomainKind)] = Domain, [typeof(FlowKind)] = Flow, [typeof(EnergyKind)] = Energy, [typeof(ReactionKind)] = Reaction,
        [typeof(KernelKind)] = Kernel, [typeof(SplittingScheme)] = Scheme, [typeof(LinearSolverKind)] = LinearSolver, [typeof(ParticleMethod)] = Particles,
    };

    /// <summary>The spellings of <typeparamref name="TChoice"/>.</summary>
    /// <typeparam name="TChoice">One of the enumerations a case file names.</typeparam>
    /// <returns>Its spellings.</returns>
    public static ChoiceSpellings<TChoice> Of<TChoice>()
        where TChoice : struct, Enum => (ChoiceSpellings<TChoice>)ByType[typeof(TChoice)];

    /// <summary>The case-file spelling of <paramref name="value"/>, e.g. <c>lie-ie</c>.</summary>
    /// <typeparam name="TChoice">One of the enumerations a case file names.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its name in case files.</returns>
    public static string NameOf<TChoice>(TChoice value)
        where TChoice : struct, Enum => Of<TChoice>().NameOf(value);
}
