namespace PdeFlows.Verification.Gamma;

/// <summary>How the tail of a sequence behaves.</summary>
public enum TailBehaviour
{
    /// <summary>Every increment of the tail is below the negligible scale: the sequence has settled.</summary>
    Flat,

    /// <summary>The increments shrink geometrically (|ratio| ≤ <see cref="LowerLimitEstimator.ConvergenceRatio"/>), monotone or alternating.</summary>
    Converging,

    /// <summary>Increasing, but not (yet) geometrically converging.</summary>
    Increasing,

    /// <summary>Decreasing, but not (yet) geometrically converging.</summary>
    Decreasing,

    /// <summary>Increments of both signs that do not shrink geometrically.</summary>
    Oscillating,
}

/// <summary>An estimate of the lower limit of a sequence from its tail, with the interval the tail allows for it.</summary>
/// <param name="Value">The estimate (see <see cref="LowerLimitEstimator"/> for each behaviour).</param>
/// <param name="Lower">The smallest lower limit the tail allows (−∞ when it cannot bound it from below).</param>
/// <param name="Upper">The largest lower limit the tail allows (+∞ when it cannot bound it from above).</param>
/// <param name="Behaviour">How the tail behaves.</param>
/// <param name="Ratio">The last ratio of successive increments q = d_K/d_{K−1} (NaN when undefined).</param>
/// <param name="TailLength">K, the number of tail values used.</param>
public sealed record LowerLimitEstimate(double Value, double Lower, double Upper, TailBehaviour Behaviour, double Ratio, int TailLength);

/// <summary>
/// Estimates the lower limit liminf Xₖ of a sequence X₁, X₂, … (values of a path functional along
/// λₖ → 0, λ decreasing by a constant factor) from its last K values, d_j = X_j − X_{j−1}, as an
/// estimate inside an interval [Lower, Upper] the tail allows:
/// <list type="bullet">
/// <item><b>flat</b> (every |d_j| ≤ the negligible scale): the last value, ± max|d_j|;</item>
/// <item><b>converging</b> (K ≥ 4 and every ratio |d_j/d_{j−1}| ≤ 0.8, monotone or alternating — e.g. X = L + Cλ^p on a
/// geometric λ sequence): the limit, estimated by Aitken's Δ² extrapolation of the last three values,
/// X̂ = X_K + d_K q/(1 − q), q = d_K/d_{K−1} (exact for geometric tails); the interval is X_K plus the
/// remaining sum d_K q/(1 − q) for every future ratio q between 0 (the tail stops at X_K: convergence may
/// speed up, e.g. when a faster component takes over) and the most extreme observed ratio extended by
/// the ratio's last drift |q_K − q_{K−1}| (a ratio still drifting may drift as much again), its far end
/// widened by <see cref="ModelAllowance"/> of the extrapolated remainder |X̂ − X_K|. So the observed last
/// value bounds one side: a tail falling towards L holds only if even the slow extrapolation stays above
/// L − τ, and fails only once X_K itself is below; a tail rising towards L holds once X_K reaches L − τ;</item>
/// <item><b>increasing</b>, not converging: the last value, [X_K, +∞) (the liminf is at least X_K while the tail increases);</item>
/// <item><b>decreasing</b>, not converging: the last value, (−∞, X_K];</item>
/// <item><b>oscillating</b>, not converging: the lower envelope min(X_{K−1}, X_K), within [min, max] of the tail.</item>
/// </list>
/// The verdict against a limit L with tolerance τ is in <see cref="LiminfCheck"/>.
/// </summary>
public static class LowerLimitEstimator
{
    /// <summary>The largest ratio of successive increments that counts as geometric convergence (a remaining tail sum of at most 4|d_K|).</summary>
    public const double ConvergenceRatio = 0.8;

    /// <summary>
    /// The fraction of the extrapolated remainder |X̂ − X_K| added on both sides of a converging tail's
    /// interval: Aitken's Δ² is exact for a geometric tail, but a sum of power laws in λ has a ratio that
    /// drifts, not necessarily linearly (10% of the remainder beyond the linear drift is allowed for).
    /// </summary>
    public const double ModelAllowance = 0.1;

    /// <summary>The tail length used by the studies: the smaller half of the sweep, at least 4 (two increment ratios), at most all values.</summary>
    /// <param name="count">The number of values.</param>
    /// <returns>K.</returns>
    public static int TailLength(int count) => Math.Min(count, Math.Max(4, count / 2));

    /// <summary>Estimates the lower limit from the last <paramref name="tailLength"/> values.</summary>
    /// <param name="values">The sequence, in order (λ decreasing).</param>
    /// <param name="tailLength">K ≥ 3.</param>
    /// <param name="negligible">Increments at or below this are no change (round-off, solver noise); ≥ 0.</param>
    /// <returns>The estimate.</returns>
    public static LowerLimitEstimate Estimate(IReadOnlyList<double> values, int tailLength, double negligible)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (tailLength < 3 || tailLength > values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(tailLength), tailLength, $"the tail needs 3 to {values.Count} values");
        }

        double[] x = values.Skip(values.Count - tailLength).ToArray();
        int k = x.Length - 1;
        double[] d = new double[k];
        for (int j = 0; j < k; j++)
        {
            d[j] = x[j + 1] - x[j];
        }

        double last = x[^1];
        double ratio = d[^2] != 0 ? d[^1] / d[^2] : double.NaN;
        double largest = d.Max(Math.Abs);
        if (largest <= negligible)
        {
            return new LowerLimitEstimate(last, last - largest, last + largest, TailBehaviour.Flat, ratio, tailLength);
        }

        // Geometric convergence needs two ratios to be seen (one ratio says nothing about its drift).
        bool geometric = k >= 3;
        for (int j = 1; j < k; j++)
        {
            geometric &= d[j - 1] != 0 && Math.Abs(d[j] / d[j - 1]) <= ConvergenceRatio;
        }

        if (geometric)
        {
            // The remaining sum S(q) = d_K q/(1 − q) is monotone in q on (−1, 1). The future ratio may be
            // anywhere between 0 (the tail stops here: X_K itself) and the most extreme ratio observed,
            // extended by the last drift of the ratio (a drifting ratio may drift as much again).
            double lowestRatio = 0, highestRatio = 0;
            for (int j = 1; j < k; j++)
            {
                double q = d[j] / d[j - 1];
                lowestRatio = Math.Min(lowestRatio, q);
                highestRatio = Math.Max(highestRatio, q);
            }

            double drift = Math.Abs(ratio - (d[^2] / d[^3]));
            lowestRatio = lowestRatio < 0 ? Math.Max(lowestRatio - drift, -ConvergenceRatio) : 0;
            highestRatio = highestRatio > 0 ? Math.Min(highestRatio + drift, ConvergenceRatio) : 0;
            double estimate = last + Remaining(d[^1], ratio);
            double a = Remaining(d[^1], lowestRatio), b = Remaining(d[^1], highestRatio);
            double allowance = ModelAllowance * Math.Abs(estimate - last);
            double lower = last + Math.Min(a, b), upper = last + Math.Max(a, b);
            lower -= lower < last ? allowance : 0;
            upper += upper > last ? allowance : 0;
            return new LowerLimitEstimate(estimate, Math.Min(lower, estimate), Math.Max(upper, estimate), TailBehaviour.Converging, ratio, tailLength);
        }

        if (d.All(v => v > 0))
        {
            return new LowerLimitEstimate(last, last, double.PositiveInfinity, TailBehaviour.Increasing, ratio, tailLength);
        }

        if (d.All(v => v < 0))
        {
            return new LowerLimitEstimate(last, double.NegativeInfinity, last, TailBehaviour.Decreasing, ratio, tailLength);
        }

        return new LowerLimitEstimate(Math.Min(x[^1], x[^2]), x.Min(), x.Max(), TailBehaviour.Oscillating, ratio, tailLength);
    }

    /// <summary>d q/(1 − q): the sum of the increments after one of size d if each is q times the previous.</summary>
    private static double Remaining(double increment, double q) => increment * q / (1 - q);
}
