namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// (S̃ + λI) x = b for S̃ = W^{½} L Lᵀ W^{½}, with L a pivoted Cholesky factor of the <em>unweighted</em>
/// kernel matrix 𝖪 ≈ L Lᵀ: the Woodbury identity with B = W^{½}L,
/// x = (b − B(λI_m + BᵀB)⁻¹Bᵀb)/λ. The factor is computed once for fixed nodes and serves every
/// weight vector; only the m×m matrix λI + LᵀWL is formed and factorized per weight vector.
/// </summary>
/// <remarks>
/// <para>Accuracy. S = W^{½}𝖪W^{½} = S̃ + W^{½}EW^{½} with E = 𝖪 − L Lᵀ ⪰ 0, so exactly as for
/// <see cref="LowRankShiftedSolver"/> the relative residual of x against the true S is at most
/// ‖W^{½}EW^{½}‖₂/λ ≤ tr(W^{½}EW^{½})/λ = Σᵢ wᵢEᵢᵢ/λ (<see cref="ResidualTrace"/>/λ), and each step of
/// iterative refinement with the true S contracts the error by that factor.</para>
/// <para>Cost per weight vector O(n m²) for LᵀWL (<see cref="GramMatrix"/>: bitwise independent of
/// the thread count) plus O(m³/3); per solve O(n m).</para>
/// </remarks>
public sealed class WeightedLowRankShiftedSolver : IShiftedSymmetricSolver
{
    private readonly double[] weightedColumns; // B = W^{½}L, column k at k·n
    private readonly DenseCholeskyFactorization capacitance;

    /// <summary>Forms and factorizes λI + LᵀWL.</summary>
    /// <param name="factor">L with 𝖪 ≈ L Lᵀ (unit weights).</param>
    /// <param name="squareRootWeights">√wᵢ, finite and ≥ 0, length n.</param>
    /// <param name="shift">λ, finite and &gt; 0.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public WeightedLowRankShiftedSolver(PivotedCholeskyFactor factor, ReadOnlySpan<double> squareRootWeights, double shift, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(factor);
        if (squareRootWeights.Length != factor.Size)
        {
            throw new ArgumentException($"{squareRootWeights.Length} weights for a factor of size {factor.Size}.", nameof(squareRootWeights));
        }

        if (!(shift > 0.0) || !double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift λ must be finite and > 0 for the Woodbury solve.");
        }

        Shift = shift;
        Size = factor.Size;
        Rank = factor.Rank;
        int n = factor.Size, m = factor.Rank;
        double trace = 0.0;
        ReadOnlySpan<double> residualDiagonal = factor.ResidualDiagonal;
        for (int i = 0; i < n; i++)
        {
            trace += squareRootWeights[i] * squareRootWeights[i] * residualDiagonal[i];
        }

        ResidualTrace = trace;
        weightedColumns = new double[(long)m * n];
        for (int k = 0; k < m; k++)
        {
            ReadOnlySpan<double> column = factor.Column(k);
            Span<double> weighted = weightedColumns.AsSpan(k * n, n);
            for (int i = 0; i < n; i++)
            {
                weighted[i] = squareRootWeights[i] * column[i];
            }
        }

        var matrix = new double[m * m];
        GramMatrix.Compute(weightedColumns, n, m, matrix, maxDegreeOfParallelism);
        for (int k = 0; k < m; k++)
        {
            matrix[(k * m) + k] += shift;
        }

        capacitance = DenseCholeskyFactorization.Factorize(matrix, m, maxDegreeOfParallelism);
    }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public double Shift { get; }

    /// <inheritdoc />
    public int Rank { get; }

    /// <summary>Σᵢ wᵢ (𝖪 − L Lᵀ)ᵢᵢ = tr(S − S̃) ≥ ‖S − S̃‖₂: λ times the bound on the relative residual.</summary>
    public double ResidualTrace { get; }

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution)
    {
        int m = Rank;
        if (rightHandSide.Length != Size || solution.Length != Size)
        {
            throw new ArgumentException($"Vectors must have length {Size}.");
        }

        var projected = new double[m];
        for (int k = 0; k < m; k++)
        {
            projected[k] = VectorArithmetic.Dot(weightedColumns.AsSpan(k * Size, Size), rightHandSide);
        }

        var coefficients = new double[m];
        capacitance.Solve(projected, coefficients);
        rightHandSide.CopyTo(solution);
        for (int k = 0; k < m; k++)
        {
            VectorArithmetic.SubtractScaled(solution, coefficients[k], weightedColumns.AsSpan(k * Size, Size));
        }

        double inverseShift = 1.0 / Shift;
        for (int i = 0; i < solution.Length; i++)
        {
            solution[i] *= inverseShift;
        }
    }
}
