using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[initial]</c>: the initial density and, optionally, the mass it is scaled to.</summary>
/// <param name="Density">The density expression in the space variables (no <c>t</c>).</param>
/// <param name="Mass">The mass to scale the density to (&gt; 0), or <c>null</c> to use it as given.</param>
public sealed record InitialSection(CompiledExpression Density, double? Mass);
