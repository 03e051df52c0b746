namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The exact (closed-form) Fisher–Rao reaction of the relative entropy (math.md §4–5): with
/// ℓ = log(u/π), ℓ̇ = −β(ℓ − c) gives ℓ(s) = e^{−βs} ℓ(0) + const; the constant is 0 for FR and,
/// for SFR, the one that restores the lumped mass Σ m_i u_i (the mean subtraction only rescales).
/// </summary>
public sealed class RelativeEntropyReaction : IReaction
{
    private readonly NodalSetting setting;
    private readonly FisherRaoRate rate;

    /// <summary>Creates the reaction for weight β, spherical (SFR) or not (FR).</summary>
    public RelativeEntropyReaction(NodalSetting setting, double beta, bool spherical)
    {
        this.setting = setting;
        rate = new FisherRaoRate(Energies.RelativeEntropy.Instance, setting, beta, spherical);
    }

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        double mass = rate.Spherical ? setting.Mass(density) : 0;
        double decay = Math.Exp(-rate.Beta * duration);
        ReadOnlySpan<double> pi = setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            // u = π^{1−e^{−βs}} u₀^{e^{−βs}}, written through ℓ to keep tiny densities accurate.
            density[i] = pi[i] * Math.Exp(decay * Math.Log(density[i] / pi[i]));
        }

        if (rate.Spherical)
        {
            double scale = mass / setting.Mass(density);
            for (int i = 0; i < density.Length; i++)
            {
                density[i] *= scale;
            }
        }

        return ReactionStepReport.ClosedForm;
    }
}
