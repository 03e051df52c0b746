using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Flows.Transport;

/// <summary>
/// Factorizations of M + c A for the few shifts c a run needs (τα for implicit Euler, two for
/// TR-BDF2, and the shortened steps before output times), each analyzed and factored once and
/// then reused for every step with the same shift (math.md §5: "factor once").
/// </summary>
internal sealed class ShiftedSystemCache : IDisposable
{
    // Room for the halved steps of a few `strang` rejections (two shifts each) without evicting and refactoring.
    private const int Capacity = 24;

    private readonly double[] mass;
    private readonly CsrMatrix stiffness;
    private readonly LinearSolverKind requested;
    private readonly LinkedList<(double Shift, ISymmetricSolver Solver)> entries = new();

    /// <summary>Creates the cache for the diagonal <paramref name="mass"/> and the stiffness matrix.</summary>
    public ShiftedSystemCache(double[] mass, CsrMatrix stiffness, LinearSolverKind requested)
    {
        this.mass = mass;
        this.stiffness = stiffness;
        this.requested = requested;
        // Decide the backend now (cheap: no factorization), so it can be reported before the first step.
        var probe = LinearSolverFactory.Create(requested);
        Description = probe.Reason;
        probe.Solver.Dispose();
    }

    /// <summary>The backend used and why.</summary>
    public string Description { get; }

    /// <summary>Factorizations computed so far (for the benchmark and the run report).</summary>
    public int Factorizations { get; private set; }

    /// <summary>Seconds spent in analyze + factorize.</summary>
    public double FactorizationSeconds { get; private set; }

    /// <summary>The solver for M + shift·A (factored on first use).</summary>
    public ISymmetricSolver For(double shift)
    {
        for (var node = entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Shift == shift)
            {
                entries.Remove(node);
                entries.AddFirst(node);
                return node.Value.Solver;
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var selection = LinearSolverFactory.Create(requested);
        var matrix = stiffness.Clone();
        Span<double> values = matrix.Values;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] *= shift;
        }

        AddDiagonal(matrix, mass);
        selection.Solver.Analyze(matrix.Pattern);
        selection.Solver.Factorize(matrix);
        Factorizations++;
        FactorizationSeconds += clock.Elapsed.TotalSeconds;
        entries.AddFirst((shift, selection.Solver));
        if (entries.Count > Capacity)
        {
            entries.Last!.Value.Solver.Dispose();
            entries.RemoveLast();
        }

        return selection.Solver;
    }

    /// <summary>Drops every factorization (the stiffness values changed).</summary>
    public void Clear()
    {
        foreach (var (_, solver) in entries)
        {
            solver.Dispose();
        }

        entries.Clear();
    }

    /// <inheritdoc/>
    public void Dispose() => Clear();

    private static void AddDiagonal(CsrMatrix matrix, double[] diagonal)
    {
        Span<double> values = matrix.Values;
        for (int i = 0; i < diagonal.Length; i++)
        {
            values[matrix.Pattern.Find(i, i)] += diagonal[i];
        }
    }
}
