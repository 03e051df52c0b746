namespace PdeFlows.Flows.TimeStepping;

/// <summary>
/// The transport (Wasserstein) half of the splitting: advances the nodal density over a step by a
/// linear implicit method and reports the transport part of the discrete dissipation.
/// </summary>
public interface ITransport
{
    /// <summary>Advances <paramref name="density"/> in place from <paramref name="time"/> over <paramref name="step"/> (the time matters only for a source term).</summary>
    void Advance(Span<double> density, double time, double step, TransportMethod method);

    /// <summary>The transport dissipation α Σ_{i&lt;j} (−A_ij)(g_i − g_j)(ξ_i − ξ_j) at <paramref name="density"/>.</summary>
    double Dissipation(ReadOnlySpan<double> density);
}

/// <summary>The time discretization of one transport step.</summary>
public enum TransportMethod
{
    /// <summary>Implicit Euler (first order, positivity-preserving on M-matrices).</summary>
    ImplicitEuler,

    /// <summary>TR-BDF2 (second order, L-stable; positivity checked by the caller).</summary>
    TrBdf2,
}
