namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// Dense Cholesky factorization A = L Lᵀ of a symmetric positive definite n×n matrix stored
/// row-major, and the triangular solves. For the small-N path of kernel.md §4 (2).
/// </summary>
/// <remarks>
/// Left-looking by blocks of <see cref="BlockRows"/> rows; the off-diagonal part of a block
/// is split into groups of <see cref="GroupRows"/> rows processed in parallel, each group
/// streaming the finished rows once (cache reuse). Every entry Lᵢⱼ is one deterministic dot
/// product, so the factor is bitwise independent of the thread count. O(n³/3) flops.
/// </remarks>
public sealed class DenseCholeskyFactorization
{
    private const int BlockRows = 64;
    private const int GroupRows = 8;
    private readonly double[] lower;

    private DenseCholeskyFactorization(double[] lower, int size)
    {
        this.lower = lower;
        Size = size;
    }

    /// <summary>n.</summary>
    public int Size { get; }

    /// <summary>Builds the dense matrix S + shift·I of an operator (row-major, n² doubles; columns in parallel).</summary>
    /// <param name="matrix">The operator S.</param>
    /// <param name="shift">Added to the diagonal.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public static double[] BuildShifted(ISymmetricMatrixOperator matrix, double shift, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Size;
        var dense = new double[(long)n * n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, j =>
        {
            Span<double> row = dense.AsSpan((int)((long)j * n), n); // column j of a symmetric matrix = row j
            matrix.Column(j, row);
            row[j] += shift;
        });
        return dense;
    }

    /// <summary>Factorizes <paramref name="matrix"/> in place (only its lower triangle is read; it is overwritten by L).</summary>
    /// <param name="matrix">Row-major n×n symmetric positive definite matrix.</param>
    /// <param name="size">n.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    /// <exception cref="ArgumentException">A pivot is not positive (the matrix is not numerically positive definite); the message names the row and value.</exception>
    public static DenseCholeskyFactorization Factorize(double[] matrix, int size, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.LongLength != (long)size * size)
        {
            throw new ArgumentException($"Matrix has {matrix.LongLength} entries, expected {size}².", nameof(matrix));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        for (int blockStart = 0; blockStart < size; blockStart += BlockRows)
        {
            int blockEnd = Math.Min(blockStart + BlockRows, size);
            int groups = (blockEnd - blockStart + GroupRows - 1) / GroupRows;
            if (blockStart > 0)
            {
                int start = blockStart;
                Parallel.For(0, groups, parallel, g =>
                {
                    int first = start + (g * GroupRows);
                    int end = Math.Min(first + GroupRows, blockEnd);
                    for (int j = 0; j < start; j++)
                    {
                        ReadOnlySpan<double> rowJ = matrix.AsSpan(j * size, j);
                        double pivot = matrix[(j * size) + j];
                        for (int i = first; i < end; i++)
                        {
                            int ij = (i * size) + j;
                            matrix[ij] = (matrix[ij] - VectorArithmetic.Dot(matrix.AsSpan(i * size, j), rowJ)) / pivot;
                        }
                    }
                });
            }

            for (int i = blockStart; i < blockEnd; i++)
            {
                ReadOnlySpan<double> rowI = matrix.AsSpan(i * size, size);
                for (int j = blockStart; j < i; j++)
                {
                    int ij = (i * size) + j;
                    matrix[ij] = (matrix[ij] - VectorArithmetic.Dot(rowI[..j], matrix.AsSpan(j * size, j))) / matrix[(j * size) + j];
                }

                double diagonal = matrix[(i * size) + i] - VectorArithmetic.Dot(rowI[..i], rowI[..i]);
                if (!(diagonal > 0.0))
                {
                    throw new ArgumentException($"Cholesky pivot {i} is {diagonal:R}: the matrix is not numerically positive definite.", nameof(matrix));
                }

                matrix[(i * size) + i] = Math.Sqrt(diagonal);
            }
        }

        for (int i = 0; i < size; i++)
        {
            Array.Clear(matrix, (i * size) + i + 1, size - i - 1); // keep L strictly lower + diagonal
        }

        return new DenseCholeskyFactorization(matrix, size);
    }

    /// <summary>Solves L Lᵀ x = b.</summary>
    /// <param name="rightHandSide">b, length n.</param>
    /// <param name="solution">x, length n (may not alias b).</param>
    public void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution)
    {
        int n = Size;
        if (rightHandSide.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Vectors must have length {n}.");
        }

        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> rowI = lower.AsSpan(i * n, i);
            solution[i] = (rightHandSide[i] - VectorArithmetic.Dot(rowI, solution[..i])) / lower[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double xi = solution[i] / lower[(i * n) + i];
            solution[i] = xi;
            ReadOnlySpan<double> rowI = lower.AsSpan(i * n, i);
            for (int k = 0; k < i; k++)
            {
                solution[k] -= rowI[k] * xi;
            }
        }
    }
}
