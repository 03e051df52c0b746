namespace PdeFlows.Discretization.Quadrature;

/// <summary>
/// Gauss–Jacobi rules on [0, 1] for the weight (1 − t)^α (α = 0: Gauss–Legendre), by the
/// Golub–Welsch method: nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the
/// three-term recurrence, weights the squared first eigenvector components times the weight's mass.
/// An n-point rule integrates polynomials of degree 2n − 1 against the weight exactly.
/// </summary>
public static class GaussJacobi
{
    /// <summary>The n-point rule on [0, 1] for ∫₀¹ (1 − t)^α f(t) dt.</summary>
    /// <param name="pointCount">n ≥ 1.</param>
    /// <param name="alpha">Exponent α &gt; −1 of (1 − t).</param>
    /// <returns>Nodes ascending and weights (summing to 1/(α+1)).</returns>
    public static (double[] Nodes, double[] Weights) OnUnitInterval(int pointCount, double alpha)
    {
        if (pointCount < 1 || !(alpha > -1))
        {
            throw new ArgumentOutOfRangeException(nameof(pointCount), $"need n ≥ 1 and α > −1, got n = {pointCount}, α = {alpha}");
        }

        // Jacobi weight (1 − ξ)^α (1 + ξ)^β on [−1, 1] with β = 0.
        const double beta = 0;
        int n = pointCount;
        var diagonal = new double[n];
        var subdiagonal = new double[n - 1];
        for (int k = 0; k < n; k++)
        {
            double s = (2 * k) + alpha + beta;
            diagonal[k] = k == 0 ? (beta - alpha) / (alpha + beta + 2) : ((beta * beta) - (alpha * alpha)) / (s * (s + 2));
            if (k > 0)
            {
                double numerator = 4.0 * k * (k + alpha) * (k + beta) * (k + alpha + beta);
                double denominator = s * s * (s + 1) * (s - 1);
                subdiagonal[k - 1] = Math.Sqrt(numerator / denominator);
            }
        }

        // μ₀ = ∫₋₁¹ (1 − ξ)^α dξ = 2^{α+1}/(α+1); mapping t = (1 + ξ)/2 divides weights by 2^{α+1}.
        double massOnUnitInterval = 1.0 / (alpha + 1);
        var (values, vectors) = SymmetricTridiagonalEigen.Decompose(diagonal, subdiagonal); // eigenvalues ascending
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v0 = vectors[0, i];
            nodes[i] = (1 + values[i]) / 2;
            weights[i] = massOnUnitInterval * v0 * v0;
        }

        return (nodes, weights);
    }
}
