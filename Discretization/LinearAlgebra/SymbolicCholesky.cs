namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// The symbolic phase of a sparse Cholesky factorization P A Pᵀ = L Lᵀ for one sparsity pattern:
/// the fill-reducing permutation, the elimination tree, the column counts of L, and the upper
/// triangle of the permuted pattern with a map from the caller's CSR storage into it. Computed once
/// by <see cref="Analyze"/> and reused by every numeric factorization of a matrix with this pattern.
/// </summary>
public sealed class SymbolicCholesky
{
    private SymbolicCholesky(SparsityPattern pattern, int[] permutation)
    {
        Pattern = pattern;
        int n = pattern.RowCount;
        Permutation = permutation;
        InversePermutation = new int[n];
        for (int k = 0; k < n; k++)
        {
            InversePermutation[permutation[k]] = k;
        }

        BuildPermutedUpper();
        Parent = EliminationTree(n, UpperColumnPointers, UpperRowIndices);
        ColumnCounts = CountColumns(n, UpperColumnPointers, UpperRowIndices, Parent);
        FactorColumnPointers = new int[n + 1];
        long total = 0;
        for (int k = 0; k < n; k++)
        {
            total += ColumnCounts[k];
            if (total > Array.MaxLength)
            {
                throw new InvalidOperationException($"the Cholesky factor would have more than {Array.MaxLength} entries (column {k}); use the CHOLMOD backend or an iterative solver");
            }

            FactorColumnPointers[k + 1] = (int)total;
        }

        FactorNonzeroCount = total;
    }

    /// <summary>The pattern this analysis belongs to.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Matrix size n.</summary>
    public int Size => Pattern.RowCount;

    /// <summary>Fill-reducing permutation: Permutation[k] is the original index of pivot k.</summary>
    public int[] Permutation { get; }

    /// <summary>Inverse permutation: InversePermutation[i] is the pivot position of original index i.</summary>
    public int[] InversePermutation { get; }

    /// <summary>Elimination tree of the permuted matrix (−1 for roots).</summary>
    public int[] Parent { get; }

    /// <summary>Number of entries in each column of L, diagonal included.</summary>
    public int[] ColumnCounts { get; }

    /// <summary>nnz(L), diagonal included.</summary>
    public long FactorNonzeroCount { get; }

    /// <summary>Column start offsets of L (length n + 1).</summary>
    internal int[] FactorColumnPointers { get; }

    /// <summary>Upper triangle of P A Pᵀ by columns: column k holds rows i ≤ k.</summary>
    internal int[] UpperColumnPointers { get; private set; } = [];

    /// <summary>Row indices of the permuted upper triangle.</summary>
    internal int[] UpperRowIndices { get; private set; } = [];

    /// <summary>For each CSR entry of A, its slot in the permuted upper triangle, or −1 for the mirrored lower entries.</summary>
    internal int[] ValueMap { get; private set; } = [];

    /// <summary>Analyzes a symmetric pattern (full storage, both triangles) with the given ordering.</summary>
    /// <param name="pattern">A square, structurally symmetric pattern including the diagonal.</param>
    /// <param name="ordering">Fill-reducing ordering (default: approximate minimum degree).</param>
    public static SymbolicCholesky Analyze(SparsityPattern pattern, FillReducingOrdering ordering = FillReducingOrdering.ApproximateMinimumDegree)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.IsStructurallySymmetric())
        {
            throw new ArgumentException("sparse Cholesky needs a structurally symmetric pattern stored in full (both triangles)");
        }

        var natural = Enumerable.Range(0, pattern.RowCount).ToArray();
        if (ordering != FillReducingOrdering.ApproximateMinimumDegree)
        {
            return new SymbolicCholesky(pattern, natural);
        }

        var minimumDegree = new SymbolicCholesky(pattern, ApproximateMinimumDegree.Order(pattern));
        // A banded matrix (1D meshes) in its own order has no more fill than AMD's ordering gives,
        // and its triangular solves then run through memory in order: keep the natural ordering
        // when its envelope n·(b+1) bounds the factor below AMD's.
        long envelope = (long)pattern.RowCount * (Bandwidth(pattern) + 1);
        return envelope <= minimumDegree.FactorNonzeroCount ? new SymbolicCholesky(pattern, natural) : minimumDegree;
    }

    /// <summary>max |i − j| over the stored entries.</summary>
    private static int Bandwidth(SparsityPattern pattern)
    {
        int bandwidth = 0;
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (int i = 0; i < pattern.RowCount; i++)
        {
            for (int p = rows[i]; p < rows[i + 1]; p++)
            {
                bandwidth = Math.Max(bandwidth, Math.Abs(i - columns[p]));
            }
        }

        return bandwidth;
    }

    /// <summary>
    /// The nonzero pattern of row k of L (columns &lt; k) by walking the elimination tree from each
    /// entry of column k of the permuted upper triangle; written to stack[top..n), returns top.
    /// Uses marks[i] == k as "visited in row k".
    /// </summary>
    internal static int RowPattern(int k, int[] cp, int[] ci, int[] parent, int[] stack, int[] marks)
    {
        int n = parent.Length;
        int top = n;
        marks[k] = k;
        for (int p = cp[k]; p < cp[k + 1]; p++)
        {
            int i = ci[p];
            if (i > k)
            {
                continue;
            }

            int length = 0;
            for (; marks[i] != k; i = parent[i])
            {
                stack[length++] = i; // path from i towards the root, stopping at a visited node
                marks[i] = k;
            }

            while (length > 0)
            {
                stack[--top] = stack[--length];
            }
        }

        return top;
    }

    private static int[] EliminationTree(int n, int[] cp, int[] ci)
    {
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            for (int p = cp[k]; p < cp[k + 1]; p++)
            {
                int i = ci[p];
                while (i != -1 && i < k)
                {
                    int inext = ancestor[i];
                    ancestor[i] = k; // path compression
                    if (inext == -1)
                    {
                        parent[i] = k;
                    }

                    i = inext;
                }
            }
        }

        return parent;
    }

    /// <summary>Column counts by traversing each row subtree once: O(nnz(L)) time, O(n) memory.</summary>
    private static int[] CountColumns(int n, int[] cp, int[] ci, int[] parent)
    {
        var counts = new int[n];
        var stack = new int[n];
        var marks = new int[n];
        Array.Fill(marks, -1);
        for (int k = 0; k < n; k++)
        {
            counts[k]++; // diagonal
            int top = RowPattern(k, cp, ci, parent, stack, marks);
            for (int t = top; t < n; t++)
            {
                counts[stack[t]]++;
            }
        }

        return counts;
    }

    private void BuildPermutedUpper()
    {
        int n = Size;
        var rp = Pattern.RowPointers;
        var cols = Pattern.ColumnIndices;
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            int pi = InversePermutation[i];
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int pj = InversePermutation[cols[p]];
                if (pi <= pj)
                {
                    counts[pj + 1]++; // entry (pi, pj) of the upper triangle lives in column pj
                }
            }
        }

        for (int k = 0; k < n; k++)
        {
            counts[k + 1] += counts[k];
        }

        var pointers = (int[])counts.Clone();
        var next = counts;
        var rows = new int[pointers[n]];
        var map = new int[Pattern.NonzeroCount];
        for (int i = 0; i < n; i++)
        {
            int pi = InversePermutation[i];
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int pj = InversePermutation[cols[p]];
                if (pi <= pj)
                {
                    int slot = next[pj]++;
                    rows[slot] = pi;
                    map[p] = slot;
                }
                else
                {
                    map[p] = -1;
                }
            }
        }

        UpperColumnPointers = pointers;
        UpperRowIndices = rows;
        ValueMap = map;
    }
}
