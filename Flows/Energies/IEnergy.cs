namespace PdeFlows.Flows.Energies;

/// <summary>
/// A driving energy E(u) with its first variation ξ = δE/δu (math.md §2), both evaluated on nodal
/// densities with the lumped rule. The kernel module implements it for the MMD energy.
/// </summary>
public interface IEnergy
{
    /// <summary>The case-file name of the energy (kl, chi2, mmd).</summary>
    string Name { get; }

    /// <summary>E_h(u).</summary>
    double Value(ReadOnlySpan<double> density, NodalSetting setting);

    /// <summary>Writes ξ_i = (δE/δu)(x_i) into <paramref name="firstVariation"/>.</summary>
    void FirstVariation(ReadOnlySpan<double> density, NodalSetting setting, Span<double> firstVariation);
}
