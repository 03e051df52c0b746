namespace PdeFlows.Flows.Reactions;

/// <summary>
/// A reaction advanced by an adaptive, positivity-preserving integrator: the ODE u̇_i = −u_i ρ_i(u)
/// is solved for y_i = log u_i, ẏ_i = −ρ_i(e^y), with the Dormand–Prince 5(4) pair and standard step
/// control. Working in log variables keeps u positive for any step and makes the tolerance a
/// relative one on u. Used where no closed form exists (spherical χ², kernel reactions).
/// </summary>
public sealed class IntegratedReaction : IReaction
{
    // Dormand–Prince 5(4) tableau (Hairer, Nørsett & Wanner, Table II.5.2).
    private static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];
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

    // Fifth-order weights are the last row of A (FSAL); these are 5th minus 4th order weights.
    private static readonly double[] ErrorWeights =
        [71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];

    private readonly IReactionRate rate;
    private readonly double[][] stages;
    private readonly double[] y;
    private readonly double[] trial;
    private readonly double[] work;

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
        stages = Enumerable.Range(0, 7).Select(_ => new double[nodes]).ToArray();
        y = new double[nodes];
        trial = new double[nodes];
        work = new double[nodes];
    }

    /// <summary>The local error tolerance on log u.</summary>
    public double Tolerance { get; }

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        if (duration <= 0)
        {
            return new ReactionStepReport(0, 0);
        }

        int n = density.Length;
        for (int i = 0; i < n; i++)
        {
            y[i] = Math.Log(density[i]);
        }

        Derivative(y, stages[0]);
        double t = 0;
        // Each advance starts from its own initial step (no state carried between calls), so a run
        // resumed from a checkpoint repeats the uninterrupted run bit for bit.
        double h = InitialStep(duration);
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
                    double sum = 0;
                    for (int j = 0; j < s; j++)
                    {
                        sum += A[s][j] * stages[j][i];
                    }

                    trial[i] = y[i] + (h * sum);
                }

                Derivative(trial, stages[s]);
            }

            // trial now holds the 5th-order solution (stage 7 was evaluated at it: FSAL).
            double error = 0;
            for (int i = 0; i < n; i++)
            {
                double e = 0;
                for (int s = 0; s < 7; s++)
                {
                    e += ErrorWeights[s] * stages[s][i];
                }

                error = Math.Max(error, Math.Abs(h * e) / Tolerance);
            }

            if (!double.IsFinite(error))
            {
                error = 1e10; // an overflow in the trial stage: shrink hard
            }

            double factor = Math.Clamp(0.9 * Math.Pow(Math.Max(error, 1e-10), -0.2), 0.2, 5.0);
            if (error <= 1)
            {
                t = last ? duration : t + h;
                Array.Copy(trial, y, n);
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
                    throw new InvalidOperationException($"reaction integrator: step size underflow at t = {t:G6} of {duration:G6}");
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            density[i] = Math.Exp(y[i]);
        }

        return new ReactionStepReport(accepted, rejected);
    }

    private double InitialStep(double duration)
    {
        double maxRate = 0;
        foreach (double r in stages[0])
        {
            maxRate = Math.Max(maxRate, Math.Abs(r));
        }

        // A step over which the fastest log-rate changes log u by about the tolerance^(1/5).
        double h = maxRate > 0 ? Math.Pow(Tolerance, 0.2) / maxRate : duration;
        return Math.Min(h, duration);
    }

    /// <summary>ẏ = −ρ(e^y).</summary>
    private void Derivative(double[] logDensity, double[] result)
    {
        for (int i = 0; i < logDensity.Length; i++)
        {
            work[i] = Math.Exp(logDensity[i]);
        }

        rate.Rate(work, result);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = -result[i];
        }
    }
}
