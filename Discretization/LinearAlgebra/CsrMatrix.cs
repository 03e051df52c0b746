namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form over a shared <see cref="SparsityPattern"/>.
/// Symmetric matrices are stored in full (both triangles), which keeps the product and the
/// assembly simple and lets the factorizations pick the triangle they need. Values are mutable
/// (assembly adds into them); the pattern is not.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Rows per parallel chunk of the matrix–vector product; below this the product runs serially.</summary>
    private const int ParallelChunkRows = 8192;

    private readonly double[] values;

    /// <summary>Creates a zero matrix with the given pattern.</summary>
    public CsrMatrix(SparsityPattern pattern)
        : this(pattern, new double[pattern.NonzeroCount])
    {
    }

    /// <summary>Creates a matrix with the given pattern and values (ownership of the array is taken).</summary>
    public CsrMatrix(SparsityPattern pattern, double[] values)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != pattern.NonzeroCount)
        {
            throw new ArgumentException($"values length {values.Length} differs from the pattern's {pattern.NonzeroCount} entries");
        }

        Pattern = pattern;
        this.values = values;
    }

    /// <summary>The nonzero structure.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Pattern.RowCount;

    /// <summary>Number of columns.</summary>
    public int ColumnCount => Pattern.ColumnCount;

    /// <summary>The stored values, in pattern order.</summary>
    public Span<double> Values => values;

    internal double[] ValueArray => values;

    /// <summary>Entry (row, column); zero when not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            int p = Pattern.Find(row, column);
            return p >= 0 ? values[p] : 0.0;
        }
    }

    /// <summary>y = A x, parallel over row chunks for large matrices (each row is summed in a fixed order, so the result does not depend on the thread count).</summary>
    public unsafe void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != ColumnCount || y.Length != RowCount)
        {
            throw new ArgumentException($"Multiply: need x of length {ColumnCount} and y of length {RowCount}, got {x.Length} and {y.Length}");
        }

        fixed (double* px = x, py = y)
        {
            nint xa = (nint)px, ya = (nint)py;
            int chunks = (RowCount + ParallelChunkRows - 1) / ParallelChunkRows;
            if (chunks <= 1)
            {
                MultiplyRows(0, RowCount, px, py);
            }
            else
            {
                Parallel.For(0, chunks, k => MultiplyRows(k * ParallelChunkRows, Math.Min(RowCount, (k + 1) * ParallelChunkRows), (double*)xa, (double*)ya));
            }
        }
    }

    /// <summary>The diagonal entries (zero where not stored).</summary>
    public double[] Diagonal()
    {
        var d = new double[Math.Min(RowCount, ColumnCount)];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = this[i, i];
        }

        return d;
    }

    /// <summary>A deep copy of the values over the same pattern.</summary>
    public CsrMatrix Clone() => new(Pattern, (double[])values.Clone());

    /// <summary>a·A + b·B for two matrices on the same pattern object.</summary>
    public static CsrMatrix LinearCombination(double a, CsrMatrix left, double b, CsrMatrix right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!ReferenceEquals(left.Pattern, right.Pattern))
        {
            throw new ArgumentException("LinearCombination: both matrices must share the same sparsity pattern instance");
        }

        var result = new double[left.values.Length];
        for (int p = 0; p < result.Length; p++)
        {
            result[p] = (a * left.values[p]) + (b * right.values[p]);
        }

        return new CsrMatrix(left.Pattern, result);
    }

    /// <summary>Builds a square matrix from triplets, summing duplicates.</summary>
    public static CsrMatrix FromTriplets(int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<double> entries)
    {
        var pattern = SparsityPattern.FromPairs(size, rows, columns);
        var matrix = new CsrMatrix(pattern);
        for (int k = 0; k < rows.Length; k++)
        {
            matrix.values[pattern.Find(rows[k], columns[k])] += entries[k];
        }

        return matrix;
    }

    /// <summary>The dense copy (row-major rows × columns); for tests and small matrices.</summary>
    public double[,] ToDense()
    {
        var dense = new double[RowCount, ColumnCount];
        var rp = Pattern.RowPointers;
        var ci = Pattern.ColumnIndices;
        for (int i = 0; i < RowCount; i++)
        {
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                dense[i, ci[p]] = values[p];
            }
        }

        return dense;
    }

    /// <summary>Largest |A_ij − A_ji| over stored entries, relative to the largest |A_ij|.</summary>
    public double SymmetryDefect()
    {
        double max = 0, scale = 0;
        var rp = Pattern.RowPointers;
        var ci = Pattern.ColumnIndices;
        for (int i = 0; i < RowCount; i++)
        {
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                scale = Math.Max(scale, Math.Abs(values[p]));
                max = Math.Max(max, Math.Abs(values[p] - this[ci[p], i]));
            }
        }

        return scale > 0 ? max / scale : 0;
    }

    private unsafe void MultiplyRows(int begin, int end, double* x, double* y)
    {
        var rp = Pattern.RowPointerArray;
        var ci = Pattern.ColumnIndexArray;
        for (int i = begin; i < end; i++)
        {
            double sum = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                sum += values[p] * x[ci[p]];
            }

            y[i] = sum;
        }
    }
}
