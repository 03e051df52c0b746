namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>The preconditioner of <see cref="ConjugateGradientSolver"/>.</summary>
public enum PreconditionerKind
{
    /// <summary>Incomplete Cholesky with zero fill (sequential triangular solves; strong per iteration, no threads).</summary>
    IncompleteCholesky,

    /// <summary>A smoothed-aggregation multigrid V-cycle (or Jacobi when the system has no strong connections); scales with the size, uses the threads.</summary>
    Multigrid,
}

/// <summary>
/// <see cref="ISymmetricSolver"/> by preconditioned conjugate gradients (the preconditioner is built
/// in <see cref="Factorize"/>). The solve starts from the solution span's contents (warm start). A
/// solve that does not reach the tolerance throws; <see cref="LastResult"/> holds the iteration count
/// and residual of the latest solve, <see cref="TotalIterations"/> the sum over all solves.
/// </summary>
public sealed class ConjugateGradientSolver : ISymmetricSolver
{
    private CsrMatrix? matrix;
    private IPreconditioner? preconditioner;
    private ConjugateGradientWorkspace? workspace;

    /// <summary>Creates the solver with a stopping rule and an IC(0) preconditioner.</summary>
    public ConjugateGradientSolver(ConjugateGradientOptions options)
        : this(options, PreconditionerKind.IncompleteCholesky)
    {
    }

    /// <summary>Creates the solver with a stopping rule and a preconditioner.</summary>
    public ConjugateGradientSolver(ConjugateGradientOptions options, PreconditionerKind preconditioner)
    {
        Options = options;
        Preconditioner = preconditioner;
    }

    /// <summary>The stopping rule.</summary>
    public ConjugateGradientOptions Options { get; }

    /// <summary>The preconditioner built by <see cref="Factorize"/>.</summary>
    public PreconditionerKind Preconditioner { get; }

    /// <summary>The result of the latest <see cref="Solve"/>, or null.</summary>
    public ConjugateGradientResult? LastResult { get; private set; }

    /// <summary>Iterations summed over all solves.</summary>
    public long TotalIterations { get; private set; }

    /// <summary>Solves so far.</summary>
    public long Solves { get; private set; }

    /// <summary>The multigrid hierarchy, when that is the preconditioner (after <see cref="Factorize"/>).</summary>
    public MultigridPreconditioner? Multigrid => preconditioner as MultigridPreconditioner;

    /// <inheritdoc/>
    public LinearSolverKind Kind => Preconditioner == PreconditionerKind.Multigrid ? LinearSolverKind.PcgMultigrid : LinearSolverKind.Pcg;

    /// <inheritdoc/>
    public void Analyze(SparsityPattern pattern)
    {
    }

    /// <inheritdoc/>
    public ISymmetricSolver CreateSibling() => new ConjugateGradientSolver(Options, Preconditioner);

    /// <inheritdoc/>
    public void Factorize(CsrMatrix matrix)
    {
        this.matrix = matrix ?? throw new ArgumentNullException(nameof(matrix));
        preconditioner = Preconditioner == PreconditionerKind.Multigrid
            ? new MultigridPreconditioner(matrix)
            : new IncompleteCholeskyPreconditioner(matrix);
        if (workspace is null || workspace.Size != matrix.RowCount)
        {
            workspace = new ConjugateGradientWorkspace(matrix.RowCount);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Starts from the solution span's current contents (warm start).</remarks>
    /// <exception cref="InvalidOperationException">The iteration did not converge.</exception>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (matrix is null || workspace is null)
        {
            throw new InvalidOperationException("Solve: call Factorize first");
        }

        var result = workspace.Solve(matrix, rhs, solution, preconditioner, Options);
        LastResult = result;
        TotalIterations += result.Iterations;
        Solves++;
        if (!result.Converged)
        {
            throw new InvalidOperationException($"PCG ({(Preconditioner == PreconditionerKind.Multigrid ? "multigrid" : "IC(0)")}) did not converge: relative residual {result.RelativeResidual:G3} after {result.Iterations} iterations (tolerance {Options.RelativeTolerance:G3})");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
