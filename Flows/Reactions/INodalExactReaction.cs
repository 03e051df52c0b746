namespace PdeFlows.Flows.Reactions;

/// <summary>
/// A closed-form nodal reaction that can advance out of place and reuse ℓ_i = log(u_i/π_i) computed
/// by the step diagnostics of the same density (saving one logarithm per node and step), and that
/// reports positivity from the same pass. The splitting solver uses it when the reaction offers it.
/// </summary>
public interface INodalExactReaction
{
    /// <summary>
    /// Writes the density advanced over <paramref name="duration"/> from <paramref name="from"/> into
    /// <paramref name="to"/> (which may be the same memory); returns whether every value is positive and finite.
    /// </summary>
    /// <param name="from">Density at the start.</param>
    /// <param name="to">Density at the end.</param>
    /// <param name="logRatio">log(from_i/π_i) if known (bitwise what the reaction would compute), else empty.</param>
    /// <param name="duration">The time span s.</param>
    bool Advance(ReadOnlySpan<double> from, Span<double> to, ReadOnlySpan<double> logRatio, double duration);
}
