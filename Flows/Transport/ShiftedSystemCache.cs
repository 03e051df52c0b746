using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Flows.Transport;

/// <summary>
/// The systems M + cA for the few shifts c a run needs (τα for implicit Euler, γτα/2 for both TR-BDF2 stages,
/// and the shortened steps before output times). The pattern is analyzed once (ordering, symbolic
/// factorization) and every shift's solver shares that analysis; each shift is factored (or its
/// preconditioner built) once and reused for every step with the same shift (math.md §5: "factor
/// once"). When the stiffness values change (the χ² mobility, every step) the shifts are refactored
/// numerically in place on the same analysis and storage, and only when they are used.
/// </summary>
internal sealed class ShiftedSystemCache : IDisposable
{
    // Room for the halved steps of a few `strang` rejections without evicting and refactoring.
    private const int Capacity = 24;

    private readonly double[] mass;
    private readonly CsrMatrix stiffness;
    private readonly int[] diagonal;
    private readonly ISymmetricSolver analysis;
    private readonly List<Entry> entries = [];
    private int version;

    /// <summary>Creates the cache for the diagonal <paramref name="mass"/> and the stiffness matrix; analyzes the pattern and picks the backend.</summary>
    public ShiftedSystemCache(double[] mass, CsrMatrix stiffness, LinearSolverKind requested, int dimension)
    {
        this.mass = mass;
        this.stiffness = stiffness;
        var pattern = stiffness.Pattern;
        diagonal = new int[mass.Length];
        for (int i = 0; i < diagonal.Length; i++)
        {
            diagonal[i] = pattern.Find(i, i);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var selection = LinearSolverFactory.ChooseAutomatically(requested, pattern, dimension);
        analysis = selection.Solver;
        Kind = selection.Kind;
        Description = selection.Reason;
        FactorizationSeconds = clock.Elapsed.TotalSeconds;
    }

    /// <summary>The backend used.</summary>
    public LinearSolverKind Kind { get; }

    /// <summary>The backend used and why.</summary>
    public string Description { get; }

    /// <summary>Whether the backend is iterative (its solves start from the solution array's contents).</summary>
    public bool IsIterative => Kind is LinearSolverKind.Pcg or LinearSolverKind.PcgMultigrid;

    /// <summary>Numeric factorizations (or preconditioner builds) so far, for the benchmark and the run report.</summary>
    public int Factorizations { get; private set; }

    /// <summary>Seconds spent in the analysis and the numeric factorizations.</summary>
    public double FactorizationSeconds { get; private set; }

    /// <summary>CG iterations summed over all solves (0 for direct solvers).</summary>
    public long Iterations => entries.Sum(e => (e.Solver as ConjugateGradientSolver)?.TotalIterations ?? 0) + retiredIterations;

    /// <summary>Solves so far.</summary>
    public long Solves { get; private set; }

    private long retiredIterations;

    /// <summary>Seconds spent in the solves (numeric factorizations excluded).</summary>
    public double SolveSeconds => (double)solveTicks / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>
    /// Bytes the solves had to read or write at least (the compulsory traffic of the algorithm, for
    /// comparing with the memory bandwidth): a direct solve reads the factor twice (8 bytes per value,
    /// 8 per index) and a few vectors; a CG iteration reads the matrix (12 bytes per entry), its
    /// preconditioner, and about ten vectors of n doubles.
    /// </summary>
    public double BytesTouched { get; private set; }

    private long solveTicks;

    /// <summary>Solves (M + shift·A) x = b; <paramref name="solution"/> holds the initial guess for an iterative backend.</summary>
    public void Solve(double shift, ReadOnlySpan<double> rhs, Span<double> solution)
    {
        var solver = For(shift);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        solver.Solve(rhs, solution);
        solveTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
        Solves++;
        BytesTouched += Traffic(solver);
    }

    private double Traffic(ISymmetricSolver solver)
    {
        double n = mass.Length, entries = stiffness.Pattern.NonzeroCount;
        switch (solver)
        {
            case CholmodSolver cholmod:
                return (2 * cholmod.FactorNonzeroCount * 16.0) + (4 * n * 8);
            case ManagedCholeskySolver managed:
                return (2 * managed.FactorNonzeroCount * 12.0) + (4 * n * 8);
            case BandedCholeskySolver banded:
                // The band twice and 1/D once (no indices), the right-hand side and the solution.
                return (2 * banded.FactorNonzeroCount * 8.0) + (3 * n * 8);
            case ConjugateGradientSolver cg when cg.LastResult is { } result:
                double preconditioner = cg.Multigrid is { } multigrid ? multigrid.BytesPerApplication : ((entries + n) / 2 * 12 * 2) + (2 * n * 8);
                return (result.Iterations + 2) * ((entries * 12) + (10 * n * 8) + preconditioner);
            default:
                return 0;
        }
    }

    /// <summary>The stiffness values changed: every shift is refactored (on the same analysis) before its next use.</summary>
    public void StiffnessChanged() => version++;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var entry in entries)
        {
            entry.Solver.Dispose();
        }

        entries.Clear();
        analysis.Dispose();
    }

    private ISymmetricSolver For(double shift)
    {
        Entry? found = null;
        for (int k = 0; k < entries.Count; k++)
        {
            if (entries[k].Shift == shift)
            {
                found = entries[k];
                if (k > 0)
                {
                    // Most recently used first (no allocation: a list move).
                    entries.RemoveAt(k);
                    entries.Insert(0, found);
                }

                break;
            }
        }

        if (found is null)
        {
            found = new Entry(shift, analysis.CreateSibling(), new CsrMatrix(stiffness.Pattern)) { Version = version - 1 };
            entries.Insert(0, found);
            if (entries.Count > Capacity)
            {
                var evicted = entries[^1];
                retiredIterations += (evicted.Solver as ConjugateGradientSolver)?.TotalIterations ?? 0;
                evicted.Solver.Dispose();
                entries.RemoveAt(entries.Count - 1);
            }
        }

        if (found.Version != version)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp(); // a Stopwatch object would allocate on every χ² step
            Span<double> values = found.Matrix.Values;
            ReadOnlySpan<double> a = stiffness.Values;
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = shift * a[k];
            }

            for (int i = 0; i < mass.Length; i++)
            {
                values[diagonal[i]] += mass[i];
            }

            found.Solver.Factorize(found.Matrix);
            found.Version = version;
            Factorizations++;
            FactorizationSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return found.Solver;
    }

    private sealed class Entry(double shift, ISymmetricSolver solver, CsrMatrix matrix)
    {
        public double Shift { get; } = shift;

        public ISymmetricSolver Solver { get; } = solver;

        public CsrMatrix Matrix { get; } = matrix;

        public int Version { get; set; }
    }
}
