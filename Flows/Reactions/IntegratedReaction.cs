namespace PdeFlows.Flows.Reactions;

/// <summary>
/// A reaction advanced by an adaptive, positivity-preserving integrator: the ODE u̇_i = −u_i ρ_i(u)
/// is solved for y_i = log u_i, ẏ_i = −ρ_i(e^y), with the <see cref="DormandPrinceIntegrator"/>.
/// Working in log variables keeps u positive for any step and makes the (absolute) tolerance on
/// log u a relative one on u. Used where no closed form exists (spherical χ², kernel reactions).
/// </summary>
public sealed class IntegratedReaction : IReaction
{
    private readonly IReactionRate rate;
    private readonly DormandPrinceIntegrator integrator;
    private readonly double[] logDensity;
    private readonly double[] work;
    private bool firstStageAtInput;

    /// <summary>Creates the integrator for <paramref name="nodes"/> unknowns.</summary>
    /// <param name="rate">The rate ρ(u).</param>
    /// <param name="nodes">Number of nodes.</param>
    /// <param name="tolerance">Absolute tolerance on log u per step (relative on u); default 1e-11.</param>
    public IntegratedReaction(IReactionRate rate, int nodes, double tolerance = 1e-11)
    {
        if (!(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be positive");
        }

        this.rate = rate;
        Tolerance = tolerance;
        integrator = new DormandPrinceIntegrator(nodes, relativeTolerance: 0.0, absoluteTolerance: tolerance);
        logDensity = new double[nodes];
        work = new double[nodes];
    }

    /// <summary>The local error tolerance on log u.</summary>
    public double Tolerance { get; }

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        for (int i = 0; i < density.Length; i++)
        {
            logDensity[i] = Math.Log(density[i]);
        }

        // The first stage is evaluated at u itself rather than at e^{log u} (equal up to an ulp): a
        // rate that remembers its last evaluation then reuses the one the splitting solver made at
        // the end of the previous step (the dissipation), instead of repeating it.
        density.CopyTo(work);
        firstStageAtInput = true;
        var report = integrator.Advance(Derivative, logDensity, duration);
        firstStageAtInput = false;
        for (int i = 0; i < density.Length; i++)
        {
            density[i] = Math.Exp(logDensity[i]);
        }

        return report;
    }

    /// <summary>ẏ = −ρ(e^y).</summary>
    private void Derivative(ReadOnlySpan<double> log, Span<double> result)
    {
        if (firstStageAtInput)
        {
            firstStageAtInput = false; // work holds u, whose logarithm is the initial state
        }
        else
        {
            for (int i = 0; i < log.Length; i++)
            {
                work[i] = Math.Exp(log[i]);
            }
        }

        rate.Rate(work, result);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = -result[i];
        }
    }
}
