using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Verification.Tests;

/// <summary>
/// <see cref="RichardsonExtrapolation"/> on synthetic sequences Q_ℓ = Q + Σ cᵢ h_ℓ^{qᵢ} (h_ℓ = 2^{−ℓ}) whose
/// exact limit is known, so the true error of the extrapolated value and the classification can be checked
/// against the asymptotic formulas of the class remarks (not against the code's own output).
/// </summary>
public sealed class RichardsonExtrapolationTests
{
    private const double Exact = 1.25;
    private static readonly ExtrapolationSettings Second = new(ExpectedOrder: 2);

    private static double[] Sequence(int levels, Func<double, double> error, double h0 = 0.1) =>
        [.. Enumerable.Range(0, levels).Select(l => Exact + error(h0 * Math.Pow(2, -l)))];

    [Fact]
    public void A_pure_power_law_of_the_expected_order_extrapolates_to_the_limit()
    {
        double[] values = Sequence(4, h => 3 * h * h);
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, estimate.Status);
        // Richardson with the exact order removes C h² exactly; only round-off (a few ulp of 1.25) is left.
        Assert.Equal(Exact, estimate.Value, 1e-14);
        Assert.Equal(2.0, estimate.ObservedOrder, 1e-9);
        // Nothing is left for the next term to show: the estimate is the round-off floor.
        Assert.Equal(1e-11 * 1.25, estimate.EstimatedError!.Value, 1e-25);
    }

    [Theory]
    // Next term h⁴ (P1 with lie-ie, τ ∝ h²: what the reference runs show): true/estimate → (2³ − 1)/(2⁴ − 1) = 7/15.
    [InlineData(4.0, 7.0 / 15.0)]
    // Next term h³: the estimate is sharp, true/estimate → 1.
    [InlineData(3.0, 1.0)]
    public void The_error_estimate_of_the_extrapolation_has_the_predicted_ratio_to_the_true_error(double nextOrder, double predicted)
    {
        double[] values = Sequence(6, h => (3 * h * h) - (40 * Math.Pow(h, nextOrder)));
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, estimate.Status);
        double ratio = Math.Abs(estimate.Value - Exact) / estimate.EstimatedError!.Value;
        // Two exact terms: the ratio is exactly (2^{p+1} − 1)/(2^q − 1) for any h; 1e-6 allows the round-off
        // of differences ~1e-8 of values ~1 (relative 1e-8).
        Assert.Equal(predicted, ratio, 1e-6);
        Assert.Equal(nextOrder, estimate.RemainderOrder, 1e-6);
    }

    [Fact]
    public void Successive_differences_of_opposite_signs_are_not_in_the_asymptotic_range()
    {
        // Converging, but the sign alternates: no Richardson model fits.
        double[] values = Sequence(4, h => 3 * h * h * (h > 0.03 ? 1 : -1));
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, estimate.Status);
        Assert.Null(estimate.EstimatedError);
        Assert.Equal(values[^1], estimate.Value);
        Assert.Contains("opposite signs", estimate.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.45)]
    [InlineData(2.55)]
    [InlineData(4.0)]
    public void An_order_far_from_the_expected_one_is_not_in_the_asymptotic_range(double order)
    {
        double[] values = Sequence(4, h => Math.Pow(h, order));
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, estimate.Status);
        Assert.Equal(order, estimate.ObservedOrder, 1e-9);
        Assert.Contains("not within 0.5", estimate.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.55)]
    [InlineData(2.45)]
    public void An_order_just_inside_the_tolerance_is_extrapolated(double order)
    {
        var estimate = RichardsonExtrapolation.Estimate(Sequence(4, h => Math.Pow(h, order)), 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, estimate.Status);
    }

    [Fact]
    public void A_pre_asymptotic_coarse_level_before_the_four_finest_does_not_count()
    {
        double[] values = Sequence(5, h => 3 * h * h);
        values[0] += 0.5; // level 0 far off: only the finest four levels decide
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, estimate.Status);
        Assert.True(double.IsNaN(estimate.Orders[0]) || Math.Abs(estimate.Orders[0] - 2) > 0.5);

        // The same offset inside the four finest levels is caught.
        double[] finest = [.. values.Skip(1)];
        finest[0] += 0.5;
        var four = RichardsonExtrapolation.Estimate(finest, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, four.Status);
    }

    [Fact]
    public void Differences_at_round_off_level_are_converged_to_round_off()
    {
        // A conserved quantity: the levels differ by a few ulp, in random directions.
        double[] values = [1.0, 1.0 + 2.2e-16, 1.0 - 4.4e-16, 1.0 + 6.7e-16];
        var estimate = RichardsonExtrapolation.Estimate(values, 1.0, Second);
        Assert.Equal(ExtrapolationStatus.ConvergedToRoundOff, estimate.Status);
        Assert.Equal(values[^1], estimate.Value);
        Assert.Equal(1e-11, estimate.EstimatedError!.Value, 1e-25);

        // A last difference just above the floor is not round-off (here: sign changes, not asymptotic).
        double[] noisy = [1.0, 1.0 + 3e-11, 1.0 - 3e-11, 1.0 + 3e-11];
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, RichardsonExtrapolation.Estimate(noisy, 1.0, Second).Status);
    }

    [Fact]
    public void A_quantity_near_zero_is_judged_against_its_scale_not_its_value()
    {
        // A mean that is zero by symmetry: round-off of 1e-17 against a spread of 1 is converged.
        double[] values = [1e-17, -3e-17, 2e-17, -1e-17];
        Assert.Equal(ExtrapolationStatus.ConvergedToRoundOff, RichardsonExtrapolation.Estimate(values, 1.0, Second).Status);
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, RichardsonExtrapolation.Estimate(values, 1e-17, Second).Status);
    }

    [Fact]
    public void Extrapolations_that_do_not_converge_faster_than_the_leading_term_get_no_reduction()
    {
        // Leading h² and a second term h^{1.8}: the observed order (~1.9) passes, but the extrapolations'
        // differences shrink like h^{1.8} only. Their true error is |e|/(2^{1.8} − 1) ≈ 0.4|e|; the reduced
        // estimate |e|/7 would be 2.8 times too small, so the estimate falls back to |e| itself.
        double[] values = Sequence(5, h => (3 * h * h) + (0.5 * Math.Pow(h, 1.8)));
        var estimate = RichardsonExtrapolation.Estimate(values, 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, estimate.Status);
        Assert.Equal(1.8, estimate.RemainderOrder, 1e-6);
        double ratio = Math.Abs(estimate.Value - Exact) / estimate.EstimatedError!.Value;
        Assert.Equal(1 / (Math.Pow(2, 1.8) - 1), ratio, 1e-6);
        Assert.Contains("do not shrink", estimate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_levels_extrapolate_four_levels_also_check_the_remainder()
    {
        var three = RichardsonExtrapolation.Estimate(Sequence(3, h => (3 * h * h) + Math.Pow(h, 4)), 1.25, Second);
        Assert.Equal(ExtrapolationStatus.Extrapolated, three.Status);
        Assert.True(double.IsNaN(three.RemainderOrder));
        Assert.Single(three.Orders);
    }

    [Fact]
    public void Fewer_than_three_levels_or_a_non_finite_value_give_no_estimate()
    {
        Assert.Equal(ExtrapolationStatus.TooFewLevels, RichardsonExtrapolation.Estimate([1.0, 1.1], 1.0, Second).Status);
        Assert.Equal(ExtrapolationStatus.TooFewLevels, RichardsonExtrapolation.Estimate([1.0], 1.0, Second).Status);
        var nan = RichardsonExtrapolation.Estimate([1.0, double.NaN, 1.01, 1.0025], 1.0, Second);
        Assert.Equal(ExtrapolationStatus.NotAsymptotic, nan.Status);
        Assert.Null(nan.EstimatedError);
        Assert.Throws<ArgumentException>(() => RichardsonExtrapolation.Estimate([], 1.0, Second));
        Assert.Throws<ArgumentException>(() => RichardsonExtrapolation.Estimate([1.0, 2.0, 3.0], -1.0, Second));
        Assert.Throws<ArgumentException>(() => RichardsonExtrapolation.Estimate([1.0, 2.0, 3.0], 1.0, new ExtrapolationSettings(0)));
    }
}
