using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[flow]</c>: which gradient flow of which energy, with its weights.</summary>
/// <param name="Kind">The flow (required).</param>
/// <param name="Energy">The energy (default <c>kl</c>).</param>
/// <param name="Alpha">Transport weight, ≥ 0 (default 1); &gt; 0 for <c>w</c>.</param>
/// <param name="Beta">Reaction weight, ≥ 0 (default 1); &gt; 0 for <c>fr</c>, <c>sfr</c>; not both zero.</param>
/// <param name="Reaction">How the reaction is computed (default <c>exact</c>); others need <c>[kernel]</c> and a flow with a reaction part.</param>
/// <param name="Source">Optional source term f(x, y, z, t) for manufactured solutions.</param>
/// <param name="Epsilon">Regularization of the <c>mmd</c> reaction, &gt; 0 (default 1e-6).</param>
public sealed record FlowSection(
    FlowKind Kind,
    EnergyKind Energy,
    double Alpha,
    double Beta,
    ReactionKind Reaction,
    CompiledExpression? Source,
    double Epsilon)
{
    /// <summary>Whether the kind names a transport (Wasserstein) part: <c>w</c>, <c>wfr</c>, <c>swfr</c>.</summary>
    public bool KindHasTransport => Kind is FlowKind.Wasserstein or FlowKind.WassersteinFisherRao or FlowKind.SphericalWassersteinFisherRao;

    /// <summary>Whether the kind names a reaction (Fisher–Rao) part: all kinds but <c>w</c>.</summary>
    public bool KindHasReaction => Kind != FlowKind.Wasserstein;

    /// <summary>
    /// Whether the flow moves by transport: the kind has a transport part and α &gt; 0. With α = 0 a
    /// <c>wfr</c> / <c>swfr</c> flow is the reaction-only flow <c>fr</c> / <c>sfr</c> (the transport
    /// term α∇·(u∇ξ) vanishes), so the solver is built without a transport part.
    /// </summary>
    public bool HasTransport => KindHasTransport && Alpha > 0;

    /// <summary>
    /// Whether the flow moves by reaction: the kind has a reaction part and β &gt; 0. With β = 0 a
    /// <c>wfr</c> / <c>swfr</c> flow is the transport-only flow <c>w</c>.
    /// </summary>
    public bool HasReaction => KindHasReaction && Beta > 0;

    /// <summary>Whether the reaction is the mass-preserving (spherical) one: <c>sfr</c>, <c>swfr</c>.</summary>
    public bool IsSpherical => Kind is FlowKind.SphericalFisherRao or FlowKind.SphericalWassersteinFisherRao;
}
