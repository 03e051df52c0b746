namespace PdeFlows.Verification.Convergence;

/// <summary>
/// One run of a convergence study: the swept parameter's value, the number of degrees of freedom
/// (null when it does not apply) and the error of each metric (NaN when not measured or failed).
/// </summary>
/// <param name="ParameterValue">The value of the swept parameter (h, τ, λ, N …).</param>
/// <param name="Dofs">Degrees of freedom, or null.</param>
/// <param name="Errors">The value of each metric of the table, in the table's metric order.</param>
public sealed record ConvergenceRow(double ParameterValue, long? Dofs, IReadOnlyList<double> Errors);
