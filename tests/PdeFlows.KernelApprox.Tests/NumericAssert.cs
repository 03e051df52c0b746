using PdeFlows.KernelApprox.LinearAlgebra;
using Xunit.Sdk;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Every numerical comparison of this suite goes through here (one norm, named tolerance, numbers in the message).</summary>
internal static class NumericAssert
{
    /// <summary>Fails unless ‖actual − expected‖₂/‖expected‖₂ ≤ tolerance; returns the relative error.</summary>
    public static double RelativeClose(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double tolerance, string what)
    {
        double error = VectorArithmetic.RelativeDifference(actual, expected);
        if (!(error <= tolerance))
        {
            throw new XunitException($"{what}: relative error {error:E3} exceeds tolerance {tolerance:E3} (n = {expected.Length}).");
        }

        return error;
    }

    /// <summary>Fails unless |actual − expected| ≤ tolerance·max(|expected|, scale).</summary>
    public static void ScalarClose(double actual, double expected, double tolerance, string what, double scale = 0.0)
    {
        double error = Math.Abs(actual - expected);
        double bound = tolerance * Math.Max(Math.Abs(expected), scale);
        if (!(error <= bound))
        {
            throw new XunitException($"{what}: got {actual:R}, expected {expected:R}; |difference| {error:E3} > {bound:E3}.");
        }
    }

    /// <summary>Fails if any entry is NaN or infinite.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new XunitException($"{what}: entry {i} is {values[i]}.");
            }
        }
    }
}
