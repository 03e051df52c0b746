namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Managed sparse Cholesky factorization P A Pᵀ = L Lᵀ (up-looking, row by row: each row of L is a
/// sparse triangular solve whose pattern comes from the elimination tree). The symbolic analysis
/// (<see cref="SymbolicCholesky"/>) is shared; <see cref="Factorize"/> may be called again with new
/// values on the same pattern, reusing the storage; <see cref="Solve"/> then costs two triangular solves
/// (for large factors split over the threads by <see cref="ParallelCholeskySolve"/>).
/// </summary>
public sealed class SparseCholesky
{
    private readonly int[] rowIndices;
    private readonly double[] factorValues;
    private readonly int[] nextSlot;
    private readonly int[] stack;
    private readonly int[] marks;
    private readonly double[] work;
    private readonly double[] upperValues;
    private readonly double[] permuted;
    private readonly double[] inverseDiagonal;
    private ParallelCholeskySolve? parallel;
    private bool parallelPlanned;
    private readonly long parallelSolveMinimum;

    /// <summary>Allocates the factor storage for a symbolic analysis (no numeric work yet).</summary>
    /// <param name="symbolic">The symbolic analysis.</param>
    /// <param name="parallelSolveMinimum">Factors with at least this many entries split their solves over the threads (<see cref="ParallelCholeskySolve"/>); the result does not depend on the thread count, but it differs from the sequential loops' at round-off.</param>
    public SparseCholesky(SymbolicCholesky symbolic, long parallelSolveMinimum = ParallelCholeskySolve.MinimumFactorEntries)
    {
        this.parallelSolveMinimum = parallelSolveMinimum;
        Symbolic = symbolic ?? throw new ArgumentNullException(nameof(symbolic));
        int n = symbolic.Size;
        rowIndices = new int[symbolic.FactorNonzeroCount];
        factorValues = new double[symbolic.FactorNonzeroCount];
        nextSlot = new int[n];
        stack = new int[n];
        marks = new int[n];
        work = new double[n];
        upperValues = new double[symbolic.UpperRowIndices.Length];
        permuted = new double[n];
        inverseDiagonal = new double[n];
    }

    /// <summary>The symbolic analysis in use.</summary>
    public SymbolicCholesky Symbolic { get; }

    /// <summary>Number of subtrees the solves split over the threads (0: the sequential loops).</summary>
    public int ParallelTaskCount => parallel?.TaskCount ?? 0;

    /// <summary>Whether a numeric factorization is available.</summary>
    public bool IsFactorized { get; private set; }

    /// <summary>nnz(L), diagonal included.</summary>
    public long FactorNonzeroCount => Symbolic.FactorNonzeroCount;

    /// <summary>Analyzes and factorizes in one call.</summary>
    public static SparseCholesky Factor(CsrMatrix matrix, FillReducingOrdering ordering = FillReducingOrdering.ApproximateMinimumDegree)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var cholesky = new SparseCholesky(SymbolicCholesky.Analyze(matrix.Pattern, ordering));
        cholesky.Factorize(matrix);
        return cholesky;
    }

    /// <summary>Numeric factorization of a symmetric matrix with the analyzed pattern (values of both triangles must agree; the triangle mapped to the permuted upper part is read).</summary>
    /// <exception cref="NotPositiveDefiniteException">A pivot is not positive; the exception names the original column.</exception>
    public void Factorize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!ReferenceEquals(matrix.Pattern, Symbolic.Pattern) && matrix.Pattern.NonzeroCount != Symbolic.Pattern.NonzeroCount)
        {
            throw new ArgumentException("Factorize: the matrix pattern differs from the analyzed one");
        }

        IsFactorized = false;
        int n = Symbolic.Size;
        var map = Symbolic.ValueMap;
        var a = matrix.ValueArray;
        for (int p = 0; p < map.Length; p++)
        {
            if (map[p] >= 0)
            {
                upperValues[map[p]] = a[p];
            }
        }

        var cp = Symbolic.UpperColumnPointers;
        var ci = Symbolic.UpperRowIndices;
        var parent = Symbolic.Parent;
        var lp = Symbolic.FactorColumnPointers;
        var li = rowIndices;
        var lx = factorValues;
        var x = work;
        Array.Copy(lp, nextSlot, n);
        Array.Fill(marks, -1);
        for (int k = 0; k < n; k++)
        {
            int top = SymbolicCholesky.RowPattern(k, cp, ci, parent, stack, marks);
            x[k] = 0;
            for (int p = cp[k]; p < cp[k + 1]; p++)
            {
                x[ci[p]] = upperValues[p];
            }

            double d = x[k];
            x[k] = 0;
            for (; top < n; top++)
            {
                int i = stack[top];
                double lki = x[i] / lx[lp[i]];
                x[i] = 0;
                int end = nextSlot[i];
                for (int p = lp[i] + 1; p < end; p++)
                {
                    x[li[p]] -= lx[p] * lki;
                }

                d -= lki * lki;
                int slot = nextSlot[i]++;
                li[slot] = k;
                lx[slot] = lki;
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                throw new NotPositiveDefiniteException(Symbolic.Permutation[k], d, "managed sparse Cholesky");
            }

            int diagonal = nextSlot[k]++;
            li[diagonal] = k;
            lx[diagonal] = Math.Sqrt(d);
            inverseDiagonal[k] = 1 / lx[diagonal];
        }

        if (!parallelPlanned)
        {
            // The row indices are known after the first numeric factorization (the same for every later one).
            parallel = ParallelCholeskySolve.TryCreate(Symbolic, rowIndices, parallelSolveMinimum);
            parallelPlanned = true;
        }

        parallel?.Refresh(factorValues);
        IsFactorized = true;
    }

    /// <summary>Solves A x = b with the current factorization (b and x may overlap). Not thread-safe (one work vector).</summary>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (!IsFactorized)
        {
            throw new InvalidOperationException("Solve: call Factorize first (or the last factorization failed)");
        }

        int n = Symbolic.Size;
        if (rhs.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Solve: need vectors of length {n}, got {rhs.Length} and {solution.Length}");
        }

        unsafe
        {
            // Pointers: the loops are the whole cost of a time step's solve, and bounds checks double it.
            // 1/L_jj is kept from the factorization: a division in the recurrence would cost its latency
            // per column; the gathers of the backward solve sum into four accumulators so that their
            // additions do not wait on one another.
            fixed (int* perm = Symbolic.Permutation, lp = Symbolic.FactorColumnPointers, li = rowIndices)
            fixed (double* lx = factorValues, dInverse = inverseDiagonal, y = permuted, b = rhs, x = solution)
            {
                for (int k = 0; k < n; k++)
                {
                    y[k] = b[perm[k]];
                }

                if (parallel is not null)
                {
                    parallel.Solve(y, lx, dInverse);
                    for (int k = 0; k < n; k++)
                    {
                        x[perm[k]] = y[k];
                    }

                    return;
                }

                for (int j = 0; j < n; j++)
                {
                    double yj = y[j] *= dInverse[j];
                    int end = lp[j + 1];
                    for (int p = lp[j] + 1; p < end; p++)
                    {
                        y[li[p]] -= lx[p] * yj;
                    }
                }

                for (int j = n - 1; j >= 0; j--)
                {
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    int p = lp[j] + 1, end = lp[j + 1];
                    for (; p + 3 < end; p += 4)
                    {
                        s0 += lx[p] * y[li[p]];
                        s1 += lx[p + 1] * y[li[p + 1]];
                        s2 += lx[p + 2] * y[li[p + 2]];
                        s3 += lx[p + 3] * y[li[p + 3]];
                    }

                    for (; p < end; p++)
                    {
                        s0 += lx[p] * y[li[p]];
                    }

                    y[j] = (y[j] - ((s0 + s1) + (s2 + s3))) * dInverse[j];
                }

                for (int k = 0; k < n; k++)
                {
                    x[perm[k]] = y[k];
                }
            }
        }
    }
}
