using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// What a λ sweep of errors shows: the floor (the first λ at which the error stops decreasing by
/// more than a factor 1.5 per decade of λ), whether the errors decrease monotonically before it, and
/// the fitted slope of log e against log λ over the rows before the floor (the observed rate,
/// reported, not assumed).
/// </summary>
/// <param name="FloorIndex">The row of the floor, or null when the errors keep decreasing to the end.</param>
/// <param name="MonotoneBeforeFloor">Whether every error before the floor is below its predecessor.</param>
/// <param name="FittedRate">The least-squares slope in λ over the rows up to the floor (NaN with fewer than two).</param>
public sealed record GammaSweepAnalysis(int? FloorIndex, bool MonotoneBeforeFloor, double FittedRate)
{
    /// <summary>The factor per decade below which the error is said to have stopped decreasing.</summary>
    public const double FactorPerDecade = 1.5;

    /// <summary>Analyses errors <paramref name="errors"/> at decreasing <paramref name="lambdas"/>.</summary>
    public static GammaSweepAnalysis Of(IReadOnlyList<double> lambdas, IReadOnlyList<double> errors)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(errors);
        int? floor = null;
        for (int k = 1; k < errors.Count; k++)
        {
            double decades = Math.Log10(lambdas[k - 1] / lambdas[k]);
            double factor = errors[k - 1] / errors[k];
            if (!(factor > Math.Pow(FactorPerDecade, decades)))
            {
                floor = k;
                break;
            }
        }

        int last = floor ?? (errors.Count - 1);
        bool monotone = true;
        for (int k = 1; k <= last && k < errors.Count; k++)
        {
            if (k < last || floor is null)
            {
                monotone &= errors[k] < errors[k - 1];
            }
        }

        int count = floor is int f ? f : errors.Count;
        double rate = count >= 2 ? ObservedOrder.FittedSlope(lambdas.Take(count).ToArray(), errors.Take(count).ToArray()) : double.NaN;
        return new GammaSweepAnalysis(floor, monotone, rate);
    }

    /// <summary>A sentence for the report.</summary>
    public string Describe(IReadOnlyList<double> lambdas, string metric) =>
        (FloorIndex is int f
            ? $"{metric}: floor at λ = {lambdas[f]:G1} (the error fell by less than {FactorPerDecade}× per decade from λ = {lambdas[f - 1]:G1})"
            : $"{metric}: no floor down to λ = {lambdas[^1]:G1}")
        + $"; {(MonotoneBeforeFloor ? "monotone" : "NOT monotone")} before it; "
        + (double.IsNaN(FittedRate) ? "no rate (fewer than two rows before the floor)" : $"fitted rate λ^{FittedRate:F2} over those rows");
}
