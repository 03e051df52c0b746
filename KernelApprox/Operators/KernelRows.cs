using System.Numerics;
using System.Runtime.InteropServices;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Operators;

/// <summary>
/// One row (= column) of the kernel matrix: row[i] = k(xᵢ, x_index), evaluated with the SIMD profile
/// over the coordinate-major points (the columns of the pivoted Cholesky factor and of a stored 𝖪).
/// </summary>
/// <remarks>
/// Entries i &lt; ⌊n/W⌋W use the vector profile, the tail the scalar one — exactly as the
/// matrix-free product does for the same pair, so a stored 𝖪 holds the values the product sums.
/// Every entry depends only on (i, index): no thread or order effects.
/// </remarks>
public static class KernelRows
{
    /// <summary>row[i] = k(points[i], points[index]) for all i.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="points">The points.</param>
    /// <param name="index">The fixed point's index.</param>
    /// <param name="row">Destination, length n.</param>
    public static void Evaluate(IKernel kernel, PointSet points, int index, Span<double> row)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, points.Count);
        if (row.Length != points.Count)
        {
            throw new ArgumentException($"Row has length {row.Length}, expected {points.Count}.", nameof(row));
        }

        switch (kernel)
        {
            case GaussianKernel k: Evaluate(k, points, index, row); break;
            case LaplaceKernel k: Evaluate(k, points, index, row); break;
            case MaternThreeHalvesKernel k: Evaluate(k, points, index, row); break;
            case MaternFiveHalvesKernel k: Evaluate(k, points, index, row); break;
            case InverseMultiquadricKernel k: Evaluate(k, points, index, row); break;
            default: Evaluate<IKernel>(kernel, points, index, row); break;
        }
    }

    private static void Evaluate<TKernel>(TKernel kernel, PointSet points, int index, Span<double> row)
        where TKernel : IKernel
    {
        int n = points.Count, d = points.Dimension, width = Vector<double>.Count;
        int vectorEnd = n - (n % width);
        ReadOnlySpan<double> center = points.Point(index);
        ref double destination = ref MemoryMarshal.GetReference(row);
        for (int i = 0; i < vectorEnd; i += width)
        {
            Vector<double> sum = Vector<double>.Zero;
            for (int c = 0; c < d; c++)
            {
                Vector<double> difference = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(points.CoordinateOfAll(c)), (nuint)i) - new Vector<double>(center[c]);
                sum = c == 0 ? difference * difference : Vector.FusedMultiplyAdd(difference, difference, sum);
            }

            kernel.ValueFromSquaredDistance(sum).StoreUnsafe(ref destination, (nuint)i);
        }

        for (int i = vectorEnd; i < n; i++)
        {
            ReadOnlySpan<double> x = points.Point(i);
            double sum = 0.0;
            for (int c = 0; c < d; c++)
            {
                double difference = x[c] - center[c];
                sum += difference * difference;
            }

            row[i] = kernel.ValueFromSquaredDistance(sum);
        }
    }
}
