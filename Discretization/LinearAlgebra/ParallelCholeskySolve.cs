using System.Numerics;
using System.Runtime.CompilerServices;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// The triangular solves of a sparse Cholesky factor split over the elimination tree so that
/// threads can share them. The tree is cut into disjoint subtrees ("tasks") and the "top", the
/// nodes above them (<see cref="EliminationTreePartition"/>). Column j of L holds rows that are ancestors of j,
/// so a task's columns touch only its own rows and the top's rows:
/// <list type="number">
/// <item>forward, tasks in parallel: each task's columns, in order, scatter into the task's rows;</item>
/// <item>forward, top rows in parallel: each top row gathers the task columns' entries in its row
/// (a copy of those entries stored by rows, the "border");</item>
/// <item>forward, top columns in order on one thread;</item>
/// <item>backward, top columns in reverse order on one thread, then the tasks in parallel, each
/// gathering from rows that are final.</item>
/// </list>
/// The partition depends on the factor alone, and every number is computed by the same operations
/// in the same order whichever thread runs it, so the solution has the same bits for any thread count.
/// </summary>
internal sealed unsafe class ParallelCholeskySolve
{
    /// <summary>Factors with fewer entries are solved by the plain sequential loops (the parallel phases would cost more than they save).</summary>
    public const long MinimumFactorEntries = 200_000;

    private const int BorderBlocks = 8;

    private readonly int[] columnPointers, rowIndices;

    /// <summary>The row indices as 16-bit numbers when n ≤ 65,536 (null otherwise): the solves read 10 instead of 12 bytes per entry of L.</summary>
    private readonly ushort[]? compactRows;
    private readonly int[] taskStart, taskColumns, split, topColumns;
    private readonly int[] borderRows, borderStart, borderColumn, borderSlot, borderBlockStart;
    private readonly double[] borderValue;
    private readonly TaskJob forward, backward;
    private readonly BorderJob border;

    private ParallelCholeskySolve(int[] columnPointers, int[] rowIndices, EliminationTreePartition partition)
    {
        this.columnPointers = columnPointers;
        this.rowIndices = rowIndices;
        if (columnPointers.Length - 1 <= ushort.MaxValue + 1)
        {
            compactRows = new ushort[rowIndices.Length];
            for (int p = 0; p < rowIndices.Length; p++)
            {
                compactRows[p] = (ushort)rowIndices[p];
            }
        }

        taskStart = partition.TaskStart;
        taskColumns = partition.TaskColumns;
        split = partition.Split;
        topColumns = partition.TopColumns;
        borderRows = partition.TopColumns;
        borderStart = partition.BorderStart;
        borderColumn = partition.BorderColumn;
        borderSlot = partition.BorderSlot;
        borderValue = new double[borderSlot.Length];
        borderBlockStart = new int[BorderBlocks + 1];
        for (int b = 0; b <= BorderBlocks; b++)
        {
            borderBlockStart[b] = (int)((long)borderRows.Length * b / BorderBlocks);
        }

        forward = new TaskJob(this, backwardSweep: false);
        backward = new TaskJob(this, backwardSweep: true);
        border = new BorderJob(this);
    }

    /// <summary>Number of subtrees solved in parallel.</summary>
    public int TaskCount => taskStart.Length - 1;

    /// <summary>The split solves for a factor with the given structure, or null when the factor is small or the tree offers no parallelism (a chain).</summary>
    /// <param name="symbolic">The symbolic analysis (elimination tree, column counts, column pointers).</param>
    /// <param name="rowIndices">Row indices of L by columns, the diagonal first, then ascending (as <see cref="SparseCholesky"/> stores them).</param>
    /// <param name="minimumFactorEntries">Smaller factors get no partition (tests pass 0 to split small ones).</param>
    public static ParallelCholeskySolve? TryCreate(SymbolicCholesky symbolic, int[] rowIndices, long minimumFactorEntries = MinimumFactorEntries)
    {
        if (symbolic.FactorNonzeroCount < minimumFactorEntries)
        {
            return null;
        }

        var partition = EliminationTreePartition.TryCreate(symbolic, rowIndices);
        return partition is null ? null : new ParallelCholeskySolve(symbolic.FactorColumnPointers, rowIndices, partition);
    }

    /// <summary>Copies the border entries (L_ij, i in the top, j in a task) from a new numeric factorization.</summary>
    public void Refresh(ReadOnlySpan<double> factorValues)
    {
        for (int q = 0; q < borderSlot.Length; q++)
        {
            borderValue[q] = factorValues[borderSlot[q]];
        }
    }

    /// <summary>Solves L Lᵀ y = y in place on the permuted vector (L's values and 1/diag(L) given).</summary>
    public void Solve(double* y, double* factorValues, double* inverseDiagonal)
    {
        forward.Set(y, factorValues, inverseDiagonal);
        backward.Set(y, factorValues, inverseDiagonal);
        border.Vector = y;
        BlockParallel.Run(TaskCount, forward);
        BlockParallel.Run(BorderBlocks, border);
        fixed (int* lp = columnPointers, top = topColumns)
        {
            if (compactRows is not null)
            {
                fixed (ushort* li = compactRows)
                {
                    Top(top, topColumns.Length, y, factorValues, inverseDiagonal, lp, li);
                }
            }
            else
            {
                fixed (int* li = rowIndices)
                {
                    Top(top, topColumns.Length, y, factorValues, inverseDiagonal, lp, li);
                }
            }
        }

        BlockParallel.Run(TaskCount, backward);
    }

    /// <summary>The top columns: forward in order, then backward in reverse order (one thread).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Top<TIndex>(int* columns, int count, double* y, double* lx, double* inverseDiagonal, int* lp, TIndex* li)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        for (int k = 0; k < count; k++)
        {
            int j = columns[k];
            Scatter(j, lp[j + 1], y, lx, inverseDiagonal, lp, li);
        }

        for (int k = count - 1; k >= 0; k--)
        {
            Gather(columns[k], y, lx, inverseDiagonal, lp, li);
        }
    }

    /// <summary>Forward step of column j: y_j /= L_jj, then y_i −= L_ij y_j for the entries below the diagonal up to <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per column, inside the loops over columns
    private static void Scatter<TIndex>(int j, int end, double* y, double* lx, double* inverseDiagonal, int* lp, TIndex* li)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        double yj = y[j] *= inverseDiagonal[j];
        for (int p = lp[j] + 1; p < end; p++)
        {
            y[int.CreateTruncating(li[p])] -= lx[p] * yj;
        }
    }

    /// <summary>Backward step of column j: y_j = (y_j − Σ_{i&gt;j} L_ij y_i) / L_jj, in four partial sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per column, inside the loops over columns
    private static void Gather<TIndex>(int j, double* y, double* lx, double* inverseDiagonal, int* lp, TIndex* li)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = lp[j] + 1, end = lp[j + 1];
        for (; p + 3 < end; p += 4)
        {
            s0 += lx[p] * y[int.CreateTruncating(li[p])];
            s1 += lx[p + 1] * y[int.CreateTruncating(li[p + 1])];
            s2 += lx[p + 2] * y[int.CreateTruncating(li[p + 2])];
            s3 += lx[p + 3] * y[int.CreateTruncating(li[p + 3])];
        }

        for (; p < end; p++)
        {
            s0 += lx[p] * y[int.CreateTruncating(li[p])];
        }

        y[j] = (y[j] - ((s0 + s1) + (s2 + s3))) * inverseDiagonal[j];
    }

    /// <summary>One task's columns: forward (ascending, scattering into the task's rows) or backward (descending, gathering).</summary>
    private sealed class TaskJob(ParallelCholeskySolve owner, bool backwardSweep) : BlockJob
    {
        private double* y, lx, inverseDiagonal;

        public void Set(double* vector, double* factorValues, double* inverse)
        {
            y = vector;
            lx = factorValues;
            inverseDiagonal = inverse;
        }

        public override void Run(int block)
        {
            if (owner.compactRows is not null)
            {
                fixed (ushort* li = owner.compactRows)
                {
                    Columns(block, li);
                }
            }
            else
            {
                fixed (int* li = owner.rowIndices)
                {
                    Columns(block, li);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized from the first call (measured: 2× on the backward sweep against the tiered code)
        private void Columns<TIndex>(int block, TIndex* li)
            where TIndex : unmanaged, IBinaryInteger<TIndex>
        {
            fixed (int* lp = owner.columnPointers, columns = owner.taskColumns, split = owner.split)
            {
                int first = owner.taskStart[block], last = owner.taskStart[block + 1];
                if (backwardSweep)
                {
                    for (int k = last - 1; k >= first; k--)
                    {
                        Gather(columns[k], y, lx, inverseDiagonal, lp, li);
                    }

                    return;
                }

                for (int k = first; k < last; k++)
                {
                    int j = columns[k];
                    Scatter(j, split[j], y, lx, inverseDiagonal, lp, li);
                }
            }
        }
    }

    /// <summary>A block of top rows: y_i −= Σ L_ij y_j over the task columns j of row i (four partial sums).</summary>
    private sealed class BorderJob(ParallelCholeskySolve owner) : BlockJob
    {
        public double* Vector;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized from the first call (measured: 2× on the backward sweep against the tiered code)
        public override void Run(int block)
        {
            var y = Vector;
            fixed (int* rows = owner.borderRows, start = owner.borderStart, column = owner.borderColumn)
            fixed (double* value = owner.borderValue)
            {
                for (int k = owner.borderBlockStart[block]; k < owner.borderBlockStart[block + 1]; k++)
                {
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    int q = start[k], end = start[k + 1];
                    for (; q + 3 < end; q += 4)
                    {
                        s0 += value[q] * y[column[q]];
                        s1 += value[q + 1] * y[column[q + 1]];
                        s2 += value[q + 2] * y[column[q + 2]];
                        s3 += value[q + 3] * y[column[q + 3]];
                    }

                    for (; q < end; q++)
                    {
                        s0 += value[q] * y[column[q]];
                    }

                    y[rows[k]] -= (s0 + s1) + (s2 + s3);
                }
            }
        }
    }
}
