using System.Numerics;
using System.Runtime.InteropServices;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>Deterministic SIMD dot products and norms (fixed summation order for a given length).</summary>
public static class VectorArithmetic
{
    /// <summary>Σₖ aₖ bₖ: two SIMD accumulators over blocks of 2W, then lanes in order, then the scalar tail.</summary>
    /// <param name="a">First vector.</param>
    /// <param name="b">Second vector, at least as long as <paramref name="a"/>.</param>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        if (b.Length < n)
        {
            throw new ArgumentException($"Second vector has length {b.Length} < {n}.", nameof(b));
        }

        int width = Vector<double>.Count;
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        Vector<double> first = Vector<double>.Zero, second = Vector<double>.Zero;
        int k = 0;
        for (; k <= n - (2 * width); k += 2 * width)
        {
            first += Vector.LoadUnsafe(ref ra, (nuint)k) * Vector.LoadUnsafe(ref rb, (nuint)k);
            second += Vector.LoadUnsafe(ref ra, (nuint)(k + width)) * Vector.LoadUnsafe(ref rb, (nuint)(k + width));
        }

        double sum = Vector.Sum(first + second);
        for (; k < n; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    /// <summary>y ← y − c·x elementwise (SIMD fused multiply–add; each yᵢ gets one rounding, so the result does not depend on the SIMD width).</summary>
    /// <param name="y">The vector updated in place.</param>
    /// <param name="coefficient">c.</param>
    /// <param name="x">x, at least as long as <paramref name="y"/>.</param>
    public static void SubtractScaled(Span<double> y, double coefficient, ReadOnlySpan<double> x)
    {
        int n = y.Length;
        if (x.Length < n)
        {
            throw new ArgumentException($"Second vector has length {x.Length} < {n}.", nameof(x));
        }

        int width = Vector<double>.Count;
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double rx = ref MemoryMarshal.GetReference(x);
        var negative = new Vector<double>(-coefficient);
        int k = 0;
        for (; k <= n - width; k += width)
        {
            Vector.FusedMultiplyAdd(negative, Vector.LoadUnsafe(ref rx, (nuint)k), Vector.LoadUnsafe(ref ry, (nuint)k)).StoreUnsafe(ref ry, (nuint)k);
        }

        for (; k < n; k++)
        {
            y[k] = Math.FusedMultiplyAdd(-coefficient, x[k], y[k]);
        }
    }

    /// <summary>The Euclidean norm √(Σ aₖ²), scaled to avoid overflow and underflow.</summary>
    /// <param name="a">The vector.</param>
    public static double Norm(ReadOnlySpan<double> a)
    {
        double scale = 0.0;
        foreach (double value in a)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        if (scale == 0.0 || !double.IsFinite(scale))
        {
            return scale;
        }

        double sum = 0.0;
        foreach (double value in a)
        {
            double scaled = value / scale;
            sum += scaled * scaled;
        }

        return scale * Math.Sqrt(sum);
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂ (b is the reference); 0 when both vanish, +∞ when only b does.</summary>
    /// <param name="a">The approximation.</param>
    /// <param name="b">The reference, same length.</param>
    public static double RelativeDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lengths differ ({a.Length} and {b.Length}).", nameof(b));
        }

        var difference = new double[a.Length];
        for (int k = 0; k < a.Length; k++)
        {
            difference[k] = a[k] - b[k];
        }

        double numerator = Norm(difference), denominator = Norm(b);
        if (denominator == 0.0)
        {
            return numerator == 0.0 ? 0.0 : double.PositiveInfinity;
        }

        return numerator / denominator;
    }
}
