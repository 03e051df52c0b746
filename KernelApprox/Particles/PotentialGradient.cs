namespace PdeFlows.KernelApprox.Particles;

/// <summary>Writes ∇V(<paramref name="point"/>) into <paramref name="gradient"/> (length d).</summary>
/// <param name="point">x.</param>
/// <param name="gradient">Destination for ∇V(x).</param>
public delegate void PotentialGradient(ReadOnlySpan<double> point, Span<double> gradient);
