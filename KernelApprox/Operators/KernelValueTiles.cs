using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Operators;

/// <summary>
/// The inner loops of <see cref="KernelMatrixFreeProduct.Multiply{TKernel}"/>: one block of target
/// rows against all sources, specialised by dimension (no padded coordinates) and advancing two
/// target rows per pass over a source tile (each source load serves both rows).
/// </summary>
/// <remarks>
/// Summation order, fixed for a given SIMD width W: for row i, lane ℓ accumulates (by fused
/// multiply–add) the terms j ≡ ℓ mod W, j &lt; ⌊M/W⌋W, in increasing j; the lanes are then summed
/// by <see cref="Vector.Sum{T}(Vector{T})"/>, then the scalar tail in increasing j. Neither the
/// block of rows, nor the row pairing, nor the source tiling changes it, so the result is bitwise
/// independent of the thread count and the tile sizes.
/// </remarks>
internal static class KernelValueTiles
{
    /// <summary>result[i] for first ≤ i &lt; end.</summary>
    public static void Multiply<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlySpan<double> weights, Span<double> result, int first, int end, int sourceTile)
        where TKernel : IKernel
    {
        int width = Vector<double>.Count;
        int sourceCount = weights.Length;
        int vectorEnd = sourceCount - (sourceCount % width);
        Span<Vector<double>> accumulators = end - first <= 256 ? stackalloc Vector<double>[end - first] : new Vector<double>[end - first];
        accumulators.Clear();
        for (int tileStart = 0; tileStart < vectorEnd; tileStart += sourceTile)
        {
            int tileEnd = Math.Min(tileStart + sourceTile, vectorEnd);
            switch (targets.Dimension)
            {
                case 1: Tile1(kernel, targets, sources, weights, accumulators, first, end, tileStart, tileEnd); break;
                case 2: Tile2(kernel, targets, sources, weights, accumulators, first, end, tileStart, tileEnd); break;
                default: Tile3(kernel, targets, sources, weights, accumulators, first, end, tileStart, tileEnd); break;
            }
        }

        int d = targets.Dimension;
        for (int i = first; i < end; i++)
        {
            ReadOnlySpan<double> x = targets.Point(i);
            double total = Vector.Sum(accumulators[i - first]);
            for (int j = vectorEnd; j < sourceCount; j++)
            {
                ReadOnlySpan<double> y = sources.Point(j);
                double squared = 0.0;
                for (int c = 0; c < d; c++)
                {
                    double difference = x[c] - y[c];
                    squared += difference * difference;
                }

                total += kernel.ValueFromSquaredDistance(squared) * weights[j];
            }

            result[i] = total;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlySpan<double> weights, Span<Vector<double>> accumulators, int first, int end, int tileStart, int tileEnd)
        where TKernel : IKernel
    {
        int width = Vector<double>.Count;
        ReadOnlySpan<double> x0 = targets.CoordinateOfAll(0);
        ref double y0 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(0));
        ref double v = ref MemoryMarshal.GetReference(weights);
        int i = first;
        for (; i + 1 < end; i += 2)
        {
            var a0 = new Vector<double>(x0[i]);
            var b0 = new Vector<double>(x0[i + 1]);
            Vector<double> sumA = accumulators[i - first], sumB = accumulators[i + 1 - first];
            for (int j = tileStart; j < tileEnd; j += width)
            {
                Vector<double> s0 = Vector.LoadUnsafe(ref y0, (nuint)j);
                Vector<double> w = Vector.LoadUnsafe(ref v, (nuint)j);
                Vector<double> da = a0 - s0, db = b0 - s0;
                sumA = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(da * da), w, sumA);
                sumB = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(db * db), w, sumB);
            }

            accumulators[i - first] = sumA;
            accumulators[i + 1 - first] = sumB;
        }

        if (i < end)
        {
            var a0 = new Vector<double>(x0[i]);
            Vector<double> sum = accumulators[i - first];
            for (int j = tileStart; j < tileEnd; j += width)
            {
                Vector<double> da = a0 - Vector.LoadUnsafe(ref y0, (nuint)j);
                sum = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(da * da), Vector.LoadUnsafe(ref v, (nuint)j), sum);
            }

            accumulators[i - first] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile2<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlySpan<double> weights, Span<Vector<double>> accumulators, int first, int end, int tileStart, int tileEnd)
        where TKernel : IKernel
    {
        int width = Vector<double>.Count;
        ReadOnlySpan<double> x0 = targets.CoordinateOfAll(0), x1 = targets.CoordinateOfAll(1);
        ref double y0 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(0));
        ref double y1 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(1));
        ref double v = ref MemoryMarshal.GetReference(weights);
        int i = first;
        for (; i + 1 < end; i += 2)
        {
            var a0 = new Vector<double>(x0[i]);
            var a1 = new Vector<double>(x1[i]);
            var b0 = new Vector<double>(x0[i + 1]);
            var b1 = new Vector<double>(x1[i + 1]);
            Vector<double> sumA = accumulators[i - first], sumB = accumulators[i + 1 - first];
            for (int j = tileStart; j < tileEnd; j += width)
            {
                Vector<double> s0 = Vector.LoadUnsafe(ref y0, (nuint)j);
                Vector<double> s1 = Vector.LoadUnsafe(ref y1, (nuint)j);
                Vector<double> w = Vector.LoadUnsafe(ref v, (nuint)j);
                Vector<double> da0 = a0 - s0, da1 = a1 - s1, db0 = b0 - s0, db1 = b1 - s1;
                Vector<double> ra = Vector.FusedMultiplyAdd(da1, da1, da0 * da0);
                Vector<double> rb = Vector.FusedMultiplyAdd(db1, db1, db0 * db0);
                sumA = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(ra), w, sumA);
                sumB = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(rb), w, sumB);
            }

            accumulators[i - first] = sumA;
            accumulators[i + 1 - first] = sumB;
        }

        if (i < end)
        {
            var a0 = new Vector<double>(x0[i]);
            var a1 = new Vector<double>(x1[i]);
            Vector<double> sum = accumulators[i - first];
            for (int j = tileStart; j < tileEnd; j += width)
            {
                Vector<double> da0 = a0 - Vector.LoadUnsafe(ref y0, (nuint)j), da1 = a1 - Vector.LoadUnsafe(ref y1, (nuint)j);
                Vector<double> ra = Vector.FusedMultiplyAdd(da1, da1, da0 * da0);
                sum = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(ra), Vector.LoadUnsafe(ref v, (nuint)j), sum);
            }

            accumulators[i - first] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile3<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlySpan<double> weights, Span<Vector<double>> accumulators, int first, int end, int tileStart, int tileEnd)
        where TKernel : IKernel
    {
        int width = Vector<double>.Count;
        ReadOnlySpan<double> x0 = targets.CoordinateOfAll(0), x1 = targets.CoordinateOfAll(1), x2 = targets.CoordinateOfAll(2);
        ref double y0 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(0));
        ref double y1 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(1));
        ref double y2 = ref MemoryMarshal.GetReference(sources.CoordinateOfAll(2));
        ref double v = ref MemoryMarshal.GetReference(weights);
        for (int i = first; i < end; i++)
        {
            var a0 = new Vector<double>(x0[i]);
            var a1 = new Vector<double>(x1[i]);
            var a2 = new Vector<double>(x2[i]);
            Vector<double> sum = accumulators[i - first];
            for (int j = tileStart; j < tileEnd; j += width)
            {
                Vector<double> d0 = a0 - Vector.LoadUnsafe(ref y0, (nuint)j);
                Vector<double> d1 = a1 - Vector.LoadUnsafe(ref y1, (nuint)j);
                Vector<double> d2 = a2 - Vector.LoadUnsafe(ref y2, (nuint)j);
                Vector<double> squared = Vector.FusedMultiplyAdd(d2, d2, Vector.FusedMultiplyAdd(d1, d1, d0 * d0));
                sum = Vector.FusedMultiplyAdd(kernel.ValueFromSquaredDistance(squared), Vector.LoadUnsafe(ref v, (nuint)j), sum);
            }

            accumulators[i - first] = sum;
        }
    }
}
