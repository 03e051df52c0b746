namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary><see cref="ISymmetricSolver"/> over the managed <see cref="SparseCholesky"/> with AMD ordering.</summary>
public sealed class ManagedCholeskySolver : ISymmetricSolver
{
    private SymbolicCholesky? symbolic;
    private SparseCholesky? factor;

    /// <inheritdoc/>
    public LinearSolverKind Kind => LinearSolverKind.Managed;

    /// <summary>nnz(L) of the current analysis (0 before <see cref="Analyze"/>).</summary>
    public long FactorNonzeroCount => symbolic?.FactorNonzeroCount ?? 0;

    /// <inheritdoc/>
    public void Analyze(SparsityPattern pattern)
    {
        symbolic = SymbolicCholesky.Analyze(pattern);
        factor = new SparseCholesky(symbolic);
    }

    /// <inheritdoc/>
    public ISymmetricSolver CreateSibling()
    {
        if (symbolic is null)
        {
            throw new InvalidOperationException("CreateSibling: call Analyze first");
        }

        return new ManagedCholeskySolver { symbolic = symbolic, factor = new SparseCholesky(symbolic) };
    }

    /// <inheritdoc/>
    public void Factorize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (factor is null || !ReferenceEquals(symbolic!.Pattern, matrix.Pattern))
        {
            Analyze(matrix.Pattern);
        }

        factor!.Factorize(matrix);
    }

    /// <inheritdoc/>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (factor is null)
        {
            throw new InvalidOperationException("Solve: call Analyze and Factorize first");
        }

        factor.Solve(rhs, solution);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
