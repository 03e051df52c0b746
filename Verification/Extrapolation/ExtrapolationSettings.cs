namespace PdeFlows.Verification.Extrapolation;

/// <summary>
/// The assumptions of <see cref="RichardsonExtrapolation"/>: the error of level ℓ behaves like
/// C·h_ℓ^p with h_ℓ = h₀/r^ℓ (refinement ratio r), and which deviations still count as "in the
/// asymptotic range".
/// </summary>
/// <param name="ExpectedOrder">p, the formal order of the discretization (2 for P1 with τ tied to h², math.md §5).</param>
/// <param name="RefinementRatio">r = h_{ℓ−1}/h_ℓ (2 for nested uniform refinements).</param>
/// <param name="OrderTolerance">The largest |p_observed − p| on the finest levels that is still accepted.</param>
/// <param name="RoundOffRelative">The round-off floor relative to the quantity's scale: a last difference at or below it is round-off.</param>
public sealed record ExtrapolationSettings(double ExpectedOrder, double RefinementRatio = 2.0, double OrderTolerance = 0.5, double RoundOffRelative = 1e-11)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">An order ≤ 0, a ratio ≤ 1, a negative tolerance or floor.</exception>
    public void Validate()
    {
        if (!(ExpectedOrder > 0) || !double.IsFinite(ExpectedOrder))
        {
            throw new ArgumentException($"the expected order must be positive, got {ExpectedOrder}");
        }

        if (!(RefinementRatio > 1) || !double.IsFinite(RefinementRatio))
        {
            throw new ArgumentException($"the refinement ratio must be above 1, got {RefinementRatio}");
        }

        if (!(OrderTolerance >= 0) || !(RoundOffRelative >= 0))
        {
            throw new ArgumentException($"the order tolerance and the round-off floor must be ≥ 0, got {OrderTolerance} and {RoundOffRelative}");
        }
    }
}
