namespace PdeFlows.KernelApprox;

/// <summary>
/// A point set that is a full tensor-product grid {g⁰_a} × {g¹_b} (× {g²_c}) in some order: every
/// combination of the distinct coordinate values of each axis occurs exactly once. Nodes of box
/// meshes are such grids (uniform or not); for a separable kernel their kernel matrix is the
/// Kronecker product of one-dimensional kernel matrices (<see cref="LinearAlgebra.TensorGridKernelProduct"/>).
/// </summary>
/// <remarks>
/// Detection compares coordinates exactly (no tolerance): a grid whose nodes were moved by
/// rounding is not a grid, and is then treated as scattered points, which is always correct.
/// </remarks>
public sealed class TensorGrid
{
    private readonly double[][] axes;
    private readonly int[] shape;
    private readonly int[][] axisIndex;
    private readonly int[] tensorIndex;

    private TensorGrid(double[][] axes, int[][] axisIndex, int[] tensorIndex)
    {
        this.axes = axes;
        this.axisIndex = axisIndex;
        this.tensorIndex = tensorIndex;
        shape = axes.Select(axis => axis.Length).ToArray();
    }

    /// <summary>d, the number of axes (2 or 3).</summary>
    public int Dimension => axes.Length;

    /// <summary>n, the number of points.</summary>
    public int Count => tensorIndex.Length;

    /// <summary>The sorted distinct coordinates of axis <paramref name="axis"/>.</summary>
    /// <param name="axis">0 ≤ axis &lt; d.</param>
    public ReadOnlySpan<double> Axis(int axis) => axes[axis];

    /// <summary>The number of distinct coordinates of each axis (the tensor's shape, axis 0 slowest).</summary>
    public ReadOnlySpan<int> Shape => shape;

    /// <summary>For point i, the index of its coordinate <paramref name="axis"/> in <see cref="Axis"/>.</summary>
    /// <param name="axis">0 ≤ axis &lt; d.</param>
    public ReadOnlySpan<int> AxisIndex(int axis) => axisIndex[axis];

    /// <summary>For point i, its position in the row-major tensor (axis 0 slowest).</summary>
    public ReadOnlySpan<int> TensorIndex => tensorIndex;

    /// <summary>
    /// The grid structure of <paramref name="points"/>, or null when the points are not a full
    /// tensor grid, are one-dimensional (nothing to gain), or some axis has a single value.
    /// </summary>
    /// <param name="points">The points.</param>
    public static TensorGrid? TryCreate(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int d = points.Dimension, n = points.Count;
        if (d < 2 || n < 4)
        {
            return null;
        }

        var axes = new double[d][];
        long product = 1;
        for (int c = 0; c < d; c++)
        {
            double[] values = points.CoordinateOfAll(c).ToArray();
            Array.Sort(values);
            int distinct = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (i == 0 || values[i] != values[distinct - 1])
                {
                    values[distinct++] = values[i];
                }
            }

            if (distinct < 2)
            {
                return null;
            }

            axes[c] = values[..distinct];
            product *= distinct;
            if (product > n)
            {
                return null;
            }
        }

        if (product != n)
        {
            return null;
        }

        var axisIndex = new int[d][];
        for (int c = 0; c < d; c++)
        {
            axisIndex[c] = new int[n];
        }

        var index = new int[n];
        var seen = new bool[n];
        for (int i = 0; i < n; i++)
        {
            int position = 0;
            for (int c = 0; c < d; c++)
            {
                axisIndex[c][i] = Array.BinarySearch(axes[c], points.CoordinateOfAll(c)[i]);
                position = (position * axes[c].Length) + axisIndex[c][i];
            }

            if (seen[position])
            {
                return null; // a repeated point: some combination is then missing
            }

            seen[position] = true;
            index[i] = position;
        }

        return new TensorGrid(axes, axisIndex, index);
    }
}
