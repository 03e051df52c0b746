namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// (S̃ + λI) x = b for S̃ = W^{½} L Lᵀ W^{½}, with L a pivoted Cholesky factor of the <em>unweighted</em>
/// kernel matrix 𝖪 ≈ L Lᵀ: the Woodbury identity with B = W^{½}L,
/// x = (b − B(λI_m + BᵀB)⁻¹Bᵀb)/λ (B never formed: W^{½} is applied to vectors). The factor is computed once for fixed nodes and serves every
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
    private readonly double[] columns; // L, column k at k·n (not weighted: W^{½} is applied on the fly)
    private readonly double[] squareRootWeights;
    private readonly DenseCholeskyFactorization capacitance;

    /// <summary>Forms and factorizes λI + LᵀWL.</summary>
    /// <param name="factor">L with 𝖪 ≈ L Lᵀ (unit weights).</param>
    /// <param name="squareRootWeights">√wᵢ, finite and ≥ 0, length n.</param>
    /// <param name="shift">λ, finite and &gt; 0.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public WeightedLowRankShiftedSolver(PivotedCholeskyFactor factor, ReadOnlySpan<double> squareRootWeights, double shift, int maxDegreeOfParallelism = -1)
        : this(Contiguous(factor ?? throw new ArgumentNullException(nameof(factor))), factor.Size, factor.Rank, factor.ResidualDiagonal, squareRootWeights, shift, maxDegreeOfParallelism)
    {
    }

    /// <summary>As the public constructor, with L already laid out contiguously (column k at k·n; kept, not copied).</summary>
    internal WeightedLowRankShiftedSolver(double[] columns, int size, int rank, ReadOnlySpan<double> residualDiagonal, ReadOnlySpan<double> squareRootWeights, double shift, int maxDegreeOfParallelism)
    {
        if (squareRootWeights.Length != size || residualDiagonal.Length != size || columns.LongLength < (long)size * rank)
        {
            throw new ArgumentException($"{squareRootWeights.Length} weights for a factor of size {size}.", nameof(squareRootWeights));
        }

        if (!(shift > 0.0) || !double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift λ must be finite and > 0 for the Woodbury solve.");
        }

        this.columns = columns;
        Shift = shift;
        Size = size;
        Rank = rank;
        this.squareRootWeights = squareRootWeights.ToArray();
        var weights = new double[size];
        double trace = 0.0;
        for (int i = 0; i < size; i++)
        {
            weights[i] = squareRootWeights[i] * squareRootWeights[i];
            trace += weights[i] * residualDiagonal[i];
        }

        ResidualTrace = trace;
        var matrix = new double[rank * rank];
        GramMatrix.Compute(columns, size, rank, matrix, maxDegreeOfParallelism, weights);
        for (int k = 0; k < rank; k++)
        {
            matrix[(k * rank) + k] += shift;
        }

        capacitance = DenseCholeskyFactorization.Factorize(matrix, rank, maxDegreeOfParallelism);
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
        int n = Size, m = Rank;
        if (rightHandSide.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Vectors must have length {n}.");
        }

        // x = (b − W^{½}L c)/λ with (λI + LᵀWL) c = LᵀW^{½}b.
        var scaled = new double[n];
        for (int i = 0; i < n; i++)
        {
            scaled[i] = squareRootWeights[i] * rightHandSide[i];
        }

        var projected = new double[m];
        for (int k = 0; k < m; k++)
        {
            projected[k] = VectorArithmetic.Dot(columns.AsSpan(k * n, n), scaled);
        }

        var coefficients = new double[m];
        capacitance.Solve(projected, coefficients);
        var combination = new double[n];
        for (int k = 0; k < m; k++)
        {
            VectorArithmetic.SubtractScaled(combination, -coefficients[k], columns.AsSpan(k * n, n));
        }

        double inverseShift = 1.0 / Shift;
        for (int i = 0; i < n; i++)
        {
            solution[i] = (rightHandSide[i] - (squareRootWeights[i] * combination[i])) * inverseShift;
        }
    }

    /// <summary>L's columns one after another (column k at k·n).</summary>
    internal static double[] Contiguous(PivotedCholeskyFactor factor)
    {
        int n = factor.Size;
        var columns = new double[(long)n * factor.Rank];
        for (int k = 0; k < factor.Rank; k++)
        {
            factor.Column(k).CopyTo(columns.AsSpan(k * n, n));
        }

        return columns;
    }
}
