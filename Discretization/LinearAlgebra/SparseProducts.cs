namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Sparse matrix products for the multigrid setup: transpose and C = A B (Gustavson's row-by-row
/// product with a dense accumulator), on general (rectangular) CSR matrices with sorted rows.
/// </summary>
public static class SparseProducts
{
    /// <summary>Aᵀ.</summary>
    public static CsrMatrix Transpose(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rp = a.Pattern.RowPointers;
        var ci = a.Pattern.ColumnIndices;
        ReadOnlySpan<double> values = a.Values;
        int rows = a.RowCount, columns = a.ColumnCount;
        var pointers = new int[columns + 1];
        foreach (int j in ci)
        {
            pointers[j + 1]++;
        }

        for (int j = 0; j < columns; j++)
        {
            pointers[j + 1] += pointers[j];
        }

        var next = pointers[..columns];
        var indices = new int[ci.Length];
        var result = new double[ci.Length];
        for (int i = 0; i < rows; i++)
        {
            // Rows are visited in increasing order, so each transposed row comes out sorted.
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int slot = next[ci[p]]++;
                indices[slot] = i;
                result[slot] = values[p];
            }
        }

        return new CsrMatrix(new SparsityPattern(columns, rows, pointers, indices), result);
    }

    /// <summary>C = A B.</summary>
    public static CsrMatrix Multiply(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ColumnCount != b.RowCount)
        {
            throw new ArgumentException($"Multiply: A has {a.ColumnCount} columns, B has {b.RowCount} rows");
        }

        var arp = a.Pattern.RowPointers;
        var aci = a.Pattern.ColumnIndices;
        var brp = b.Pattern.RowPointers;
        var bci = b.Pattern.ColumnIndices;
        ReadOnlySpan<double> av = a.Values, bv = b.Values;
        int rows = a.RowCount, columns = b.ColumnCount;
        var marker = new int[columns];
        Array.Fill(marker, -1);
        var accumulator = new double[columns];
        var pointers = new int[rows + 1];
        var indices = new List<int>(aci.Length * 2);
        var values = new List<double>(aci.Length * 2);
        var row = new List<int>();
        for (int i = 0; i < rows; i++)
        {
            row.Clear();
            for (int p = arp[i]; p < arp[i + 1]; p++)
            {
                int k = aci[p];
                double aik = av[p];
                for (int q = brp[k]; q < brp[k + 1]; q++)
                {
                    int j = bci[q];
                    if (marker[j] != i)
                    {
                        marker[j] = i;
                        accumulator[j] = 0;
                        row.Add(j);
                    }

                    accumulator[j] += aik * bv[q];
                }
            }

            row.Sort();
            foreach (int j in row)
            {
                indices.Add(j);
                values.Add(accumulator[j]);
            }

            pointers[i + 1] = indices.Count;
        }

        return new CsrMatrix(new SparsityPattern(rows, columns, pointers, indices.ToArray()), values.ToArray());
    }
}
