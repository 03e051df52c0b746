using System.Numerics;
using PdeFlows.KernelApprox.Kernels;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>The SIMD exponential of the kernel profiles against the C runtime's <see cref="Math.Exp(double)"/>.</summary>
public class NonPositiveExponentialTests(ITestOutputHelper output)
{
    // The error budget of NonPositiveExponential (its remarks): Taylor remainder 6e-18, reduction
    // 4e-17, the roundings of r + r²P (4e-17), of P and r² damped by r² (5e-17) and of the final
    // 1 + u (≤ 1.1e-16): ≤ 2.5e-16 relative. Math.Exp is itself within 1 ulp (2.2e-16), so the two may
    // differ by up to 4.7e-16; 5e-16 is that sum, not a margin picked to pass.
    private const double RelativeTolerance = 5e-16;

    [Fact]
    public void Matches_Math_Exp_to_two_ulp_on_four_million_arguments_in_every_range()
    {
        var random = new Random(2024);
        int width = Vector<double>.Count;
        var arguments = new double[width];
        double worst = 0.0, worstAt = 0.0;
        (double Low, double High)[] ranges = [(-1e-3, 0.0), (-1.0, 0.0), (-40.0, 0.0), (-708.0, 0.0)];
        foreach (var (low, high) in ranges)
        {
            for (int k = 0; k < 1_000_000 / width; k++)
            {
                for (int lane = 0; lane < width; lane++)
                {
                    arguments[lane] = low + ((high - low) * random.NextDouble());
                }

                Vector<double> values = NonPositiveExponential.Exp(new Vector<double>(arguments));
                for (int lane = 0; lane < width; lane++)
                {
                    double reference = Math.Exp(arguments[lane]);
                    double relative = Math.Abs(values[lane] - reference) / reference;
                    if (relative > worst)
                    {
                        worst = relative;
                        worstAt = arguments[lane];
                    }
                }
            }
        }

        output.WriteLine($"worst relative difference to Math.Exp: {worst:E3} at x = {worstAt:R}");
        Assert.True(worst <= RelativeTolerance, $"relative difference {worst:E3} at x = {worstAt:R} exceeds {RelativeTolerance:E1}");
    }

    [Fact]
    public void Special_arguments_give_the_exact_results()
    {
        Assert.Equal(1.0, NonPositiveExponential.Exp(0.0));
        Assert.Equal(1.0, NonPositiveExponential.Exp(-0.0));
        Assert.Equal(0.0, NonPositiveExponential.Exp(double.NegativeInfinity));
        Assert.Equal(0.0, NonPositiveExponential.Exp(-1e300));
        // Below −708 the result is flushed to zero (e^x < 3.3e-308 there: documented absolute error).
        Assert.Equal(0.0, NonPositiveExponential.Exp(-708.0000001));
        Assert.Equal(0.0, NonPositiveExponential.Exp(-745.2));
        // At the threshold the result is normal and accurate.
        double atThreshold = NonPositiveExponential.Exp(NonPositiveExponential.Lowest);
        Assert.True(Math.Abs(atThreshold - Math.Exp(-708.0)) <= RelativeTolerance * Math.Exp(-708.0), $"e^-708: {atThreshold:R} vs {Math.Exp(-708.0):R}");
        // Multiples of ln 2 land on powers of two: e^{x} = 2^{−k} for x = −k ln 2, up to the rounding
        // of the argument itself (ln 2 and the product: |δx| ≤ 2·2⁻⁵³|x|, so a relative |x|·2.2e-16).
        for (int k = 1; k < 1000; k += 37)
        {
            double x = -k * Math.Log(2.0);
            double value = NonPositiveExponential.Exp(x), power = Math.Pow(2.0, -k);
            Assert.True(Math.Abs(value - power) <= (RelativeTolerance + (Math.Abs(x) * 2.2e-16)) * power, $"k = {k}: {value:R} vs 2^-{k} = {power:R}");
        }
    }

    [Fact]
    public void Every_lane_is_computed_independently()
    {
        int width = Vector<double>.Count;
        var arguments = new double[width];
        for (int lane = 0; lane < width; lane++)
        {
            arguments[lane] = -0.37 * (lane + 1);
        }

        Vector<double> values = NonPositiveExponential.Exp(new Vector<double>(arguments));
        for (int lane = 0; lane < width; lane++)
        {
            Assert.Equal(NonPositiveExponential.Exp(arguments[lane]), values[lane]);
        }
    }
}
