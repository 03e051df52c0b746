namespace PdeFlows.Flows.Cases;

/// <summary><c>[solver]</c>: the sparse linear solver.</summary>
/// <param name="Linear">The solver (default <c>auto</c>: CHOLMOD when it loads).</param>
public sealed record SolverSection(LinearSolverKind Linear)
{
    /// <summary>The section when it is absent.</summary>
    public static SolverSection Default { get; } = new(LinearSolverKind.Auto);
}
