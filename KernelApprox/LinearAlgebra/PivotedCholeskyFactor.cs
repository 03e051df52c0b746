namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// A pivoted partial Cholesky factor S ≈ L Lᵀ, L of size n×m, computed column by column with
/// greedy pivoting on the largest remaining diagonal entry (kernel.md §4 (3)), together with the
/// Gram matrix LᵀL that the Woodbury solve needs.
/// </summary>
/// <remarks>
/// <para>The residual E = S − L Lᵀ is symmetric positive semidefinite with diagonal
/// <see cref="ResidualDiagonal"/>, so ‖E‖₂ ≤ tr E = <see cref="ResidualTrace"/>; the
/// factorization stops as soon as tr E ≤ the requested tolerance, when m reaches the maximum
/// rank, or when the largest remaining diagonal entry falls below the rounding floor
/// (<see cref="RoundingFloorRelative"/> times the largest diagonal entry of S), where further
/// columns would be rounding noise. Cost: m columns of S and O(n m²) flops; only the m
/// columns are stored (O(n m) memory).</para>
/// <para>Each new column k is finished in one parallel pass over fixed blocks of
/// <see cref="BlockRows"/> rows: the update l ← s_p − Σⱼ L_{pj} lⱼ (SIMD multiply–adds in j order;
/// most of it already done by an earlier pass that also updated the likely next pivots' columns,
/// <see cref="PivotCandidates"/>), the scaling, the diagonal update, the block's largest remaining
/// diagonal entry and its partial trace. The partial results are combined in block order, and the
/// Gram matrix is formed once at the end by chunks of rows (<see cref="GramMatrix"/>), so the factor,
/// its pivots and its Gram matrix are bitwise independent of the thread count; ties in the pivot
/// choice go to the smallest index.</para>
/// </remarks>
public sealed class PivotedCholeskyFactor
{
    /// <summary>Pivots below this multiple of max diag(S) are treated as rounding noise.</summary>
    public const double RoundingFloorRelative = 1e-14;

    /// <summary>The default of the columns updated per pass over the factor: the pivot's and up to this many minus one candidates' (<see cref="PivotCandidates"/>).</summary>
    public const int DefaultColumnsPerPass = 4;

    /// <summary>Below this many multiply–adds (about) a column step runs on the calling thread.</summary>
    private const long SerialStepWork = 1L << 20;

    /// <summary>Rows per block of the parallel column update (fixed: the summation order must not depend on the thread count).</summary>
    private const int BlockRows = 256;

    private readonly double[][] columns;
    private readonly int[] pivots;
    private readonly double[] residualDiagonal;
    private readonly double[] gram;

    private PivotedCholeskyFactor(double[][] columns, int[] pivots, double[] residualDiagonal, double[] gram, double residualTrace, double initialTrace, bool reachedRoundingFloor)
    {
        this.columns = columns;
        this.pivots = pivots;
        this.residualDiagonal = residualDiagonal;
        this.gram = gram;
        ResidualTrace = residualTrace;
        InitialTrace = initialTrace;
        ReachedRoundingFloor = reachedRoundingFloor;
    }

    /// <summary>n.</summary>
    public int Size => residualDiagonal.Length;

    /// <summary>m, the number of columns.</summary>
    public int Rank => columns.Length;

    /// <summary>tr S.</summary>
    public double InitialTrace { get; }

    /// <summary>tr(S − L Lᵀ) ≥ ‖S − L Lᵀ‖₂.</summary>
    public double ResidualTrace { get; }

    /// <summary>True when the factorization stopped at the rounding floor before reaching the tolerance.</summary>
    public bool ReachedRoundingFloor { get; }

    /// <summary>How many passes over its own columns the factorization made: one per column without candidates, fewer when later pivots were among the candidates of an earlier pass.</summary>
    public int Passes { get; private init; }

    /// <summary>The pivot indices, in order.</summary>
    public ReadOnlySpan<int> Pivots => pivots;

    /// <summary>diag(S − L Lᵀ).</summary>
    public ReadOnlySpan<double> ResidualDiagonal => residualDiagonal;

    /// <summary>LᵀL, m×m row-major (symmetric, both triangles filled).</summary>
    public ReadOnlySpan<double> Gram => gram;

    /// <summary>Column <paramref name="k"/> of L (length n).</summary>
    /// <param name="k">0 ≤ k &lt; m.</param>
    public ReadOnlySpan<double> Column(int k) => columns[k];

    /// <summary>Computes the factor until tr(S − L Lᵀ) ≤ <paramref name="traceTolerance"/>.</summary>
    /// <param name="matrix">S, symmetric positive semidefinite.</param>
    /// <param name="traceTolerance">Stop when the residual trace is at most this (≥ 0).</param>
    /// <param name="maximumRank">Upper bound on m (default n).</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    /// <param name="columnsPerPass">Columns updated per pass over the factor (≥ 1; 1: only the pivot's). Affects the speed only: the factor is bitwise the same for every value.</param>
    public static PivotedCholeskyFactor Compute(ISymmetricMatrixOperator matrix, double traceTolerance, int maximumRank = int.MaxValue, int maxDegreeOfParallelism = -1, int columnsPerPass = DefaultColumnsPerPass)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(traceTolerance >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(traceTolerance), traceTolerance, "The trace tolerance must be ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maximumRank);
        ArgumentOutOfRangeException.ThrowIfLessThan(columnsPerPass, 1);
        int n = matrix.Size;
        var diagonal = new double[n];
        matrix.Diagonal(diagonal);
        double initialTrace = Sum(diagonal);
        var candidates = new PivotCandidates(matrix, (double[])diagonal.Clone(), BlockRows, columnsPerPass);
        double largestInitial = n == 0 ? 0.0 : diagonal.Max();
        double floor = RoundingFloorRelative * largestInitial;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        int rankLimit = Math.Min(maximumRank, n);
        int blockCount = (n + BlockRows - 1) / BlockRows;
        var built = new double[Math.Min(rankLimit, 64)][];
        var pivotList = new List<int>();
        var isPivot = new bool[n];
        var blockMaximumIndex = new int[blockCount];
        var blockTrace = new double[blockCount];
        int rank = 0;
        int pivot = n == 0 ? -1 : ArgMax(diagonal);
        double trace = initialTrace;
        bool reachedFloor = false;
        while (trace > traceTolerance && rank < rankLimit)
        {
            double pivotValue = diagonal[pivot];
            if (!(pivotValue > floor))
            {
                reachedFloor = true;
                break;
            }

            if (!candidates.TryTake(pivot, out double[] column, out int applied))
            {
                column = candidates.Compute(pivot, built, rank, diagonal, floor, parallel);
                applied = rank;
            }

            var coefficients = new double[rank];
            for (int j = 0; j < rank; j++)
            {
                coefficients[j] = built[j][pivot];
            }

            isPivot[pivot] = true;
            var step = new ColumnStep(built, applied, rank, coefficients, column, diagonal, isPivot, pivot, Math.Sqrt(pivotValue));
            void Block(int block)
            {
                int first = block * BlockRows, end = Math.Min(first + BlockRows, n);
                step.Run(first, end, out blockMaximumIndex[block], out blockTrace[block]);
            }

            // Usually only a few columns remain to be applied (the pass did the rest): then the
            // step is O(n) and a thread hand-off costs more than it saves. Same blocks either way.
            if ((long)n * (rank - applied + 8) < SerialStepWork || maxDegreeOfParallelism == 1)
            {
                for (int block = 0; block < blockCount; block++)
                {
                    Block(block);
                }
            }
            else
            {
                Parallel.For(0, blockCount, parallel, Block);
            }

            if (rank == built.Length)
            {
                Array.Resize(ref built, Math.Min(rankLimit, 2 * built.Length));
            }

            built[rank++] = column;
            pivotList.Add(pivot);
            trace = 0.0;
            pivot = blockMaximumIndex[0];
            for (int block = 0; block < blockCount; block++)
            {
                trace += blockTrace[block];
                if (diagonal[blockMaximumIndex[block]] > diagonal[pivot])
                {
                    pivot = blockMaximumIndex[block];
                }
            }
        }

        var gram = new double[rank * rank];
        GramMatrix.Compute(built, n, rank, gram, maxDegreeOfParallelism); // once at the end: the factor is read once, by chunks

        return new PivotedCholeskyFactor(built[..rank], pivotList.ToArray(), diagonal, gram, trace, initialTrace, reachedFloor && trace > traceTolerance) { Passes = candidates.Passes };
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The work of one new column k on one block of rows (see the class remarks).</summary>
    private sealed class ColumnStep(double[][] previous, int applied, int rank, double[] coefficients, double[] column, double[] diagonal, bool[] isPivot, int pivot, double pivotRoot)
    {
        public void Run(int first, int end, out int maximumIndex, out double trace)
        {
            Span<double> segment = column.AsSpan(first, end - first);
            PivotedCholeskyBlock.SubtractCombination(segment, previous, applied, rank, coefficients, first); // the columns added since the pass that updated this one
            double scale = 1.0 / pivotRoot;
            maximumIndex = first;
            trace = 0.0;
            for (int i = first; i < end; i++)
            {
                // Rows pivoted earlier have a zero residual in exact arithmetic: store the exact zero.
                column[i] = i == pivot ? pivotRoot : isPivot[i] ? 0.0 : column[i] * scale;
                diagonal[i] = isPivot[i] ? 0.0 : Math.Max(diagonal[i] - (column[i] * column[i]), 0.0);
                trace += diagonal[i];
                if (diagonal[i] > diagonal[maximumIndex])
                {
                    maximumIndex = i;
                }
            }
        }
    }
}
