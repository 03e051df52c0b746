namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form over a shared <see cref="SparsityPattern"/>.
/// Symmetric matrices are stored in full (both triangles), which keeps the product and the
/// assembly simple and lets the factorizations pick the triangle they need. Values are mutable
/// (assembly adds into them); the pattern is not.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Rows per block of the matrix–vector product (fixed, so sums do not depend on the thread count).</summary>
    internal const int RowsPerBlock = 2048;

    /// <summary>Stored entries below which the product runs on the calling thread only (a thread hand-off costs more).</summary>
    private const int ParallelThreshold = 100_000;

    [ThreadStatic]
    private static ProductJob? product;

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

    /// <summary>y = A x, over fixed row blocks on <see cref="BlockParallel"/> (each row is summed in a fixed order, so the result does not depend on the thread count).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y) => MultiplyDot(x, y, dot: false);

    /// <summary>y = A x and, when <paramref name="dot"/>, returns xᵀy (partial sums per row block added in block order).</summary>
    internal unsafe double MultiplyDot(ReadOnlySpan<double> x, Span<double> y, bool dot)
    {
        if (x.Length != ColumnCount || y.Length != RowCount || (dot && RowCount != ColumnCount))
        {
            throw new ArgumentException($"Multiply: need x of length {ColumnCount} and y of length {RowCount}, got {x.Length} and {y.Length}");
        }

        fixed (double* px = x, py = y)
        {
            int blocks = (RowCount + RowsPerBlock - 1) / RowsPerBlock;
            var job = product ??= new ProductJob();
            job.Set(this, px, py, dot, blocks);
            if (blocks <= 1 || Pattern.NonzeroCount < ParallelThreshold)
            {
                for (int b = 0; b < blocks; b++)
                {
                    job.Run(b);
                }
            }
            else
            {
                BlockParallel.Run(blocks, job);
            }

            return dot ? job.Dot(blocks) : 0;
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

    /// <summary>y = A x over one row block; returns Σ x_i y_i over its rows when asked.</summary>
    private unsafe double MultiplyRows(int begin, int end, double* x, double* y, bool dot)
    {
        var rp = Pattern.RowPointerArray;
        var ci = Pattern.ColumnIndexArray;
        double product = 0;
        for (int i = begin; i < end; i++)
        {
            double sum = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                sum += values[p] * x[ci[p]];
            }

            y[i] = sum;
            if (dot)
            {
                product += x[i] * sum; // square matrices only (checked by the caller)
            }
        }

        return product;
    }

    /// <summary>The row-block job of <see cref="MultiplyDot"/>, one per calling thread (no allocation per product).</summary>
    private sealed unsafe class ProductJob : BlockJob
    {
        private double[] partials = new double[16];
        private CsrMatrix? matrix;
        private double* x, y;
        private bool dot;

        public void Set(CsrMatrix a, double* input, double* output, bool withDot, int blocks)
        {
            matrix = a;
            x = input;
            y = output;
            dot = withDot;
            if (partials.Length < blocks)
            {
                partials = new double[blocks];
            }
        }

        public double Dot(int blocks)
        {
            double sum = 0;
            for (int b = 0; b < blocks; b++)
            {
                sum += partials[b];
            }

            return sum;
        }

        public override void Run(int block)
        {
            int begin = block * RowsPerBlock;
            partials[block] = matrix!.MultiplyRows(begin, Math.Min(matrix.RowCount, begin + RowsPerBlock), x, y, dot);
        }
    }
}
