using System.Numerics;
using System.Runtime.InteropServices;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// G = BᵀB (or Bᵀ diag(w) B) for B with m columns of length n stored one after another (column k at k·n): the
/// symmetric rank-n update of the Woodbury capacitance matrix, by 4×4 blocks of columns so that
/// each loaded vector of B serves four inner products.
/// </summary>
/// <remarks>
/// Deterministic: every entry (k, j) is summed the same way — SIMD lane ℓ accumulates the rows
/// i ≡ ℓ mod W in increasing i by fused multiply–adds of (B_{ik}wᵢ)·B_{ij}, the lanes are added in order, then the
/// scalar tail — whichever block or thread computes it, so G is bitwise independent of the thread
/// count and of the blocking.
/// </remarks>
public static class GramMatrix
{
    private const int Block = 4;

    /// <summary>Rows per chunk of the column-array Gram matrix (fixed: the summation order must not depend on the thread count).</summary>
    private const int ChunkRows = 512;

    /// <summary>Writes BᵀB (m×m, row-major, both triangles) into <paramref name="gram"/>.</summary>
    /// <param name="columns">B, m·n values, column k at offset k·n.</param>
    /// <param name="rows">n.</param>
    /// <param name="count">m.</param>
    /// <param name="gram">Destination, m² values.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default; small problems run on the calling thread.</param>
    /// <param name="weights">Optional row weights wᵢ (length n): then G = Bᵀ diag(w) B.</param>
    public static void Compute(double[] columns, int rows, int count, double[] gram, int maxDegreeOfParallelism = -1, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(gram);
        if (columns.LongLength < (long)rows * count || gram.LongLength < (long)count * count)
        {
            throw new ArgumentException($"Need {rows}·{count} column values and {count}² Gram entries.");
        }

        if (weights is not null && weights.Length != rows)
        {
            throw new ArgumentException($"{weights.Length} row weights for {rows} rows.", nameof(weights));
        }

        weights ??= Ones(rows);

        int blocks = (count + Block - 1) / Block;
        // Row blocks have unequal work (block b pairs with b+1 blocks); below ~10⁶ multiply–adds a thread hand-off costs more than it saves.
        if ((long)rows * count * count < 2_000_000 || maxDegreeOfParallelism == 1)
        {
            for (int blockRow = 0; blockRow < blocks; blockRow++)
            {
                ComputeBlockRow(columns, weights, rows, count, gram, blockRow);
            }
        }
        else
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, blockRow => ComputeBlockRow(columns, weights, rows, count, gram, blockRow));
        }
    }

    private static void ComputeBlockRow(double[] columns, double[] weights, int rows, int count, double[] gram, int blockRow)
    {
        int k0 = blockRow * Block;
        int kCount = Math.Min(Block, count - k0);
        for (int j0 = 0; j0 <= k0; j0 += Block)
        {
            int jCount = Math.Min(Block, count - j0);
            if (kCount == Block && jCount == Block)
            {
                FullBlock(columns, weights, rows, count, gram, k0, j0);
            }
            else
            {
                for (int k = k0; k < k0 + kCount; k++)
                {
                    for (int j = j0; j < j0 + jCount && j <= k; j++)
                    {
                        Store(gram, count, k, j, Dot(columns, weights, rows, k, j));
                    }
                }
            }
        }
    }

    /// <summary>The 4×4 block (k0.., j0..): sixteen accumulators, eight loads per sixteen multiply–adds.</summary>
    private static void FullBlock(double[] columns, double[] weights, int rows, int count, double[] gram, int k0, int j0)
    {
        int width = Vector<double>.Count;
        int vectorEnd = rows - (rows % width);
        ref double b = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double w = ref MemoryMarshal.GetArrayDataReference(weights);
        nuint k0Offset = (nuint)(k0 * rows), j0Offset = (nuint)(j0 * rows), stride = (nuint)rows;
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector<double> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector<double> s30 = default, s31 = default, s32 = default, s33 = default;
        for (int i = 0; i < vectorEnd; i += width)
        {
            nuint at = (nuint)i;
            Vector<double> wv = Vector.LoadUnsafe(ref w, at);
            Vector<double> k0v = Vector.LoadUnsafe(ref b, k0Offset + at) * wv;
            Vector<double> k1v = Vector.LoadUnsafe(ref b, k0Offset + stride + at) * wv;
            Vector<double> k2v = Vector.LoadUnsafe(ref b, k0Offset + (2 * stride) + at) * wv;
            Vector<double> k3v = Vector.LoadUnsafe(ref b, k0Offset + (3 * stride) + at) * wv;
            Vector<double> j0v = Vector.LoadUnsafe(ref b, j0Offset + at);
            Vector<double> j1v = Vector.LoadUnsafe(ref b, j0Offset + stride + at);
            Vector<double> j2v = Vector.LoadUnsafe(ref b, j0Offset + (2 * stride) + at);
            Vector<double> j3v = Vector.LoadUnsafe(ref b, j0Offset + (3 * stride) + at);
            s00 = Vector.FusedMultiplyAdd(k0v, j0v, s00);
            s01 = Vector.FusedMultiplyAdd(k0v, j1v, s01);
            s02 = Vector.FusedMultiplyAdd(k0v, j2v, s02);
            s03 = Vector.FusedMultiplyAdd(k0v, j3v, s03);
            s10 = Vector.FusedMultiplyAdd(k1v, j0v, s10);
            s11 = Vector.FusedMultiplyAdd(k1v, j1v, s11);
            s12 = Vector.FusedMultiplyAdd(k1v, j2v, s12);
            s13 = Vector.FusedMultiplyAdd(k1v, j3v, s13);
            s20 = Vector.FusedMultiplyAdd(k2v, j0v, s20);
            s21 = Vector.FusedMultiplyAdd(k2v, j1v, s21);
            s22 = Vector.FusedMultiplyAdd(k2v, j2v, s22);
            s23 = Vector.FusedMultiplyAdd(k2v, j3v, s23);
            s30 = Vector.FusedMultiplyAdd(k3v, j0v, s30);
            s31 = Vector.FusedMultiplyAdd(k3v, j1v, s31);
            s32 = Vector.FusedMultiplyAdd(k3v, j2v, s32);
            s33 = Vector.FusedMultiplyAdd(k3v, j3v, s33);
        }

        ReadOnlySpan<Vector<double>> sums = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
        for (int a = 0; a < Block; a++)
        {
            for (int c = 0; c < Block; c++)
            {
                int k = k0 + a, j = j0 + c;
                if (j > k)
                {
                    continue;
                }

                double total = Vector.Sum(sums[(a * Block) + c]);
                for (int i = vectorEnd; i < rows; i++)
                {
                    total = Math.FusedMultiplyAdd(columns[(k * rows) + i] * weights[i], columns[(j * rows) + i], total);
                }

                Store(gram, count, k, j, total);
            }
        }
    }

    /// <summary>One entry with exactly the arithmetic of <see cref="FullBlock"/>: one SIMD accumulator, lanes summed, fused scalar tail.</summary>
    private static double Dot(double[] columns, double[] weights, int rows, int k, int j)
    {
        int width = Vector<double>.Count;
        int vectorEnd = rows - (rows % width);
        ref double b = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double w = ref MemoryMarshal.GetArrayDataReference(weights);
        nuint kOffset = (nuint)(k * rows), jOffset = (nuint)(j * rows);
        Vector<double> sum = default;
        for (int i = 0; i < vectorEnd; i += width)
        {
            sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b, kOffset + (nuint)i) * Vector.LoadUnsafe(ref w, (nuint)i), Vector.LoadUnsafe(ref b, jOffset + (nuint)i), sum);
        }

        double total = Vector.Sum(sum);
        for (int i = vectorEnd; i < rows; i++)
        {
            total = Math.FusedMultiplyAdd(columns[(k * rows) + i] * weights[i], columns[(j * rows) + i], total);
        }

        return total;
    }

    /// <summary>
    /// Writes LᵀL (m×m, row-major, both triangles) for the m columns of length n in
    /// <paramref name="columns"/>, by chunks of <see cref="ChunkRows"/> rows (each chunk read from
    /// memory once and then used for every 4×4 block of entries, in parallel over block rows; the
    /// last, partial block row entry by entry).
    /// </summary>
    /// <remarks>Entry (k, j) is the sum over the chunks, in chunk order, of each chunk's sum (one SIMD
    /// accumulator, lanes in order, fused scalar tail), computed by a path fixed by (k, j, m):
    /// bitwise independent of the thread count.</remarks>
    /// <param name="columns">The columns (each of length ≥ n).</param>
    /// <param name="rows">n.</param>
    /// <param name="count">m.</param>
    /// <param name="gram">Destination, m² values.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public static void Compute(double[][] columns, int rows, int count, double[] gram, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(gram);
        Array.Clear(gram, 0, count * count);
        int blocks = (count + Block - 1) / Block;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        for (int start = 0; start < rows; start += ChunkRows)
        {
            int end = Math.Min(start + ChunkRows, rows);
            Parallel.For(0, blocks, parallel, blockRow =>
            {
                int k0 = blockRow * Block;
                for (int j0 = 0; j0 <= k0; j0 += Block)
                {
                    if (k0 + Block <= count)
                    {
                        ChunkBlock(columns, k0, j0, start, end, gram, count); // 4×4 (its upper part stored only on the diagonal block's lower triangle)
                    }
                    else
                    {
                        for (int k = k0; k < count; k++)
                        {
                            ChunkSums(columns, k, j0, Math.Min(j0 + Block, k + 1), start, end, gram, count);
                        }
                    }
                }
            });
        }

        for (int k = 0; k < count; k++)
        {
            for (int j = 0; j < k; j++)
            {
                gram[(j * count) + k] = gram[(k * count) + j];
            }
        }
    }

    /// <summary>gram[k, j] += Σ_{start ≤ i &lt; end} L_{ik}L_{ij} for the 4×4 block k0.., j0.. (j ≤ k only): sixteen accumulators, eight loads per sixteen multiply–adds.</summary>
    private static void ChunkBlock(double[][] columns, int k0, int j0, int start, int end, double[] gram, int count)
    {
        int width = Vector<double>.Count;
        int length = end - start;
        int vectorEnd = start + (length - (length % width));
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(columns[k0]);
        ref double a1 = ref MemoryMarshal.GetArrayDataReference(columns[k0 + 1]);
        ref double a2 = ref MemoryMarshal.GetArrayDataReference(columns[k0 + 2]);
        ref double a3 = ref MemoryMarshal.GetArrayDataReference(columns[k0 + 3]);
        ref double b0 = ref MemoryMarshal.GetArrayDataReference(columns[j0]);
        ref double b1 = ref MemoryMarshal.GetArrayDataReference(columns[j0 + 1]);
        ref double b2 = ref MemoryMarshal.GetArrayDataReference(columns[j0 + 2]);
        ref double b3 = ref MemoryMarshal.GetArrayDataReference(columns[j0 + 3]);
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector<double> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector<double> s30 = default, s31 = default, s32 = default, s33 = default;
        for (int i = start; i < vectorEnd; i += width)
        {
            nuint at = (nuint)i;
            Vector<double> k0v = Vector.LoadUnsafe(ref a0, at), k1v = Vector.LoadUnsafe(ref a1, at), k2v = Vector.LoadUnsafe(ref a2, at), k3v = Vector.LoadUnsafe(ref a3, at);
            Vector<double> j0v = Vector.LoadUnsafe(ref b0, at), j1v = Vector.LoadUnsafe(ref b1, at), j2v = Vector.LoadUnsafe(ref b2, at), j3v = Vector.LoadUnsafe(ref b3, at);
            s00 = Vector.FusedMultiplyAdd(k0v, j0v, s00);
            s01 = Vector.FusedMultiplyAdd(k0v, j1v, s01);
            s02 = Vector.FusedMultiplyAdd(k0v, j2v, s02);
            s03 = Vector.FusedMultiplyAdd(k0v, j3v, s03);
            s10 = Vector.FusedMultiplyAdd(k1v, j0v, s10);
            s11 = Vector.FusedMultiplyAdd(k1v, j1v, s11);
            s12 = Vector.FusedMultiplyAdd(k1v, j2v, s12);
            s13 = Vector.FusedMultiplyAdd(k1v, j3v, s13);
            s20 = Vector.FusedMultiplyAdd(k2v, j0v, s20);
            s21 = Vector.FusedMultiplyAdd(k2v, j1v, s21);
            s22 = Vector.FusedMultiplyAdd(k2v, j2v, s22);
            s23 = Vector.FusedMultiplyAdd(k2v, j3v, s23);
            s30 = Vector.FusedMultiplyAdd(k3v, j0v, s30);
            s31 = Vector.FusedMultiplyAdd(k3v, j1v, s31);
            s32 = Vector.FusedMultiplyAdd(k3v, j2v, s32);
            s33 = Vector.FusedMultiplyAdd(k3v, j3v, s33);
        }

        ReadOnlySpan<Vector<double>> sums = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
        for (int a = 0; a < Block; a++)
        {
            for (int c = 0; c < Block && j0 + c <= k0 + a; c++)
            {
                int k = k0 + a, j = j0 + c;
                double total = Vector.Sum(sums[(a * Block) + c]);
                for (int i = vectorEnd; i < end; i++)
                {
                    total = Math.FusedMultiplyAdd(columns[k][i], columns[j][i], total);
                }

                gram[(k * count) + j] += total;
            }
        }
    }

    /// <summary>gram[k, j] += Σ_{start ≤ i &lt; end} L_{ik}L_{ij} for j = jFirst..jEnd−1 (up to four j sharing each load of column k).</summary>
    private static void ChunkSums(double[][] columns, int k, int jFirst, int jEnd, int start, int end, double[] gram, int count)
    {
        int width = Vector<double>.Count;
        int length = end - start;
        int vectorEnd = start + (length - (length % width));
        ref double lk = ref MemoryMarshal.GetArrayDataReference(columns[k]);
        int jCount = jEnd - jFirst;
        ref double l0 = ref MemoryMarshal.GetArrayDataReference(columns[jFirst]);
        ref double l1 = ref MemoryMarshal.GetArrayDataReference(columns[jCount > 1 ? jFirst + 1 : jFirst]);
        ref double l2 = ref MemoryMarshal.GetArrayDataReference(columns[jCount > 2 ? jFirst + 2 : jFirst]);
        ref double l3 = ref MemoryMarshal.GetArrayDataReference(columns[jCount > 3 ? jFirst + 3 : jFirst]);
        Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
        for (int i = start; i < vectorEnd; i += width)
        {
            nuint at = (nuint)i;
            Vector<double> v = Vector.LoadUnsafe(ref lk, at);
            s0 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref l0, at), s0);
            s1 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref l1, at), s1);
            s2 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref l2, at), s2);
            s3 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref l3, at), s3);
        }

        ReadOnlySpan<Vector<double>> sums = [s0, s1, s2, s3];
        for (int c = 0; c < jCount; c++)
        {
            int j = jFirst + c;
            double total = Vector.Sum(sums[c]);
            for (int i = vectorEnd; i < end; i++)
            {
                total = Math.FusedMultiplyAdd(columns[k][i], columns[j][i], total);
            }

            gram[(k * count) + j] += total;
        }
    }

    private static double[] Ones(int rows)
    {
        var ones = new double[rows];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private static void Store(double[] gram, int count, int k, int j, double value)
    {
        gram[(k * count) + j] = value;
        gram[(j * count) + k] = value;
    }
}
