using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[solver]</c>: the sparse linear solver and the tolerance of the adaptive reaction integrator.</summary>
/// <param name="Linear">The solver (default <c>auto</c>: CHOLMOD when it loads).</param>
/// <param name="ReactionTolerance">Local error tolerance on log u of the adaptive reaction integrator, &gt; 0 (default 1e-11).</param>
public sealed record SolverSection(LinearSolverKind Linear, double ReactionTolerance)
{
    /// <summary>The section when it is absent: every key at its default.</summary>
    public static SolverSection Default { get; } = new(CaseKeys.Solver.Linear.Default!.Value, CaseKeys.Solver.ReactionTolerance.Default!.Value);
}
