using PdeFlows.Flows.Energies;

namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The exact Fisher–Rao rate ρ = β (ξ − c) with ξ = δE/δu: c = 0 for the unbalanced flow (FR),
/// c = ⟨ξ⟩_u (lumped, u-weighted) for the spherical flow (SFR), which keeps the mass.
/// </summary>
public sealed class FisherRaoRate : IReactionRate
{
    private readonly IEnergy energy;
    private readonly NodalSetting setting;

    /// <summary>Creates the rate.</summary>
    public FisherRaoRate(IEnergy energy, NodalSetting setting, double beta, bool spherical)
    {
        if (!(beta >= 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and ≥ 0");
        }

        this.energy = energy;
        this.setting = setting;
        Beta = beta;
        Spherical = spherical;
    }

    /// <summary>Reaction weight β.</summary>
    public double Beta { get; }

    /// <summary>Whether the mean ⟨ξ⟩_u is subtracted (mass-preserving flow).</summary>
    public bool Spherical { get; }

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate)
    {
        energy.FirstVariation(density, setting, rate);
        double c = Spherical ? setting.WeightedMean(density, rate) : 0.0;
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * (rate[i] - c);
        }
    }
}
