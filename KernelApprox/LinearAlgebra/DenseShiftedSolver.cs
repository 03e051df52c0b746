namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>(S + λI) x = b by building S densely and a Cholesky factorization: the small-N path (n² memory, n³/3 flops).</summary>
public sealed class DenseShiftedSolver : IShiftedSymmetricSolver
{
    private readonly DenseCholeskyFactorization factorization;

    /// <summary>Builds and factorizes S + λI.</summary>
    /// <param name="matrix">S.</param>
    /// <param name="shift">λ &gt; 0.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public DenseShiftedSolver(ISymmetricMatrixOperator matrix, double shift, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Shift = shift;
        double[] dense = DenseCholeskyFactorization.BuildShifted(matrix, shift, maxDegreeOfParallelism);
        factorization = DenseCholeskyFactorization.Factorize(dense, matrix.Size, maxDegreeOfParallelism);
    }

    /// <inheritdoc />
    public int Size => factorization.Size;

    /// <inheritdoc />
    public double Shift { get; }

    /// <inheritdoc />
    public int Rank => factorization.Size;

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution) => factorization.Solve(rightHandSide, solution);
}
