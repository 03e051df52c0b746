namespace PdeFlows.Flows.Cases;

/// <summary>The spelling of each enumerated choice in a case file (a public contract: see interfaces.md).</summary>
public static class CaseChoiceNames
{
    private static readonly Dictionary<Type, (string Name, object Value)[]> Names = new()
    {
        [typeof(DomainKind)] = [("interval", DomainKind.Interval), ("rectangle", DomainKind.Rectangle), ("box", DomainKind.Box), ("gmsh", DomainKind.Gmsh)],
        [typeof(FlowKind)] =
        [
            ("fr", FlowKind.FisherRao), ("sfr", FlowKind.SphericalFisherRao), ("w", FlowKind.Wasserstein),
            ("wfr", FlowKind.WassersteinFisherRao), ("swfr", FlowKind.SphericalWassersteinFisherRao),
        ],
        [typeof(EnergyKind)] = [("kl", EnergyKind.KullbackLeibler), ("chi2", EnergyKind.ChiSquared), ("mmd", EnergyKind.MaximumMeanDiscrepancy)],
        [typeof(ReactionKind)] =
        [
            ("exact", ReactionKind.Exact), ("kernel-fr", ReactionKind.KernelFisherRao),
            ("kernel-fr-spherical", ReactionKind.KernelFisherRaoSpherical), ("frk", ReactionKind.FisherRaoKernel),
            ("mmd", ReactionKind.MaximumMeanDiscrepancy),
        ],
        [typeof(KernelKind)] =
        [
            ("gaussian", KernelKind.Gaussian), ("laplace", KernelKind.Laplace), ("matern32", KernelKind.Matern32),
            ("matern52", KernelKind.Matern52), ("imq", KernelKind.InverseMultiquadric),
        ],
        [typeof(TimeScheme)] = [("lie-ie", TimeScheme.LieImplicitEuler), ("strang", TimeScheme.Strang)],
        [typeof(LinearSolverKind)] =
        [
            ("auto", LinearSolverKind.Auto), ("managed", LinearSolverKind.Managed), ("cholmod", LinearSolverKind.Cholmod),
            ("pcg", LinearSolverKind.PreconditionedConjugateGradient),
        ],
        [typeof(ParticleMethod)] =
        [
            ("birth-death-langevin", ParticleMethod.BirthDeathLangevin), ("svgd", ParticleMethod.SteinVariationalGradientDescent),
            ("svgd-regularized", ParticleMethod.RegularizedSteinVariationalGradientDescent), ("kernel-fr", ParticleMethod.KernelFisherRao),
            ("mmd-flow", ParticleMethod.MaximumMeanDiscrepancyFlow), ("ift", ParticleMethod.InteractionForceTransport),
        ],
        [typeof(TargetKind)] = [("potential", TargetKind.Potential), ("density", TargetKind.Density)],
    };

    /// <summary>The case-file spelling of <paramref name="value"/>, e.g. <c>lie-ie</c>.</summary>
    /// <typeparam name="TChoice">One of the case-file enumerations.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its name in case files.</returns>
    public static string NameOf<TChoice>(TChoice value)
        where TChoice : struct, Enum =>
        Names[typeof(TChoice)].First(n => n.Value.Equals(value)).Name;

    /// <summary>Reads a case-file spelling; exact and case-sensitive.</summary>
    /// <typeparam name="TChoice">One of the case-file enumerations.</typeparam>
    /// <param name="name">The spelling, e.g. <c>swfr</c>.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether <paramref name="name"/> is an allowed spelling.</returns>
    public static bool TryParse<TChoice>(string name, out TChoice value)
        where TChoice : struct, Enum
    {
        foreach ((string n, object v) in Names[typeof(TChoice)])
        {
            if (n == name)
            {
                value = (TChoice)v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>All spellings of <typeparamref name="TChoice"/>, in documentation order.</summary>
    /// <typeparam name="TChoice">One of the case-file enumerations.</typeparam>
    /// <returns>The allowed names.</returns>
    public static IReadOnlyList<string> AllowedNames<TChoice>()
        where TChoice : struct, Enum =>
        Names[typeof(TChoice)].Select(n => n.Name).ToArray();
}
