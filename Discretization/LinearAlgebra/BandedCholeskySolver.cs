namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary><see cref="ISymmetricSolver"/> over the banded LDLᵀ (<see cref="BandedCholesky"/>) in the matrix' own ordering.</summary>
public sealed class BandedCholeskySolver : ISymmetricSolver
{
    private BandedCholesky? factor;

    /// <inheritdoc/>
    public LinearSolverKind Kind => LinearSolverKind.Banded;

    /// <summary>The half-bandwidth of the analyzed pattern (0 before <see cref="Analyze"/>).</summary>
    public int Bandwidth => factor?.Bandwidth ?? 0;

    /// <summary>Entries of L below the diagonal the band holds (0 before <see cref="Analyze"/>).</summary>
    public long FactorNonzeroCount => factor?.FactorNonzeroCount ?? 0;

    /// <inheritdoc/>
    public void Analyze(SparsityPattern pattern) => factor = new BandedCholesky(pattern);

    /// <inheritdoc/>
    public ISymmetricSolver CreateSibling() => factor is null
        ? throw new InvalidOperationException("CreateSibling: call Analyze first")
        : new BandedCholeskySolver { factor = new BandedCholesky(factor.Pattern) };

    /// <inheritdoc/>
    public void Factorize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (factor is null || !ReferenceEquals(factor.Pattern, matrix.Pattern))
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
