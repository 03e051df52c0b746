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
    /// In 3D, Auto picks conjugate gradients instead of a direct solver when the direct factor would
    /// hold more than this many entries per entry of the matrix' triangle: a direct solve reads nnz(L)
    /// twice, a CG iteration reads the matrix and its preconditioner about once, and the
    /// mass-dominated systems of a time step converge in a few iterations from the state.
    /// </summary>
    public const double FillRatioForIterative = 6;

    /// <summary>
    /// The same limit in 1D and 2D. A 2D factor's fill grows only like log n, and the IC(0)-CG
    /// iterations are latency-bound triangular sweeps: measured on the shifted systems of the 2D
    /// benchmark (docs/performance.md), the managed direct solve takes 3.2 ms against 9.7 ms for CG at
    /// 200×200 squares (fill 8.9) and 27 ms against 42 ms at 400×400 (fill 11.2).
    /// </summary>
    public const double PlanarFillRatioForIterative = 16;

    /// <summary>Factors up to this many entries are computed by the managed Cholesky under Auto (its solves are the faster ones there); larger ones by CHOLMOD when it loads.</summary>
    public const long LargeFactor = 4_000_000;

    /// <summary>Above this many unknowns a 3D system goes to multigrid CG without a symbolic analysis (the fill of a 3D direct factor grows like n^{4/3}, and the analysis alone then costs seconds).</summary>
    public const int LargeThreeDimensional = 150_000;

    /// <summary>The stopping rule of the transport's CG: a relative residual of 1e-12 keeps the solution within 1e-10 (relative) of the direct solve (tests/…/IterativeAgainstDirectTests).</summary>
    public static ConjugateGradientOptions TransportConjugateGradient { get; } = new(1e-12, 10_000);

    /// <summary>
    /// Creates a solver for systems with <paramref name="pattern"/>, already analyzed when it is a
    /// direct one. Auto analyzes the pattern with the direct backend and keeps it unless the
    /// predicted fill nnz(L)/nnz(tril A) exceeds <see cref="FillRatioForIterative"/> in 3D or
    /// <see cref="PlanarFillRatioForIterative"/> in 1D/2D (or the system is
    /// 3D and larger than <see cref="LargeThreeDimensional"/>); then it takes CG, preconditioned by
    /// IC(0) in 1D/2D and by smoothed-aggregation multigrid in 3D. The reason names the numbers.
    /// </summary>
    /// <param name="requested">The requested backend.</param>
    /// <param name="pattern">The sparsity pattern of every system to be solved.</param>
    /// <param name="dimension">Space dimension of the mesh the systems come from.</param>
    /// <param name="conjugateGradientOptions">Stopping rule for conjugate gradients (default <see cref="TransportConjugateGradient"/>).</param>
    public static LinearSolverSelection ChooseAutomatically(LinearSolverKind requested, SparsityPattern pattern, int dimension, ConjugateGradientOptions? conjugateGradientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var options = conjugateGradientOptions ?? TransportConjugateGradient;
        if (requested != LinearSolverKind.Auto)
        {
            var chosen = Create(requested, options);
            chosen.Solver.Analyze(pattern);
            return chosen;
        }

        if (dimension >= 3 && pattern.RowCount > LargeThreeDimensional)
        {
            return new(new ConjugateGradientSolver(options, PreconditionerKind.Multigrid), LinearSolverKind.PcgMultigrid,
                $"auto: conjugate gradients with smoothed-aggregation multigrid (3D, {pattern.RowCount} unknowns > {LargeThreeDimensional}: a direct factor would not fit the time or memory), relative tolerance {options.RelativeTolerance:G3}");
        }

        // The managed Cholesky analyzes first: its fill decides direct or iterative, and for a small
        // factor its solves (two plain loops over L) beat CHOLMOD's, whose per-call overhead and
        // supernodal BLAS solves cost more than the arithmetic on such sizes.
        var direct = Create(LinearSolverKind.Managed);
        direct.Solver.Analyze(pattern);
        long fill = direct.Solver switch
        {
            CholmodSolver cholmod => cholmod.FactorNonzeroCount,
            ManagedCholeskySolver managed => managed.FactorNonzeroCount,
            _ => 0,
        };
        // A band that holds no more entries than the sparse factor's strict lower part (a P1 matrix on
        // an interval numbered left to right: both are n − 1) is solved without indices or permutation.
        int bandwidth = BandedCholesky.HalfBandwidth(pattern);
        long band = BandedCholesky.BandEntries(pattern.RowCount, bandwidth);
        if (band <= fill - pattern.RowCount)
        {
            direct.Solver.Dispose();
            var banded = new BandedCholeskySolver();
            banded.Analyze(pattern);
            return new(banded, LinearSolverKind.Banded, $"auto: banded LDLᵀ, half-bandwidth {bandwidth}: the band holds {band} entries below the diagonal, the AMD-ordered sparse factor {fill - pattern.RowCount}");
        }

        // nnz of the triangle the factor is compared with (the full pattern stores both triangles).
        long triangle = (pattern.NonzeroCount + pattern.RowCount) / 2;
        double ratio = (double)fill / triangle;
        double limit = dimension <= 2 ? PlanarFillRatioForIterative : FillRatioForIterative;
        if (ratio <= limit && fill <= LargeFactor)
        {
            return direct with { Kind = LinearSolverKind.Managed, Reason = $"auto: managed sparse Cholesky, fill nnz(L)/nnz(tril A) = {ratio:F1} ≤ {limit} and nnz(L) = {fill} ≤ {LargeFactor}" };
        }

        if (ratio <= limit && CholmodLibrary.TryLoad(out var library, out _))
        {
            // A large factor with little fill: CHOLMOD's supernodal factorization is the faster one.
            direct.Solver.Dispose();
            var cholmod = new CholmodSolver(library);
            cholmod.Analyze(pattern);
            return new(cholmod, LinearSolverKind.Cholmod, $"auto: CHOLMOD ({library.Description}), fill nnz(L)/nnz(tril A) = {ratio:F1} ≤ {limit}, nnz(L) = {fill} > {LargeFactor}");
        }

        if (ratio <= limit)
        {
            return direct with { Kind = LinearSolverKind.Managed, Reason = $"auto: managed sparse Cholesky (CHOLMOD not available), fill nnz(L)/nnz(tril A) = {ratio:F1} ≤ {limit}" };
        }

        direct.Solver.Dispose();
        var preconditioner = dimension >= 3 ? PreconditionerKind.Multigrid : PreconditionerKind.IncompleteCholesky;
        return new(new ConjugateGradientSolver(options, preconditioner), preconditioner == PreconditionerKind.Multigrid ? LinearSolverKind.PcgMultigrid : LinearSolverKind.Pcg,
            $"auto: conjugate gradients with {(preconditioner == PreconditionerKind.Multigrid ? "smoothed-aggregation multigrid" : "IC(0)")}, since a direct factor would hold nnz(L) = {fill} (fill {ratio:F1} > {limit}); relative tolerance {options.RelativeTolerance:G3}");
    }

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
            case LinearSolverKind.Banded:
                return new(new BandedCholeskySolver(), LinearSolverKind.Banded, "banded LDLᵀ in the matrix' own ordering as requested");
            case LinearSolverKind.Pcg:
                var options = conjugateGradientOptions ?? new ConjugateGradientOptions();
                return new(new ConjugateGradientSolver(options), LinearSolverKind.Pcg, $"conjugate gradients with IC(0), relative tolerance {options.RelativeTolerance:G3}, as requested");
            case LinearSolverKind.PcgMultigrid:
                var multigridOptions = conjugateGradientOptions ?? new ConjugateGradientOptions();
                return new(new ConjugateGradientSolver(multigridOptions, PreconditionerKind.Multigrid), LinearSolverKind.PcgMultigrid,
                    $"conjugate gradients with smoothed-aggregation multigrid, relative tolerance {multigridOptions.RelativeTolerance:G3}, as requested");
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
