using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// <c>[target]</c>: exactly one of <c>potential</c> V (π ∝ e^{-V}) or <c>density</c> π (up to a
/// constant), an expression in the space variables only (no <c>t</c>).
/// </summary>
/// <param name="Kind">Which of the two keys was given.</param>
/// <param name="Expression">The compiled expression.</param>
public sealed record TargetSection(TargetKind Kind, CompiledExpression Expression)
{
    /// <summary>The dotted key the expression came from: <c>target.potential</c> or <c>target.density</c>.</summary>
    public string KeyPath => Kind == TargetKind.Potential ? CaseKeys.Target.Potential.Path : CaseKeys.Target.Density.Path;
}
