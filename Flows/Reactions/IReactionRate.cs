namespace PdeFlows.Flows.Reactions;

/// <summary>A reaction rate per node: u̇_i = −u_i ρ_i(u).</summary>
public interface IReactionRate
{
    /// <summary>Writes ρ_i(u) for the current density.</summary>
    void Rate(ReadOnlySpan<double> density, Span<double> rate);
}
