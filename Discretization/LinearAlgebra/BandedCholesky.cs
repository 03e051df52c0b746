using System.Runtime.CompilerServices;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Banded LDLᵀ factorization A = L D Lᵀ of a symmetric positive definite matrix in its own
/// ordering, for a half-bandwidth w = max |i − j| over the stored entries (a P1 matrix on an interval
/// numbered left to right is tridiagonal, w = 1). L is unit lower triangular with w stored entries
/// per row and no indices; D is kept as 1/D. A solve is a forward and a backward recurrence whose
/// critical path is one multiply-add per row: for small w it runs at a few nanoseconds per row,
/// where a general sparse triangular solve waits for a division and an indirect load per column.
/// </summary>
public sealed class BandedCholesky
{
    private readonly int[] lowerSlot;
    private readonly int[] diagonalSlot;
    private readonly double[] lower;
    private readonly double[] inverseDiagonal;
    private readonly double[] diagonal;
    private readonly double[] row;

    /// <summary>Prepares the storage for matrices with <paramref name="pattern"/> (structurally symmetric, both triangles stored).</summary>
    /// <exception cref="ArgumentException">The pattern is not square.</exception>
    public BandedCholesky(SparsityPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.RowCount != pattern.ColumnCount)
        {
            throw new ArgumentException($"BandedCholesky: the pattern must be square, got {pattern.RowCount}×{pattern.ColumnCount}", nameof(pattern));
        }

        Pattern = pattern;
        int n = pattern.RowCount;
        int w = HalfBandwidth(pattern);
        Bandwidth = w;
        ReadOnlySpan<int> rows = pattern.RowPointers, columns = pattern.ColumnIndices;
        lowerSlot = new int[pattern.NonzeroCount];
        diagonalSlot = new int[pattern.NonzeroCount];
        for (int i = 0; i < n; i++)
        {
            for (int p = rows[i]; p < rows[i + 1]; p++)
            {
                int j = columns[p];
                // Row i keeps L[i, i−w … i−1] at i·w + (j − i + w); the upper triangle is not read.
                lowerSlot[p] = j < i ? (i * w) + (j - i + w) : -1;
                diagonalSlot[p] = j == i ? i : -1;
            }
        }

        lower = new double[(long)n * w <= Array.MaxLength ? n * w : throw new ArgumentException($"BandedCholesky: a band of {n}×{w} entries does not fit an array", nameof(pattern))];
        inverseDiagonal = new double[n];
        diagonal = new double[n];
        row = new double[w];
    }

    /// <summary>The pattern the storage belongs to.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The half-bandwidth w.</summary>
    public int Bandwidth { get; }

    /// <summary>Whether a numeric factorization is available.</summary>
    public bool IsFactorized { get; private set; }

    /// <summary>Entries of L below the diagonal the band holds (zeros inside the band included): Σ_i min(i, w).</summary>
    public long FactorNonzeroCount => BandEntries(Pattern.RowCount, Bandwidth);

    /// <summary>max |i − j| over the stored entries of <paramref name="pattern"/>.</summary>
    public static int HalfBandwidth(SparsityPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ReadOnlySpan<int> rows = pattern.RowPointers, columns = pattern.ColumnIndices;
        int w = 0;
        for (int i = 0; i < pattern.RowCount; i++)
        {
            for (int p = rows[i]; p < rows[i + 1]; p++)
            {
                w = Math.Max(w, Math.Abs(i - columns[p]));
            }
        }

        return w;
    }

    /// <summary>Σ_{i&lt;n} min(i, w): the strictly lower entries of a band of half-width w.</summary>
    public static long BandEntries(int n, int w) => ((long)n * w) - ((long)w * (w + 1) / 2);

    /// <summary>Numeric factorization of a symmetric matrix with the pattern (the lower triangle is read).</summary>
    /// <exception cref="NotPositiveDefiniteException">A pivot D_i is not positive (the exception names column i).</exception>
    public void Factorize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!ReferenceEquals(matrix.Pattern, Pattern) && matrix.Pattern.NonzeroCount != Pattern.NonzeroCount)
        {
            throw new ArgumentException("Factorize: the matrix pattern differs from the analyzed one", nameof(matrix));
        }

        IsFactorized = false;
        int n = Pattern.RowCount, w = Bandwidth;
        Array.Clear(lower);
        Array.Clear(diagonal);
        ReadOnlySpan<double> a = matrix.Values;
        for (int p = 0; p < a.Length; p++)
        {
            if (lowerSlot[p] >= 0)
            {
                lower[lowerSlot[p]] = a[p];
            }
            else if (diagonalSlot[p] >= 0)
            {
                diagonal[diagonalSlot[p]] = a[p];
            }
        }

        // Row by row: t_j = A_ij − Σ_{k<j} t_k L_jk (t_k = L_ik D_k), L_ij = t_j / D_j, D_i = A_ii − Σ_j t_j L_ij.
        for (int i = 0; i < n; i++)
        {
            int first = Math.Max(0, i - w);
            double d = diagonal[i];
            for (int j = first; j < i; j++)
            {
                double t = lower[(i * w) + (j - i + w)];
                for (int k = Math.Max(first, j - w); k < j; k++)
                {
                    t -= row[k - first] * lower[(j * w) + (k - j + w)];
                }

                row[j - first] = t;
                double lij = t * inverseDiagonal[j];
                lower[(i * w) + (j - i + w)] = lij;
                d -= t * lij;
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                throw new NotPositiveDefiniteException(i, d, "banded LDLᵀ");
            }

            diagonal[i] = d;
            inverseDiagonal[i] = 1 / d;
        }

        IsFactorized = true;
    }

    /// <summary>Solves A x = b with the current factorization (b and x may be the same array). Not thread-safe.</summary>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (!IsFactorized)
        {
            throw new InvalidOperationException("Solve: call Factorize first (or the last factorization failed)");
        }

        int n = Pattern.RowCount, w = Bandwidth;
        if (rhs.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Solve: need vectors of length {n}, got {rhs.Length} and {solution.Length}");
        }

        if (n == 0)
        {
            return;
        }

        unsafe
        {
            // Pointers: these two recurrences are the whole solve, and bounds checks would double them.
            fixed (double* l = lower, dInverse = inverseDiagonal, b = rhs, x = solution)
            {
                if (w == 1)
                {
                    // Tridiagonal: z_i = b_i − l_i z_{i−1}; x_i = z_i / D_i − l_{i+1} x_{i+1}, each a fused
                    // multiply-add, so a row waits for one FMA's latency instead of a multiply's and a subtraction's.
                    double z = b[0];
                    x[0] = z;
                    for (int i = 1; i < n; i++)
                    {
                        z = Math.FusedMultiplyAdd(-l[i], z, b[i]);
                        x[i] = z;
                    }

                    double next = x[n - 1] * dInverse[n - 1];
                    x[n - 1] = next;
                    for (int i = n - 2; i >= 0; i--)
                    {
                        next = Math.FusedMultiplyAdd(-l[i + 1], next, x[i] * dInverse[i]);
                        x[i] = next;
                    }

                    return;
                }

                for (int i = 0; i < n; i++)
                {
                    double z = b[i];
                    double* li = l + (i * w) - i + w; // li[j] = L[i, j]
                    for (int j = Math.Max(0, i - w); j < i; j++)
                    {
                        z -= li[j] * x[j];
                    }

                    x[i] = z;
                }

                for (int i = n - 1; i >= 0; i--)
                {
                    double y = x[i] * dInverse[i];
                    int last = Math.Min(n - 1, i + w);
                    for (int k = i + 1; k <= last; k++)
                    {
                        y -= l[(k * w) + (i - k + w)] * x[k];
                    }

                    x[i] = y;
                }
            }
        }
    }
}
