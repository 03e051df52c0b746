namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>The solver a factory created, which backend it is, and why it was chosen.</summary>
/// <param name="Solver">The solver (caller disposes).</param>
/// <param name="Kind">The backend chosen (never Auto).</param>
/// <param name="Reason">One line explaining the choice, for logs and run summaries.</param>
public sealed record LinearSolverSelection(ISymmetricSolver Solver, LinearSolverKind Kind, string Reason);

/// <summary>Creates <see cref="ISymmetricSolver"/>s from a <see cref="LinearSolverKind"/>.</summary>
public static class LinearSolverFactory
{
    /// <summary>
    /// Creates a solver. Auto picks CHOLMOD when libcholmod loads and the managed Cholesky otherwise;
    /// an explicit Cholmod request throws when the library is absent.
    /// </summary>
    /// <param name="requested">The requested backend.</param>
    /// <param name="conjugateGradientOptions">Stopping rule for <see cref="LinearSolverKind.Pcg"/> (default: 1e-10 relative).</param>
    /// <exception cref="InvalidOperationException">Cholmod was requested and the library does not load.</exception>
    public static LinearSolverSelection Create(LinearSolverKind requested, ConjugateGradientOptions? conjugateGradientOptions = null)
    {
        switch (requested)
        {
            case LinearSolverKind.Managed:
                return new(new ManagedCholeskySolver(), LinearSolverKind.Managed, "managed sparse Cholesky (AMD ordering) as requested");
            case LinearSolverKind.Pcg:
                var options = conjugateGradientOptions ?? new ConjugateGradientOptions();
                return new(new ConjugateGradientSolver(options), LinearSolverKind.Pcg, $"conjugate gradients with IC(0), relative tolerance {options.RelativeTolerance:G3}, as requested");
            case LinearSolverKind.Cholmod:
                if (!CholmodLibrary.TryLoad(out var library, out string why))
                {
                    throw new InvalidOperationException($"CHOLMOD was requested but is not available: {why}. Install libsuitesparse-dev (libcholmod.so.3) or choose 'managed'.");
                }

                return new(new CholmodSolver(library), LinearSolverKind.Cholmod, $"CHOLMOD as requested ({library.Description})");
            case LinearSolverKind.Auto:
                if (CholmodLibrary.TryLoad(out var auto, out string reason))
                {
                    return new(new CholmodSolver(auto), LinearSolverKind.Cholmod, $"auto: CHOLMOD loaded ({auto.Description})");
                }

                return new(new ManagedCholeskySolver(), LinearSolverKind.Managed, $"auto: CHOLMOD not available ({reason}); using the managed sparse Cholesky");
            default:
                throw new ArgumentOutOfRangeException(nameof(requested), requested, "unknown linear solver kind");
        }
    }
}
