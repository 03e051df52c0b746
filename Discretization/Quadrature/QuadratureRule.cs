namespace PdeFlows.Discretization.Quadrature;

/// <summary>
/// A quadrature rule on the reference simplex {ξ ≥ 0, Σ ξ_k ≤ 1} of dimension d (the unit interval,
/// triangle or tetrahedron): points in reference coordinates (PointCount × d, row-major), their
/// barycentric coordinates (PointCount × (d+1), λ₀ = 1 − Σ ξ_k, λ_k = ξ_k), and weights summing to
/// the reference volume 1/d!. Exact for polynomials of total degree ≤ <see cref="Degree"/>.
/// </summary>
public sealed class QuadratureRule
{
    private readonly double[] points;
    private readonly double[] barycentric;
    private readonly double[] weights;

    /// <summary>Creates a rule, copying the arrays.</summary>
    /// <param name="dimension">d ∈ {1, 2, 3} (0 is allowed: the single point of a vertex, weight 1).</param>
    /// <param name="degree">Polynomial degree integrated exactly.</param>
    /// <param name="points">Reference coordinates, PointCount × d.</param>
    /// <param name="weights">Weights, PointCount.</param>
    public QuadratureRule(int dimension, int degree, ReadOnlySpan<double> points, ReadOnlySpan<double> weights)
    {
        if (dimension is < 0 or > 3 || points.Length != weights.Length * dimension)
        {
            throw new ArgumentException($"need PointCount × d coordinates for d = {dimension}");
        }

        Dimension = dimension;
        Degree = degree;
        this.points = points.ToArray();
        this.weights = weights.ToArray();
        barycentric = new double[weights.Length * (dimension + 1)];
        for (int q = 0; q < weights.Length; q++)
        {
            double sum = 0;
            for (int k = 0; k < dimension; k++)
            {
                double xi = this.points[(q * dimension) + k];
                barycentric[(q * (dimension + 1)) + k + 1] = xi;
                sum += xi;
            }

            barycentric[q * (dimension + 1)] = 1 - sum;
        }
    }

    /// <summary>Dimension d of the reference simplex.</summary>
    public int Dimension { get; }

    /// <summary>Total polynomial degree integrated exactly.</summary>
    public int Degree { get; }

    /// <summary>Number of points.</summary>
    public int PointCount => weights.Length;

    /// <summary>Reference coordinates, PointCount × d row-major.</summary>
    public ReadOnlySpan<double> Points => points;

    /// <summary>Barycentric coordinates, PointCount × (d+1) row-major.</summary>
    public ReadOnlySpan<double> Barycentric => barycentric;

    /// <summary>Weights (sum = 1/d!).</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>The reference coordinates of point q.</summary>
    public ReadOnlySpan<double> Point(int q) => points.AsSpan(q * Dimension, Dimension);

    /// <summary>The barycentric coordinates of point q (length d + 1).</summary>
    public ReadOnlySpan<double> BarycentricPoint(int q) => barycentric.AsSpan(q * (Dimension + 1), Dimension + 1);

    /// <inheritdoc/>
    public override string ToString() => $"QuadratureRule(d={Dimension}, degree={Degree}, points={PointCount})";
}
