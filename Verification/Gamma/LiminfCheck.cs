using System.Globalization;

namespace PdeFlows.Verification.Gamma;

/// <summary>The verdict of a liminf inequality judged on a finite sweep.</summary>
public enum LiminfVerdict
{
    /// <summary>The estimated lower limit is at least the limit value minus the tolerance, even at the pessimistic end of its uncertainty.</summary>
    Holds,

    /// <summary>The estimated lower limit is below the limit value minus the tolerance, even at the optimistic end of its uncertainty.</summary>
    Fails,

    /// <summary>The sweep cannot decide (the sequence has not converged in it, or the uncertainty straddles the bound).</summary>
    Inconclusive,
}

/// <summary>
/// One liminf inequality of the theorem, liminf_k X_k ≥ L, judged on a finite sweep (kernel.md §5
/// point 4): the lower limit is estimated from the tail (<see cref="LowerLimitEstimator"/>) and
/// compared with L − τ: holds if the whole interval the tail allows for the lower limit lies at or
/// above L − τ, fails if it lies below, inconclusive otherwise. So an increasing tail that has not
/// converged holds once its last value reaches L − τ and never fails; a decreasing one fails once its
/// last value is below L − τ and never holds; an oscillating one fails only if its whole tail is below.
/// </summary>
/// <param name="Quantity">What X is (for the report).</param>
/// <param name="Values">X_k along the sweep.</param>
/// <param name="Limit">L, the value on the limit path.</param>
/// <param name="Tolerance">τ ≥ 0.</param>
/// <param name="Estimate">The lower-limit estimate.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Parts">For a check judged on two parts (<see cref="JudgeSplit"/>): each part's name and estimate (relative to L); null otherwise.</param>
public sealed record LiminfCheck(string Quantity, IReadOnlyList<double> Values, double Limit, double Tolerance, LowerLimitEstimate Estimate, LiminfVerdict Verdict, IReadOnlyList<(string Name, LowerLimitEstimate Estimate)>? Parts = null)
{
    /// <summary>Judges liminf X ≥ L on the last <paramref name="tailLength"/> values.</summary>
    /// <param name="quantity">What X is.</param>
    /// <param name="values">X_k along the sweep (λ decreasing).</param>
    /// <param name="limit">L.</param>
    /// <param name="tolerance">τ ≥ 0.</param>
    /// <param name="tailLength">K ≥ 3; default <see cref="LowerLimitEstimator.TailLength"/>.</param>
    /// <returns>The check.</returns>
    public static LiminfCheck Judge(string quantity, IReadOnlyList<double> values, double limit, double tolerance, int? tailLength = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be ≥ 0");
        }

        // Changes far below the tolerance cannot matter to the verdict: they count as no change.
        var estimate = LowerLimitEstimator.Estimate(values, tailLength ?? LowerLimitEstimator.TailLength(values.Count), 0.01 * tolerance);
        double bound = limit - tolerance;
        LiminfVerdict verdict = estimate.Lower >= bound ? LiminfVerdict.Holds
            : estimate.Upper < bound ? LiminfVerdict.Fails
            : LiminfVerdict.Inconclusive;
        return new LiminfCheck(quantity, [.. values], limit, tolerance, estimate, verdict);
    }

    /// <summary>
    /// Judges liminf (A_k + B_k) ≥ L where X_k = L_A + A_k + B_k is known as the sum of two parts that
    /// converge by different mechanisms (e.g. the λ part and the h part of an error along a diagonal
    /// (h_k, λ_k) → 0): a single geometric model of the sum fails when the parts decay at different rates
    /// or with opposite signs, so each part's lower limit is estimated on its own and the intervals are
    /// added (liminf(a + b) ≥ liminf a + liminf b).
    /// </summary>
    /// <param name="quantity">What X is.</param>
    /// <param name="limit">L, the limit path's value.</param>
    /// <param name="first">The first part along the sequence (tending to 0 if the inequality is tight).</param>
    /// <param name="second">The second part; it may run beyond the first (further values of the same sequence, e.g. the h part, which
    /// depends on h alone, on meshes finer than the kernel runs): its lower limit is estimated from its own last values, and
    /// the check's values are the sums over the first part's length.</param>
    /// <param name="tolerance">τ ≥ 0.</param>
    /// <param name="tailLength">K ≥ 3; default <see cref="LowerLimitEstimator.TailLength"/>.</param>
    /// <param name="firstName">The first part's name (for the report).</param>
    /// <param name="secondName">The second part's name.</param>
    /// <returns>The check; its values are L + first + second.</returns>
    public static LiminfCheck JudgeSplit(string quantity, double limit, IReadOnlyList<double> first, IReadOnlyList<double> second, double tolerance, int? tailLength = null, string firstName = "first part", string secondName = "second part")
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (second.Count < first.Count)
        {
            throw new ArgumentException($"the second part has {second.Count} values, fewer than the first's {first.Count}", nameof(second));
        }

        int tail = tailLength ?? LowerLimitEstimator.TailLength(first.Count);
        var a = LowerLimitEstimator.Estimate(first, tail, 0.01 * tolerance);
        var b = LowerLimitEstimator.Estimate(second, tail, 0.01 * tolerance);
        var estimate = new LowerLimitEstimate(
            limit + a.Value + b.Value, limit + a.Lower + b.Lower, limit + a.Upper + b.Upper,
            a.Behaviour == b.Behaviour ? a.Behaviour : (a.Behaviour is TailBehaviour.Converging or TailBehaviour.Flat ? b.Behaviour : a.Behaviour), a.Ratio, tail);
        double bound = limit - tolerance;
        LiminfVerdict verdict = estimate.Lower >= bound ? LiminfVerdict.Holds : estimate.Upper < bound ? LiminfVerdict.Fails : LiminfVerdict.Inconclusive;
        return new LiminfCheck(quantity, [.. first.Select((v, k) => limit + v + second[k])], limit, tolerance, estimate, verdict, [(firstName, a), (secondName, b)]);
    }

    /// <summary>The estimate's margin over the bound, (X̂ − L + τ) relative to |L| (negative: below).</summary>
    public double RelativeMargin => (Estimate.Value - Limit + Tolerance) / Math.Max(Math.Abs(Limit), double.Epsilon);

    /// <summary>The verdict in words.</summary>
    public string VerdictText => Verdict switch
    {
        LiminfVerdict.Holds => "holds",
        LiminfVerdict.Fails => "FAILS",
        _ => Estimate.Behaviour switch
        {
            TailBehaviour.Increasing or TailBehaviour.Decreasing => "inconclusive (not converged in the sweep: pre-asymptotic)",
            TailBehaviour.Oscillating => "inconclusive (the tail oscillates across the bound)",
            _ => "inconclusive (the interval straddles the bound)",
        },
    };

    /// <summary>How the lower limit was estimated, in words (for a split check: each part's estimator, estimate and interval).</summary>
    public string EstimatorText => Parts is null
        ? Words(Estimate)
        : "sum of the parts' lower limits: " + string.Join("; ", Parts.Select(p => $"{p.Name} {Words(p.Estimate)} → {E(p.Estimate.Value)} in {IntervalOf(p.Estimate)}"));

    private static string Words(LowerLimitEstimate estimate) => estimate.Behaviour switch
    {
        TailBehaviour.Flat => "flat tail: last value",
        TailBehaviour.Converging => $"Aitken Δ² (increment ratio {F2(estimate.Ratio)})",
        TailBehaviour.Increasing => $"increasing, not converging (ratio {F2(estimate.Ratio)}): last value as a lower bound",
        TailBehaviour.Decreasing => $"decreasing, not converging (ratio {F2(estimate.Ratio)}): last value as an upper bound",
        _ => "oscillating, not converging: lower envelope in [min, max] of the tail",
    };

    /// <summary>One sentence with the numbers: the tail, the estimate, the limit, the tolerance and the verdict.</summary>
    public string Describe() =>
        $"{Quantity}: tail {string.Join(", ", Values.Skip(Values.Count - Estimate.TailLength).Select(E))}; {EstimatorText} → {E(Estimate.Value)} in {Interval}; " +
        $"limit path {E(Limit)}, tolerance {E1(Tolerance)}: liminf ≥ limit − tolerance {VerdictText}";

    /// <summary>The interval the tail allows for the lower limit, as text.</summary>
    public string Interval => IntervalOf(Estimate);

    private static string IntervalOf(LowerLimitEstimate estimate) => $"[{(double.IsNegativeInfinity(estimate.Lower) ? "−∞" : E(estimate.Lower))}, {(double.IsPositiveInfinity(estimate.Upper) ? "+∞" : E(estimate.Upper))}]";

    private static string E(double value) => value.ToString("E6", CultureInfo.InvariantCulture);

    private static string E1(double value) => value.ToString("E1", CultureInfo.InvariantCulture);

    private static string F2(double value) => double.IsNaN(value) ? "—" : value.ToString("F2", CultureInfo.InvariantCulture);
}
