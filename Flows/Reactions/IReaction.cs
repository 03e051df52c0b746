namespace PdeFlows.Flows.Reactions;

/// <summary>
/// A reaction (Fisher–Rao-type) operator: a rate per node ρ_i(u) with u̇_i = −u_i ρ_i, and a way to
/// advance the nodal density over a time span. It is the pluggable half of the operator splitting:
/// the kernel module replaces the exact Fisher–Rao reaction by its RKHS projection without
/// touching the transport. The reaction dissipation is always Σ m_i u_i ξ_i ρ_i (the flows compute
/// it from <see cref="IReactionRate.Rate"/>), which for the exact flows is β Σ m_i u_i (ξ_i − c)².
/// </summary>
public interface IReaction : IReactionRate
{
    /// <summary>Advances <paramref name="density"/> in place over <paramref name="duration"/>; keeps it positive.</summary>
    ReactionStepReport Advance(Span<double> density, double duration);
}

/// <summary>What one reaction advance did: internal substeps (1 for closed forms) and rejected substeps.</summary>
/// <param name="Substeps">Accepted internal steps.</param>
/// <param name="Rejected">Rejected internal steps (adaptive integrators only).</param>
public readonly record struct ReactionStepReport(int Substeps, int Rejected)
{
    /// <summary>The report of a closed-form step.</summary>
    public static ReactionStepReport ClosedForm => new(1, 0);
}
