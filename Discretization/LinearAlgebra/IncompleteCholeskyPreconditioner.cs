namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Incomplete Cholesky with zero fill, IC(0): L has the pattern of the lower triangle of A and
/// L Lᵀ agrees with A on that pattern. Exists for M-matrices (e.g. a P1 Laplacian plus mass on a
/// non-obtuse mesh); a non-positive pivot throws <see cref="NotPositiveDefiniteException"/>.
/// </summary>
public sealed class IncompleteCholeskyPreconditioner : IPreconditioner
{
    private readonly int[] rowPointers;
    private readonly int[] columns;
    private readonly double[] values;
    private readonly int size;

    /// <summary>Computes the IC(0) factor of a symmetric matrix stored in full.</summary>
    public IncompleteCholeskyPreconditioner(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        size = matrix.RowCount;
        var rp = matrix.Pattern.RowPointers;
        var ci = matrix.Pattern.ColumnIndices;
        var a = matrix.Values;
        rowPointers = new int[size + 1];
        for (int i = 0; i < size; i++)
        {
            int count = 0;
            for (int p = rp[i]; p < rp[i + 1] && ci[p] <= i; p++)
            {
                count++;
            }

            rowPointers[i + 1] = rowPointers[i] + count;
        }

        columns = new int[rowPointers[size]];
        values = new double[rowPointers[size]];
        for (int i = 0; i < size; i++)
        {
            int q = rowPointers[i];
            for (int p = rp[i]; p < rp[i + 1] && ci[p] <= i; p++, q++)
            {
                columns[q] = ci[p];
                values[q] = a[p];
            }

            if (q == rowPointers[i] || columns[q - 1] != i)
            {
                throw new ArgumentException($"IC(0): row {i} has no diagonal entry");
            }
        }

        // Row-oriented IC(0): L(i,k) = (A(i,k) − Σ_j L(i,j) L(k,j)) / L(k,k) over the common pattern j < k.
        for (int i = 0; i < size; i++)
        {
            int start = rowPointers[i], diagonal = rowPointers[i + 1] - 1;
            for (int p = start; p < diagonal; p++)
            {
                int k = columns[p];
                double sum = values[p];
                int pi = start, pk = rowPointers[k];
                int endK = rowPointers[k + 1] - 1; // exclude L(k,k)
                while (pi < p && pk < endK)
                {
                    int ji = columns[pi], jk = columns[pk];
                    if (ji == jk)
                    {
                        sum -= values[pi++] * values[pk++];
                    }
                    else if (ji < jk)
                    {
                        pi++;
                    }
                    else
                    {
                        pk++;
                    }
                }

                values[p] = sum / values[endK];
            }

            double d = values[diagonal];
            for (int p = start; p < diagonal; p++)
            {
                d -= values[p] * values[p];
            }

            if (!(d > 0))
            {
                throw new NotPositiveDefiniteException(i, d, "incomplete Cholesky IC(0)");
            }

            values[diagonal] = Math.Sqrt(d);
        }
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> residual, Span<double> result)
    {
        residual.CopyTo(result);
        for (int i = 0; i < size; i++)
        {
            double sum = result[i];
            int diagonal = rowPointers[i + 1] - 1;
            for (int p = rowPointers[i]; p < diagonal; p++)
            {
                sum -= values[p] * result[columns[p]];
            }

            result[i] = sum / values[diagonal];
        }

        for (int i = size - 1; i >= 0; i--)
        {
            int diagonal = rowPointers[i + 1] - 1;
            double xi = result[i] /= values[diagonal];
            for (int p = rowPointers[i]; p < diagonal; p++)
            {
                result[columns[p]] -= values[p] * xi;
            }
        }
    }
}
