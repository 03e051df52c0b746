namespace PdeFlows.Flows.Transport;

/// <summary>Which weight the transport stiffness A_ij = ∫ w ∇φ_i·∇φ_j carries.</summary>
public enum TransportMobility
{
    /// <summary>KL: ∂ₜ(πg) = α∇·(π∇g), w = π (fixed; A factored once per step size).</summary>
    Target,

    /// <summary>χ²: ∂ₜ(πg) = α∇·(u∇g), w = u from the previous step (linearly implicit; refactored every step, first order in time).</summary>
    PreviousDensity,
}
