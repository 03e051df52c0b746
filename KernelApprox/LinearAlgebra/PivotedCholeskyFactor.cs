namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// A pivoted partial Cholesky factor S ≈ L Lᵀ, L of size n×m, computed column by column with
/// greedy pivoting on the largest remaining diagonal entry (kernel.md §4 (3)).
/// </summary>
/// <remarks>
/// The residual E = S − L Lᵀ is symmetric positive semidefinite with diagonal
/// <see cref="ResidualDiagonal"/>, so ‖E‖₂ ≤ tr E = <see cref="ResidualTrace"/>; the
/// factorization stops as soon as tr E ≤ the requested tolerance, when m reaches the maximum
/// rank, or when the largest remaining diagonal entry falls below the rounding floor
/// (<see cref="RoundingFloorRelative"/> times the largest diagonal entry of S), where further
/// columns would be rounding noise. Cost: m columns of S and O(n m²) flops; only the m
/// columns are stored. Deterministic: ties in the pivot choice go to the smallest index and
/// every update is summed in column order.
/// </remarks>
public sealed class PivotedCholeskyFactor
{
    /// <summary>Pivots below this multiple of max diag(S) are treated as rounding noise.</summary>
    public const double RoundingFloorRelative = 1e-14;

    private readonly double[][] columns;
    private readonly int[] pivots;
    private readonly double[] residualDiagonal;

    private PivotedCholeskyFactor(double[][] columns, int[] pivots, double[] residualDiagonal, double residualTrace, double initialTrace, bool reachedRoundingFloor)
    {
        this.columns = columns;
        this.pivots = pivots;
        this.residualDiagonal = residualDiagonal;
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

    /// <summary>The pivot indices, in order.</summary>
    public ReadOnlySpan<int> Pivots => pivots;

    /// <summary>diag(S − L Lᵀ).</summary>
    public ReadOnlySpan<double> ResidualDiagonal => residualDiagonal;

    /// <summary>Column <paramref name="k"/> of L (length n).</summary>
    /// <param name="k">0 ≤ k &lt; m.</param>
    public ReadOnlySpan<double> Column(int k) => columns[k];

    /// <summary>Computes the factor until tr(S − L Lᵀ) ≤ <paramref name="traceTolerance"/>.</summary>
    /// <param name="matrix">S, symmetric positive semidefinite.</param>
    /// <param name="traceTolerance">Stop when the residual trace is at most this (≥ 0).</param>
    /// <param name="maximumRank">Upper bound on m (default n).</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public static PivotedCholeskyFactor Compute(ISymmetricMatrixOperator matrix, double traceTolerance, int maximumRank = int.MaxValue, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(traceTolerance >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(traceTolerance), traceTolerance, "The trace tolerance must be ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maximumRank);
        int n = matrix.Size;
        var diagonal = new double[n];
        matrix.Diagonal(diagonal);
        double initialTrace = Sum(diagonal);
        double largestInitial = n == 0 ? 0.0 : diagonal.Max();
        double floor = RoundingFloorRelative * largestInitial;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var built = new List<double[]>();
        var pivotList = new List<int>();
        var isPivot = new bool[n];
        double trace = initialTrace;
        bool reachedFloor = false;
        int rankLimit = Math.Min(maximumRank, n);
        while (trace > traceTolerance && built.Count < rankLimit)
        {
            int pivot = ArgMax(diagonal);
            double pivotValue = diagonal[pivot];
            if (!(pivotValue > floor))
            {
                reachedFloor = true;
                break;
            }

            var column = new double[n];
            matrix.Column(pivot, column);
            double[][] previous = built.ToArray();
            const int chunk = 1024;
            Parallel.For(0, (n + chunk - 1) / chunk, parallel, c =>
            {
                int first = c * chunk, end = Math.Min(first + chunk, n);
                foreach (double[] l in previous)
                {
                    double coefficient = l[pivot];
                    for (int i = first; i < end; i++)
                    {
                        column[i] -= coefficient * l[i];
                    }
                }
            });

            double scale = 1.0 / Math.Sqrt(pivotValue);
            for (int i = 0; i < n; i++)
            {
                column[i] = isPivot[i] ? 0.0 : column[i] * scale;
            }

            column[pivot] = Math.Sqrt(pivotValue);
            isPivot[pivot] = true;
            for (int i = 0; i < n; i++)
            {
                diagonal[i] = isPivot[i] ? 0.0 : Math.Max(diagonal[i] - (column[i] * column[i]), 0.0);
            }

            built.Add(column);
            pivotList.Add(pivot);
            trace = Sum(diagonal);
        }

        return new PivotedCholeskyFactor(built.ToArray(), pivotList.ToArray(), diagonal, trace, initialTrace, reachedFloor && trace > traceTolerance);
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
}
