namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The exact Fisher–Rao reaction of χ² in the unbalanced case: r = u/π solves ṙ = −β r (r − 1), so
/// r(s) = 1 / (1 + (1/r₀ − 1) e^{−βs}) (math.md §4). The spherical case has a nonlocal constant and
/// no closed form; use <see cref="IntegratedReaction"/> with <see cref="FisherRaoRate"/> instead.
/// </summary>
public sealed class ChiSquaredReaction : IReaction
{
    private readonly NodalSetting setting;
    private readonly FisherRaoRate rate;

    /// <summary>Creates the unbalanced χ² reaction with weight β.</summary>
    public ChiSquaredReaction(NodalSetting setting, double beta)
    {
        this.setting = setting;
        rate = new FisherRaoRate(Energies.ChiSquared.Instance, setting, beta, spherical: false);
    }

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        double decay = Math.Exp(-rate.Beta * duration);
        ReadOnlySpan<double> pi = setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            double r0 = density[i] / pi[i];
            // 1/(1 + (1/r₀ − 1)e^{−βs}) = r₀ / (r₀ + (1 − r₀)e^{−βs}): no division by a tiny r₀.
            density[i] = pi[i] * r0 / (r0 + ((1 - r0) * decay));
        }

        return ReactionStepReport.ClosedForm;
    }
}
