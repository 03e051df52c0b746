namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// <see cref="ISymmetricSolver"/> by conjugate gradients with an IC(0) preconditioner (built in
/// <see cref="Factorize"/>). A solve that does not reach the tolerance throws; <see cref="LastResult"/>
/// holds the iteration count and residual of the latest solve.
/// </summary>
public sealed class ConjugateGradientSolver : ISymmetricSolver
{
    private CsrMatrix? matrix;
    private IPreconditioner? preconditioner;

    /// <summary>Creates the solver with a stopping rule.</summary>
    public ConjugateGradientSolver(ConjugateGradientOptions options)
    {
        Options = options;
    }

    /// <summary>The stopping rule.</summary>
    public ConjugateGradientOptions Options { get; }

    /// <summary>The result of the latest <see cref="Solve"/>, or null.</summary>
    public ConjugateGradientResult? LastResult { get; private set; }

    /// <inheritdoc/>
    public LinearSolverKind Kind => LinearSolverKind.Pcg;

    /// <inheritdoc/>
    public void Analyze(SparsityPattern pattern)
    {
    }

    /// <inheritdoc/>
    public void Factorize(CsrMatrix matrix)
    {
        this.matrix = matrix ?? throw new ArgumentNullException(nameof(matrix));
        preconditioner = new IncompleteCholeskyPreconditioner(matrix);
    }

    /// <inheritdoc/>
    /// <remarks>Starts from the solution span's current contents (warm start).</remarks>
    /// <exception cref="InvalidOperationException">The iteration did not converge.</exception>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (matrix is null)
        {
            throw new InvalidOperationException("Solve: call Factorize first");
        }

        LastResult = ConjugateGradient.Solve(matrix, rhs, solution, preconditioner, Options);
        if (!LastResult.Converged)
        {
            throw new InvalidOperationException($"PCG(IC0) did not converge: relative residual {LastResult.RelativeResidual:G3} after {LastResult.Iterations} iterations (tolerance {Options.RelativeTolerance:G3})");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
