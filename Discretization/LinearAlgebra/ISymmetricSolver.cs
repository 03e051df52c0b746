namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// A solver for symmetric positive definite systems A x = b in three phases: <see cref="Analyze"/>
/// once per sparsity pattern (ordering, symbolic factorization), <see cref="Factorize"/> once per set
/// of values, <see cref="Solve"/> once per right-hand side. Instances are not thread-safe.
/// </summary>
public interface ISymmetricSolver : IDisposable
{
    /// <summary>The backend (never <see cref="LinearSolverKind.Auto"/>).</summary>
    LinearSolverKind Kind { get; }

    /// <summary>Symbolic phase for a square, structurally symmetric pattern stored in full.</summary>
    void Analyze(SparsityPattern pattern);

    /// <summary>
    /// A new solver sharing this one's symbolic analysis (ordering, elimination tree, column counts), to
    /// factor another matrix with the same pattern, e.g. another shift M + cA, without analyzing again.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Analyze"/> was not called.</exception>
    ISymmetricSolver CreateSibling();

    /// <summary>Numeric phase for a matrix with the analyzed pattern.</summary>
    /// <exception cref="NotPositiveDefiniteException">The matrix is not positive definite (the message names the column).</exception>
    void Factorize(CsrMatrix matrix);

    /// <summary>Solves A x = b with the last factorization.</summary>
    void Solve(ReadOnlySpan<double> rhs, Span<double> solution);
}
