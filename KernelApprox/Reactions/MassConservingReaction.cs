using PdeFlows.Flows;
using PdeFlows.Flows.Reactions;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// A spherical (mass-preserving) reaction whose integrator does not keep the mass exactly: an
/// adaptive Runge–Kutta method in log u, or in u with a nonlinear velocity, conserves the linear
/// invariant Σmᵢuᵢ only up to its local error tolerance per step. The flow itself conserves it
/// (Σ wᵢρᵢ = 0 at every state), so after each step u is rescaled to the mass it had before the step:
/// the projection onto the invariant moves u by no more than the integrator's own error, and
/// keeps the mass to round-off (about 1e-15 relative per step).
/// </summary>
public sealed class MassConservingReaction : IReaction
{
    private readonly IReaction inner;
    private readonly NodalSetting setting;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The integrator of a mass-preserving flow.</param>
    /// <param name="setting">The lumped masses.</param>
    public MassConservingReaction(IReaction inner, NodalSetting setting)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
    }

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => inner.Rate(density, rate);

    /// <inheritdoc />
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        double before = setting.Mass(density);
        ReactionStepReport report = inner.Advance(density, duration);
        double after = setting.Mass(density);
        if (after > 0 && double.IsFinite(after))
        {
            double scale = before / after;
            for (int i = 0; i < density.Length; i++)
            {
                density[i] *= scale;
            }
        }

        return report;
    }
}
