namespace PdeFlows.KernelApprox;

/// <summary>
/// An immutable set of N points in ℝᵈ, d ∈ {1, 2, 3}, stored row-major (point i occupies
/// coordinates[i·d .. i·d + d)), plus a coordinate-major copy used by the SIMD loops.
/// </summary>
public sealed class PointSet
{
    private readonly double[] rowMajor;
    private readonly double[][] coordinateMajor;

    /// <summary>Creates a point set, copying <paramref name="coordinates"/>.</summary>
    /// <param name="coordinates">N·d finite values, row-major.</param>
    /// <param name="dimension">d ∈ {1, 2, 3}.</param>
    /// <exception cref="ArgumentException">Bad dimension, length not a multiple of d, or a non-finite coordinate.</exception>
    public PointSet(ReadOnlySpan<double> coordinates, int dimension)
    {
        if (dimension is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be 1, 2 or 3.");
        }

        if (coordinates.Length % dimension != 0)
        {
            throw new ArgumentException($"{coordinates.Length} coordinates is not a multiple of the dimension {dimension}.", nameof(coordinates));
        }

        for (int k = 0; k < coordinates.Length; k++)
        {
            if (!double.IsFinite(coordinates[k]))
            {
                throw new ArgumentException($"Coordinate {k % dimension} of point {k / dimension} is {coordinates[k]}; coordinates must be finite.", nameof(coordinates));
            }
        }

        Dimension = dimension;
        Count = coordinates.Length / dimension;
        rowMajor = coordinates.ToArray();
        coordinateMajor = new double[dimension][];
        for (int c = 0; c < dimension; c++)
        {
            var column = new double[Count];
            for (int i = 0; i < Count; i++)
            {
                column[i] = rowMajor[(i * dimension) + c];
            }

            coordinateMajor[c] = column;
        }
    }

    /// <summary>The number of points N.</summary>
    public int Count { get; }

    /// <summary>The dimension d.</summary>
    public int Dimension { get; }

    /// <summary>All coordinates, row-major (N·d values).</summary>
    public ReadOnlySpan<double> Coordinates => rowMajor;

    /// <summary>Point <paramref name="index"/> as a span of length d.</summary>
    /// <param name="index">0 ≤ index &lt; N.</param>
    public ReadOnlySpan<double> Point(int index) => new(rowMajor, index * Dimension, Dimension);

    /// <summary>Coordinate <paramref name="coordinate"/> of every point (length N).</summary>
    /// <param name="coordinate">0 ≤ coordinate &lt; d.</param>
    public ReadOnlySpan<double> CoordinateOfAll(int coordinate) => coordinateMajor[coordinate];

    /// <summary>A new point set holding the points with the given indices, in that order.</summary>
    /// <param name="indices">Indices into this set.</param>
    public PointSet Subset(ReadOnlySpan<int> indices)
    {
        var coordinates = new double[indices.Length * Dimension];
        for (int k = 0; k < indices.Length; k++)
        {
            Point(indices[k]).CopyTo(coordinates.AsSpan(k * Dimension, Dimension));
        }

        return new PointSet(coordinates, Dimension);
    }
}
