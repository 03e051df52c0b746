namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The right-hand side of an autonomous ODE ẏ = f(y): writes f(<paramref name="state"/>) into <paramref name="derivative"/>.
/// </summary>
/// <param name="state">The current state y (read only).</param>
/// <param name="derivative">Destination for f(y), same length.</param>
public delegate void OdeRightHandSide(ReadOnlySpan<double> state, Span<double> derivative);

/// <summary>
/// Adaptive Dormand–Prince 5(4) integration of ẏ = f(y), the one integrator of the reactions:
/// in log variables for u̇ = −u ρ (<see cref="IntegratedReaction"/>, absolute tolerance only) and in
/// the plain variables for flows that may change sign (the MMD-geometry reaction). Mixed error
/// control: a step is accepted when maxᵢ |errᵢ| / (absolute + relative·max(|yᵢ|, |ŷᵢ|)) ≤ 1.
/// </summary>
/// <remarks>
/// Tableau of Hairer, Nørsett &amp; Wanner (Table II.5.2), FSAL, step factor
/// 0.9·err^(−1/5) clamped to [0.2, 5]. No state is carried from one call to the next (each starts
/// from its own initial step), so a run resumed from a checkpoint repeats the uninterrupted run
/// bit for bit.
/// </remarks>
public sealed class DormandPrinceIntegrator
{
    private static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];

    private static readonly double[] ErrorWeights =
        [71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];

    private readonly double[][] stages;
    private readonly double[] trial;

    /// <summary>Creates the integrator for <paramref name="size"/> unknowns.</summary>
    /// <param name="size">The number of unknowns.</param>
    /// <param name="relativeTolerance">Relative local error tolerance, &gt; 0.</param>
    /// <param name="absoluteTolerance">Absolute local error tolerance, ≥ 0.</param>
    public DormandPrinceIntegrator(int size, double relativeTolerance, double absoluteTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!(relativeTolerance >= 0.0) || !(absoluteTolerance >= 0.0) || relativeTolerance + absoluteTolerance == 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), "Tolerances must be ≥ 0 and not both zero.");
        }

        RelativeTolerance = relativeTolerance;
        AbsoluteTolerance = absoluteTolerance;
        stages = Enumerable.Range(0, 7).Select(_ => new double[size]).ToArray();
        trial = new double[size];
    }

    /// <summary>The relative local error tolerance.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The absolute local error tolerance.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>Advances <paramref name="state"/> in place over <paramref name="duration"/>.</summary>
    /// <param name="rightHandSide">f.</param>
    /// <param name="state">y, overwritten by y(duration).</param>
    /// <param name="duration">The time span (≤ 0 does nothing).</param>
    /// <returns>Accepted and rejected steps.</returns>
    /// <exception cref="InvalidOperationException">The step size underflowed.</exception>
    public ReactionStepReport Advance(OdeRightHandSide rightHandSide, Span<double> state, double duration)
    {
        ArgumentNullException.ThrowIfNull(rightHandSide);
        if (state.Length != trial.Length)
        {
            throw new ArgumentException($"State has length {state.Length}, expected {trial.Length}.", nameof(state));
        }

        if (!(duration > 0.0))
        {
            return new ReactionStepReport(0, 0);
        }

        int n = state.Length;
        rightHandSide(state, stages[0]);
        double t = 0.0;
        double h = InitialStep(state, duration);
        int accepted = 0, rejected = 0;
        while (t < duration)
        {
            bool last = t + h >= duration * (1 - 1e-14);
            if (last)
            {
                h = duration - t;
            }

            for (int s = 1; s < 7; s++)
            {
                for (int i = 0; i < n; i++)
                {
                    double sum = 0.0;
                    for (int j = 0; j < s; j++)
                    {
                        sum += A[s][j] * stages[j][i];
                    }

                    trial[i] = state[i] + (h * sum);
                }

                rightHandSide(trial, stages[s]);
            }

            double error = 0.0;
            for (int i = 0; i < n; i++)
            {
                double e = 0.0;
                for (int s = 0; s < 7; s++)
                {
                    e += ErrorWeights[s] * stages[s][i];
                }

                double scale = AbsoluteTolerance + (RelativeTolerance * Math.Max(Math.Abs(state[i]), Math.Abs(trial[i])));
                error = Math.Max(error, Math.Abs(h * e) / scale);
            }

            if (!double.IsFinite(error))
            {
                error = 1e10;
            }

            double factor = Math.Clamp(0.9 * Math.Pow(Math.Max(error, 1e-10), -0.2), 0.2, 5.0);
            if (error <= 1.0)
            {
                t = last ? duration : t + h;
                trial.CopyTo(state);
                Array.Copy(stages[6], stages[0], n);
                accepted++;
                h *= factor;
            }
            else
            {
                rejected++;
                h *= Math.Max(factor, 0.1);
                if (h < duration * 1e-14)
                {
                    throw new InvalidOperationException($"Dormand–Prince: step size underflow at t = {t:G6} of {duration:G6}.");
                }
            }
        }

        return new ReactionStepReport(accepted, rejected);
    }

    private double InitialStep(ReadOnlySpan<double> state, double duration)
    {
        // Hairer, Nørsett & Wanner's first guess: a step that changes the state by 1% in the
        // tolerance-scaled norm (or by 1% of the tolerance scale when the state is ~0).
        double stateNorm = 0.0, rateNorm = 0.0;
        for (int i = 0; i < state.Length; i++)
        {
            double scale = AbsoluteTolerance + (RelativeTolerance * Math.Abs(state[i]));
            stateNorm = Math.Max(stateNorm, Math.Abs(state[i]) / scale);
            rateNorm = Math.Max(rateNorm, Math.Abs(stages[0][i]) / scale);
        }

        double h = rateNorm > 0.0 ? 0.01 * Math.Max(stateNorm, 1.0) / rateNorm : duration;
        return Math.Min(Math.Max(h, duration * 1e-6), duration);
    }
}
