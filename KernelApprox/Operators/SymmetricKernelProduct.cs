using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Operators;

/// <summary>
/// r = 𝖪v for one point set (targets = sources), evaluating each kernel value once for the pair
/// (i, j) and (j, i): about n(n + B)/2 evaluations instead of n², O(n) memory.
/// </summary>
/// <remarks>
/// <para>The points are cut into blocks of <see cref="BlockSize"/>. First every diagonal block is
/// multiplied in full; then the off-diagonal block pairs (I &lt; J) are visited in the rounds of a
/// round-robin tournament (circle method), in which every block takes part in at most one pair, so
/// the pairs of a round run in parallel without sharing any output. In pair (I, J) each value
/// k(xᵢ, xⱼ) is added to row i (a SIMD accumulator per row, lane ℓ taking the columns ≡ ℓ mod W)
/// and to row j (a scalar accumulator per row, which also takes the scalar column tail).</para>
/// <para>Deterministic: the rounds run in a fixed order and each task sums in a fixed order, so
/// the result is bitwise independent of the thread count (not bitwise equal to the general
/// product, whose order differs).</para>
/// </remarks>
internal static class SymmetricKernelProduct
{
    /// <summary>Points per block (a multiple of every SIMD width).</summary>
    public const int BlockSize = 512;

    public static void Multiply<TKernel>(TKernel kernel, PointSet points, double[] weights, double[] result, ParallelOptions parallel)
        where TKernel : IKernel
    {
        switch (points.Dimension)
        {
            case 1: Multiply<TKernel, One>(kernel, points, weights, result, parallel); break;
            case 2: Multiply<TKernel, Two>(kernel, points, weights, result, parallel); break;
            default: Multiply<TKernel, Three>(kernel, points, weights, result, parallel); break;
        }
    }

    private static void Multiply<TKernel, TDimension>(TKernel kernel, PointSet points, double[] weights, double[] result, ParallelOptions parallel)
        where TKernel : IKernel
        where TDimension : struct, IDimension
    {
        int n = points.Count;
        int blocks = (n + BlockSize - 1) / BlockSize;
        var work = new Work<TKernel, TDimension>(kernel, points, weights);
        Parallel.For(0, blocks, parallel, block => work.Pair(block, block));
        int players = blocks + (blocks % 2); // an odd count gets a dummy player: its partner rests that round
        for (int round = 0; round < players - 1; round++)
        {
            int r = round;
            Parallel.For(0, players / 2, parallel, k =>
            {
                int first = k == 0 ? players - 1 : (r + k) % (players - 1);
                int second = k == 0 ? r : (r - k + players - 1) % (players - 1);
                if (first < blocks && second < blocks)
                {
                    work.Pair(Math.Min(first, second), Math.Max(first, second));
                }
            });
        }

        for (int i = 0; i < n; i++)
        {
            result[i] = Vector.Sum(work.RowSums[i]) + work.ScalarSums[i];
        }
    }

    /// <summary>The dimension as a type, so that the JIT compiles one loop per dimension without padding.</summary>
    private interface IDimension
    {
        static abstract int Count { get; }
    }

    private struct One : IDimension
    {
        public static int Count => 1;
    }

    private struct Two : IDimension
    {
        public static int Count => 2;
    }

    private struct Three : IDimension
    {
        public static int Count => 3;
    }

    private sealed class Work<TKernel, TDimension>(TKernel kernel, PointSet points, double[] weights)
        where TKernel : IKernel
        where TDimension : struct, IDimension
    {
        private readonly double[] x0 = points.CoordinateOfAll(0).ToArray();
        private readonly double[] x1 = TDimension.Count > 1 ? points.CoordinateOfAll(1).ToArray() : [];
        private readonly double[] x2 = TDimension.Count > 2 ? points.CoordinateOfAll(2).ToArray() : [];

        public Vector<double>[] RowSums { get; } = new Vector<double>[points.Count];

        public double[] ScalarSums { get; } = new double[points.Count];

        /// <summary>Block pair (I, J), I ≤ J: rows of I against the columns of J (and, for I &lt; J, the transposed contributions).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Pair(int blockI, int blockJ)
        {
            int n = weights.Length, width = Vector<double>.Count;
            int rowFirst = blockI * BlockSize, rowEnd = Math.Min(rowFirst + BlockSize, n);
            int columnFirst = blockJ * BlockSize, columnEnd = Math.Min(columnFirst + BlockSize, n);
            int vectorEnd = columnEnd - ((columnEnd - columnFirst) % width);
            bool transpose = blockI != blockJ;
            ref double y0 = ref MemoryMarshal.GetArrayDataReference(x0);
            ref double y1 = ref MemoryMarshal.GetArrayDataReference(x1); // empty below dimension 2: never read then
            ref double y2 = ref MemoryMarshal.GetArrayDataReference(x2);
            ref double v = ref MemoryMarshal.GetArrayDataReference(weights);
            ref double column = ref MemoryMarshal.GetArrayDataReference(ScalarSums);
            int i = rowFirst;
            for (; i + 1 < rowEnd; i += 2)
            {
                var a0 = new Vector<double>(x0[i]);
                var a1 = TDimension.Count > 1 ? new Vector<double>(x1[i]) : default;
                var a2 = TDimension.Count > 2 ? new Vector<double>(x2[i]) : default;
                var b0 = new Vector<double>(x0[i + 1]);
                var b1 = TDimension.Count > 1 ? new Vector<double>(x1[i + 1]) : default;
                var b2 = TDimension.Count > 2 ? new Vector<double>(x2[i + 1]) : default;
                var va = new Vector<double>(weights[i]);
                var vb = new Vector<double>(weights[i + 1]);
                Vector<double> sumA = RowSums[i], sumB = RowSums[i + 1];
                for (int j = columnFirst; j < vectorEnd; j += width)
                {
                    nuint at = (nuint)j;
                    Vector<double> s0 = Vector.LoadUnsafe(ref y0, at);
                    Vector<double> s1 = TDimension.Count > 1 ? Vector.LoadUnsafe(ref y1, at) : default;
                    Vector<double> s2 = TDimension.Count > 2 ? Vector.LoadUnsafe(ref y2, at) : default;
                    Vector<double> ka = kernel.ValueFromSquaredDistance(Squared(a0 - s0, a1 - s1, a2 - s2));
                    Vector<double> kb = kernel.ValueFromSquaredDistance(Squared(b0 - s0, b1 - s1, b2 - s2));
                    Vector<double> w = Vector.LoadUnsafe(ref v, at);
                    sumA = Vector.FusedMultiplyAdd(ka, w, sumA);
                    sumB = Vector.FusedMultiplyAdd(kb, w, sumB);
                    if (transpose)
                    {
                        Vector<double> c = Vector.LoadUnsafe(ref column, at);
                        c = Vector.FusedMultiplyAdd(ka, va, c);
                        Vector.FusedMultiplyAdd(kb, vb, c).StoreUnsafe(ref column, at);
                    }
                }

                RowSums[i] = sumA;
                RowSums[i + 1] = sumB;
                ScalarTail(i, vectorEnd, columnEnd, transpose);
                ScalarTail(i + 1, vectorEnd, columnEnd, transpose);
            }

            if (i < rowEnd)
            {
                var a0 = new Vector<double>(x0[i]);
                var a1 = TDimension.Count > 1 ? new Vector<double>(x1[i]) : default;
                var a2 = TDimension.Count > 2 ? new Vector<double>(x2[i]) : default;
                var va = new Vector<double>(weights[i]);
                Vector<double> sumA = RowSums[i];
                for (int j = columnFirst; j < vectorEnd; j += width)
                {
                    nuint at = (nuint)j;
                    Vector<double> s1 = TDimension.Count > 1 ? Vector.LoadUnsafe(ref y1, at) : default;
                    Vector<double> s2 = TDimension.Count > 2 ? Vector.LoadUnsafe(ref y2, at) : default;
                    Vector<double> ka = kernel.ValueFromSquaredDistance(Squared(a0 - Vector.LoadUnsafe(ref y0, at), a1 - s1, a2 - s2));
                    sumA = Vector.FusedMultiplyAdd(ka, Vector.LoadUnsafe(ref v, at), sumA);
                    if (transpose)
                    {
                        Vector.FusedMultiplyAdd(ka, va, Vector.LoadUnsafe(ref column, at)).StoreUnsafe(ref column, at);
                    }
                }

                RowSums[i] = sumA;
                ScalarTail(i, vectorEnd, columnEnd, transpose);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Squared(Vector<double> d0, Vector<double> d1, Vector<double> d2) => TDimension.Count switch
        {
            1 => d0 * d0,
            2 => Vector.FusedMultiplyAdd(d1, d1, d0 * d0),
            _ => Vector.FusedMultiplyAdd(d2, d2, Vector.FusedMultiplyAdd(d1, d1, d0 * d0)),
        };

        /// <summary>The columns vectorEnd ≤ j &lt; columnEnd of row i (and their transposes), in scalar arithmetic.</summary>
        private void ScalarTail(int i, int vectorEnd, int columnEnd, bool transpose)
        {
            for (int j = vectorEnd; j < columnEnd; j++)
            {
                double d0 = x0[i] - x0[j];
                double squared = d0 * d0;
                if (TDimension.Count > 1)
                {
                    double d1 = x1[i] - x1[j];
                    squared = Math.FusedMultiplyAdd(d1, d1, squared);
                }

                if (TDimension.Count > 2)
                {
                    double d2 = x2[i] - x2[j];
                    squared = Math.FusedMultiplyAdd(d2, d2, squared);
                }

                double value = kernel.ValueFromSquaredDistance(squared);
                ScalarSums[i] += value * weights[j];
                if (transpose)
                {
                    ScalarSums[j] += value * weights[i];
                }
            }
        }
    }
}
