using PdeFlows.Verification.Gamma;

namespace PdeFlows.Verification.Tests;

/// <summary>Floor detection and local slopes of <see cref="GammaSweepAnalysis"/> on synthetic error sequences.</summary>
public class GammaSweepAnalysisTests
{
    private static readonly double[] Lambdas = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

    [Fact]
    public void A_clean_power_law_has_no_floor_and_its_slope_everywhere()
    {
        var analysis = GammaSweepAnalysis.Of(Lambdas, [.. Lambdas.Select(l => 3 * Math.Pow(l, 0.6))]);
        Assert.Null(analysis.FloorIndex);
        Assert.True(analysis.MonotoneBeforeFloor);
        Assert.All(analysis.LocalSlopes, p => Assert.Equal(0.6, p, 12));
        Assert.Equal(0.6, analysis.FittedRate, 12);
        Assert.Contains("local slopes 0.60, 0.60, 0.60, 0.60, 0.60", analysis.Describe(Lambdas, "L1"));
    }

    [Fact]
    public void A_floor_is_found_where_the_error_stops_falling_by_the_factor_per_decade()
    {
        // λ^0.5 + 1e-2 = 0.326, 0.110, 0.0416, 0.0200, 0.0132, 0.0110: ratios 2.96, 2.64, 2.08, 1.58, 1.20
        // per decade, so the floor is the first ratio below 1.5, at λ = 1e-6 (index 5).
        double[] errors = [.. Lambdas.Select(l => Math.Sqrt(l) + 1e-2)];
        var analysis = GammaSweepAnalysis.Of(Lambdas, errors);
        Assert.Equal(5, analysis.FloorIndex);
        Assert.True(analysis.MonotoneBeforeFloor);
        Assert.InRange(analysis.FittedRate, 0.3, 0.5); // flattening towards the floor
        Assert.Contains("floor at λ = 1E-06", analysis.Describe(Lambdas, "L1"));
    }

    [Fact]
    public void A_floor_at_the_first_step_leaves_no_fitted_rate_and_a_rise_is_not_monotone()
    {
        var flat = GammaSweepAnalysis.Of(Lambdas, [0.5, 0.45, 0.41, 0.38, 0.36, 0.35]);
        Assert.Equal(1, flat.FloorIndex);
        Assert.True(double.IsNaN(flat.FittedRate));
        Assert.Contains("no fitted rate", flat.Describe(Lambdas, "L1"));

        var rising = GammaSweepAnalysis.Of(Lambdas, [1e-1, 1e-2, 2e-2, 1e-4, 1e-5, 1e-6]);
        Assert.Equal(2, rising.FloorIndex);
        Assert.True(rising.MonotoneBeforeFloor); // the rows before the floor do fall
        var noisy = GammaSweepAnalysis.Of([1e-1, 1e-2, 1e-3], [1e-1, 1e-2, 1e-3]);
        Assert.Null(noisy.FloorIndex);
    }
}
