namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>Diagonal (Jacobi) preconditioner M = diag(A).</summary>
public sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly double[] inverseDiagonal;

    /// <summary>Builds M = diag(A); every diagonal entry must be positive.</summary>
    public JacobiPreconditioner(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        inverseDiagonal = matrix.Diagonal();
        for (int i = 0; i < inverseDiagonal.Length; i++)
        {
            if (!(inverseDiagonal[i] > 0))
            {
                throw new NotPositiveDefiniteException(i, inverseDiagonal[i], "Jacobi preconditioner");
            }

            inverseDiagonal[i] = 1.0 / inverseDiagonal[i];
        }
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> residual, Span<double> result)
    {
        for (int i = 0; i < inverseDiagonal.Length; i++)
        {
            result[i] = residual[i] * inverseDiagonal[i];
        }
    }
}
