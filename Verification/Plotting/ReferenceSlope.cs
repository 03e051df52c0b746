using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Plotting;

/// <summary>A dashed reference line of slope <paramref name="Order"/> in a convergence plot, drawn through the first usable point of <paramref name="Anchor"/>, scaled by <paramref name="Offset"/> so that it runs beside the data.</summary>
/// <param name="Order">The expected order p (e ∝ P^p).</param>
/// <param name="Anchor">The metric whose first usable point fixes the line's height.</param>
/// <param name="Offset">Multiplies the anchor error (0.5: half a factor below the data).</param>
public sealed record ReferenceSlope(double Order, Metric Anchor, double Offset = 0.5);
