namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// (L Lᵀ + λI) x = b by the Woodbury identity
/// x = (b − L (λI_m + LᵀL)⁻¹ Lᵀ b) / λ, with L the n×m pivoted Cholesky factor of S.
/// </summary>
/// <remarks>
/// Setup O(m³) (the Cholesky factor of λI + LᵀL; the Gram matrix LᵀL comes with the factor);
/// each solve O(n m). With E = S − L Lᵀ ⪰ 0 and x̃ this solution,
/// (S + λI) x̃ − b = E x̃ and ‖x̃‖ ≤ ‖b‖/λ, so the relative residual against the true S is at
/// most ‖E‖₂/λ ≤ tr E / λ (<see cref="ResidualBound"/>).
/// </remarks>
public sealed class LowRankShiftedSolver : IShiftedSymmetricSolver
{
    private readonly PivotedCholeskyFactor factor;
    private readonly DenseCholeskyFactorization capacitance;

    /// <summary>Prepares the Woodbury solve.</summary>
    /// <param name="factor">L with S ≈ L Lᵀ.</param>
    /// <param name="shift">λ &gt; 0.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public LowRankShiftedSolver(PivotedCholeskyFactor factor, double shift, int maxDegreeOfParallelism = -1)
    {
        this.factor = factor ?? throw new ArgumentNullException(nameof(factor));
        if (!(shift > 0.0) || !double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift λ must be finite and > 0 for the Woodbury solve.");
        }

        Shift = shift;
        int m = factor.Rank;
        double[] gram = factor.Gram.ToArray(); // LᵀL, accumulated while the factor was built
        for (int k = 0; k < m; k++)
        {
            gram[(k * m) + k] += shift;
        }

        capacitance = DenseCholeskyFactorization.Factorize(gram, m, maxDegreeOfParallelism);
    }

    /// <inheritdoc />
    public int Size => factor.Size;

    /// <inheritdoc />
    public double Shift { get; }

    /// <inheritdoc />
    public int Rank => factor.Rank;

    /// <summary>The low-rank factor L.</summary>
    public PivotedCholeskyFactor Factor => factor;

    /// <summary>tr(S − L Lᵀ)/λ: a bound on the relative residual ‖(S+λI)x̃ − b‖/‖b‖ of one solve.</summary>
    public double ResidualBound => factor.ResidualTrace / Shift;

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution)
    {
        int n = Size, m = Rank;
        if (rightHandSide.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Vectors must have length {n}.");
        }

        var projected = new double[m];
        for (int k = 0; k < m; k++)
        {
            projected[k] = VectorArithmetic.Dot(factor.Column(k), rightHandSide);
        }

        var coefficients = new double[m];
        capacitance.Solve(projected, coefficients);
        rightHandSide.CopyTo(solution);
        for (int k = 0; k < m; k++)
        {
            VectorArithmetic.SubtractScaled(solution, coefficients[k], factor.Column(k));
        }

        double inverseShift = 1.0 / Shift;
        for (int i = 0; i < n; i++)
        {
            solution[i] *= inverseShift;
        }
    }
}
