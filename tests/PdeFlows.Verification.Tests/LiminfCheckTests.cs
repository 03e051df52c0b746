using PdeFlows.Verification.Gamma;

namespace PdeFlows.Verification.Tests;

/// <summary>
/// The liminf verdicts of the Γ-convergence checks on planted sequences along λ = 1e-1 … 1e-8 (tail of
/// the last four), against a limit L = 1.3 with tolerance τ = 1e-6: each verdict is reachable, and a
/// wrong limit is reported as a failure with its numbers.
/// </summary>
public class LiminfCheckTests
{
    private const double Limit = 1.3;
    private const double Tolerance = 1e-6;
    private static readonly double[] Lambdas = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

    private static double[] Sequence(Func<int, double, double> value) => [.. Lambdas.Select((lambda, k) => value(k, lambda))];

    private static LiminfCheck Judge(double[] values) => LiminfCheck.Judge("X", values, Limit, Tolerance);

    [Fact]
    public void Converging_from_above_holds_and_extrapolates_to_the_limit()
    {
        var check = Judge(Sequence((_, l) => Limit + (0.5 * Math.Pow(l, 0.7))));
        Assert.Equal(LiminfVerdict.Holds, check.Verdict);
        Assert.Equal(TailBehaviour.Converging, check.Estimate.Behaviour);
        Assert.Equal(Limit, check.Estimate.Value, 12); // Aitken is exact on a geometric tail
    }

    [Fact]
    public void Converging_from_below_holds_once_the_tail_is_within_the_tolerance()
    {
        // Every value is below L, the last one by 0.5·λ^0.9 = 3.2e-8 < τ: the lower limit is bounded by X_K from below.
        double[] values = Sequence((_, l) => Limit - (0.5 * Math.Pow(l, 0.9)));
        Assert.True(values.All(v => v < Limit));
        var check = Judge(values);
        Assert.Equal(LiminfVerdict.Holds, check.Verdict);
        Assert.Equal(Limit, check.Estimate.Value, 12);
        // The same shape still 1.3e-6 > τ below at λ = 1e-8 (0.5·λ^0.7): Aitken finds L exactly, but the tail could
        // still stop short of it, so the sweep does not decide yet.
        var slower = Judge(Sequence((_, l) => Limit - (0.5 * Math.Pow(l, 0.7))));
        Assert.Equal(Limit, slower.Estimate.Value, 12);
        Assert.Equal(LiminfVerdict.Inconclusive, slower.Verdict);
    }

    [Fact]
    public void Converging_to_a_smaller_value_fails_with_the_numbers()
    {
        var check = Judge(Sequence((_, l) => Limit - 1e-3 - (0.5 * Math.Pow(l, 0.7))));
        Assert.Equal(LiminfVerdict.Fails, check.Verdict);
        Assert.Equal(Limit - 1e-3, check.Estimate.Value, 12);
        Assert.Contains("FAILS", check.Describe());
        Assert.Contains("1.299000E+000", check.Describe()); // the estimate
        Assert.Contains("1.300000E+000", check.Describe()); // the limit path
    }

    [Fact]
    public void A_positive_tail_whose_ratio_drifts_is_not_failed_by_the_extrapolation_overshooting()
    {
        // E(μ_λ(t)) − E(μ(t)) of the gamma-fr concentrated SFR run at t = 0.28 (λ = 1e-5 … 1e-8): every value
        // above the limit, increment ratios 0.218 then 0.214. Aitken with the last ratio lands 9.6e-8 below
        // the limit (2.4% of the last gap): the drift of the ratio, not evidence of a crossing.
        double limit = 0.9, tolerance = 1.4e-8;
        double[] gaps = [4.165e-4, 9.056e-5, 1.933e-5, 4.061e-6];
        var check = LiminfCheck.Judge("E(t)", [.. gaps.Select(g => limit + g)], limit, tolerance);
        Assert.Equal(TailBehaviour.Converging, check.Estimate.Behaviour);
        Assert.True(check.Estimate.Value < limit - tolerance, $"the extrapolation overshoots: {check.Estimate.Value - limit:E2}");
        Assert.Equal(LiminfVerdict.Inconclusive, check.Verdict);
    }

    [Fact]
    public void Damped_oscillation_around_the_limit_holds()
    {
        // Amplitude 0.3λ^0.8: 1.2e-7 at λ = 1e-8, so the 10% model allowance on the extrapolated remainder stays below τ.
        var check = Judge(Sequence((k, l) => Limit + ((k % 2 == 0 ? 1 : -1) * 0.3 * Math.Pow(l, 0.8))));
        Assert.Equal(TailBehaviour.Converging, check.Estimate.Behaviour);
        Assert.True(check.Estimate.Ratio < 0, "alternating increments");
        Assert.Equal(LiminfVerdict.Holds, check.Verdict);
    }

    [Fact]
    public void Undamped_oscillation_below_the_limit_fails_and_across_it_is_inconclusive()
    {
        var below = Judge(Sequence((k, _) => Limit - 0.1 + (k % 2 == 0 ? 0.02 : -0.02)));
        Assert.Equal(TailBehaviour.Oscillating, below.Estimate.Behaviour);
        Assert.Equal(LiminfVerdict.Fails, below.Verdict);
        Assert.Equal(Limit - 0.12, below.Estimate.Value, 12); // the lower envelope

        var across = Judge(Sequence((k, _) => Limit + (k % 2 == 0 ? 0.05 : -0.05)));
        Assert.Equal(LiminfVerdict.Inconclusive, across.Verdict);
    }

    [Fact]
    public void A_tail_that_has_not_converged_is_judged_by_its_monotone_bound()
    {
        // Rising by 0.02 per decade far below L: the pre-asymptotic case — neither holds nor fails.
        var rising = Judge(Sequence((k, _) => Limit - 1 + (0.02 * k)));
        Assert.Equal(TailBehaviour.Increasing, rising.Estimate.Behaviour);
        Assert.Equal(LiminfVerdict.Inconclusive, rising.Verdict);
        Assert.Contains("pre-asymptotic", rising.VerdictText);
        // Rising and already above L − τ: the liminf is at least the last value.
        Assert.Equal(LiminfVerdict.Holds, Judge(Sequence((k, _) => Limit + (0.02 * k))).Verdict);
        // Falling and already below L − τ: the liminf is at most the last value.
        Assert.Equal(LiminfVerdict.Fails, Judge(Sequence((k, _) => Limit - 0.1 - (0.02 * k))).Verdict);
        // Falling but still above: it may or may not cross.
        Assert.Equal(LiminfVerdict.Inconclusive, Judge(Sequence((k, _) => Limit + 1 - (0.02 * k))).Verdict);
    }

    [Fact]
    public void A_flat_tail_is_its_last_value()
    {
        Assert.Equal(LiminfVerdict.Holds, Judge([.. Lambdas.Select(_ => Limit)]).Verdict);
        Assert.Equal(LiminfVerdict.Holds, Judge([.. Lambdas.Select(_ => Limit - (0.5 * Tolerance))]).Verdict);
        var below = Judge([.. Lambdas.Select(_ => Limit - (2 * Tolerance))]);
        Assert.Equal(TailBehaviour.Flat, below.Estimate.Behaviour);
        Assert.Equal(LiminfVerdict.Fails, below.Verdict);
    }

    [Fact]
    public void Two_parts_with_different_rates_and_signs_are_extrapolated_separately()
    {
        // A λ part +0.2·10^{−k} and an h part −0.05·4^{−k} (h halves, P1 error ∝ h²): their sum looks
        // geometric on a short tail but crosses below L, and one Aitken step on the sum overshoots.
        double[] lambdaPart = [.. Enumerable.Range(0, 5).Select(k => 0.2 * Math.Pow(10, -k))];
        double[] hPart = [.. Enumerable.Range(0, 5).Select(k => -0.05 * Math.Pow(4, -k))];
        var split = LiminfCheck.JudgeSplit("E", Limit, lambdaPart, hPart, 1e-3);
        Assert.Equal(LiminfVerdict.Holds, split.Verdict);
        Assert.Equal(Limit, split.Estimate.Value, 12);
        // One part tending to −0.01 instead of 0: the sum's lower limit is L − 0.01, the check fails.
        var wrong = LiminfCheck.JudgeSplit("E", Limit, lambdaPart, [.. hPart.Select(v => v - 0.01)], 1e-3);
        Assert.Equal(LiminfVerdict.Fails, wrong.Verdict);
        Assert.Equal(Limit - 0.01, wrong.Estimate.Value, 12);
    }

    [Fact]
    public void An_accelerating_positive_tail_is_not_failed_by_extrapolating_its_last_ratio()
    {
        // The 2D gamma-fr-mesh diagonal (h, λ) = (1.41, 0.1) … (0.177, 1e-4) at T = 1 (4-level sweep): the λ part
        // E_h(u_{h,λ}) − E_h(u_h) is positive and falls with increment ratios 0.261, 0.213 while its local order in
        // λ still rises; the h part E_h(u_h) − E(u) → 0 at O(h²) (independently: −7.82e-6 at 64², −1.96e-6 at 128²).
        // Aitken with the last ratio puts the λ part's limit at −1.06e-3, but the next diagonal point (0.088, 1e-5)
        // measured 1.35e-4 > 0 (ratio 0.127): the convergence sped up. The lower limit may therefore be anywhere
        // between the slow extrapolation and the last value; since the last total is above the limit, the sweep
        // cannot decide. (The earlier interval, future ratio ≥ smallest observed − drift = 0.164, reported FAILS.)
        double limit = 3.054539e-2, tolerance = 2.625e-7;
        double[] lambdaPart = [1.999e-1, 4.897e-2, 9.578e-3, 1.202e-3];
        double[] hPart = [2.189e-2, -1.812e-3, -1.222e-4, -3.123e-5];
        var check = LiminfCheck.JudgeSplit("E(T)", limit, lambdaPart, hPart, tolerance, firstName: "λ part", secondName: "h part");
        Assert.Equal(LiminfVerdict.Inconclusive, check.Verdict);
        Assert.True(check.Estimate.Value < limit - 1e-3, $"Aitken on the λ part overshoots below the limit: {check.Estimate.Value - limit:E2}");
        Assert.Equal(lambdaPart[^1], check.Parts![0].Estimate.Upper, 15); // the λ part's tail may stop at its last value
        Assert.Contains("λ part Aitken Δ² (increment ratio 0.21)", check.Describe());
        Assert.Contains("h part", check.Describe());
    }

    [Fact]
    public void The_h_part_continued_on_finer_meshes_brackets_its_true_limit()
    {
        // The 2D gamma-fr-mesh h part E_h(u_h(T)) − E(u(T)) at 4² … 32² cells: its tail still holds the pre-asymptotic
        // coarse levels (ratios −0.07, 0.05 where P1 gives 0.25), and the interval it allows excludes the true limit 0.
        double[] kernelLevels = [2.189e-2, -1.812e-3, -1.222e-4, -3.123e-5];
        var alone = LowerLimitEstimator.Estimate(kernelLevels, 4, 0);
        Assert.True(alone.Upper < 0, $"upper end {alone.Upper:E2}");
        // The h part depends on h alone: continued on 64² and 128² cells (nodal exact flow, measured −7.82e-6,
        // −1.956e-6) its tail is asymptotic (ratios 0.257, 0.250) and brackets 0, Aitken within 1e-8 of it.
        double[] lambdaPart = [1.999e-1, 4.897e-2, 9.578e-3, 1.202e-3];
        double[] continued = [.. kernelLevels, -7.82e-6, -1.956e-6];
        var split = LiminfCheck.JudgeSplit("E(T)", 0.0305, lambdaPart, continued, 2.6e-7, firstName: "λ part", secondName: "h part");
        var h = split.Parts![1].Estimate;
        Assert.InRange(0.0, h.Lower, h.Upper);
        Assert.Equal(0.0, h.Value, 8);
        Assert.Equal(lambdaPart.Length, split.Values.Count); // the sums run over the first part's length
        Assert.Throws<ArgumentException>(() => LiminfCheck.JudgeSplit("E(T)", 0.0305, continued, lambdaPart, 2.6e-7));
    }

    [Fact]
    public void The_tail_needs_three_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LowerLimitEstimator.Estimate([1.0, 2.0], 2, 0));
        Assert.Equal(4, LowerLimitEstimator.TailLength(8));
        Assert.Equal(5, LowerLimitEstimator.TailLength(10));
        Assert.Equal(4, LowerLimitEstimator.TailLength(5));
        Assert.Equal(3, LowerLimitEstimator.TailLength(3));
        // Three values show one ratio: no extrapolation, only the monotone bound (here: decreasing, above the limit).
        var three = LiminfCheck.Judge("X", [Limit + 0.1, Limit + 0.01, Limit + 0.001], Limit, Tolerance);
        Assert.Equal(TailBehaviour.Decreasing, three.Estimate.Behaviour);
        Assert.Equal(LiminfVerdict.Inconclusive, three.Verdict);
    }
}
