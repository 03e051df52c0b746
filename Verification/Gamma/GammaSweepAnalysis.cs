using System.Globalization;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// What a sweep of errors against a parameter going to zero shows (λ, h or 1/N): the local slopes
/// p_k = log(e_k/e_{k−1}) / log(P_k/P_{k−1}) between neighbouring rows, the floor (the first row at
/// which the error stops decreasing by more than a factor 1.5 per decade of the parameter), whether
/// the errors decrease monotonically before it, and the least-squares slope of log e against log P
/// over the rows before the floor. Rates are reported, never assumed (the theorem has none).
/// </summary>
/// <param name="LocalSlopes">p_k for k = 1 … n−1 (NaN where an error is not positive).</param>
/// <param name="FloorIndex">The row of the floor, or null when the errors keep decreasing to the end.</param>
/// <param name="MonotoneBeforeFloor">Whether every error before the floor is below its predecessor.</param>
/// <param name="FittedRate">The least-squares slope over the rows up to the floor (NaN with fewer than two).</param>
public sealed record GammaSweepAnalysis(IReadOnlyList<double> LocalSlopes, int? FloorIndex, bool MonotoneBeforeFloor, double FittedRate)
{
    /// <summary>The factor per decade below which the error is said to have stopped decreasing.</summary>
    public const double FactorPerDecade = 1.5;

    /// <summary>Analyses errors <paramref name="errors"/> at decreasing <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The parameter, decreasing (λ, h, 1/N …).</param>
    /// <param name="errors">The errors.</param>
    /// <returns>The analysis.</returns>
    public static GammaSweepAnalysis Of(IReadOnlyList<double> parameters, IReadOnlyList<double> errors)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        int? floor = null;
        for (int k = 1; k < errors.Count; k++)
        {
            double decades = Math.Log10(parameters[k - 1] / parameters[k]);
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
        double rate = count >= 2 ? ObservedOrder.FittedSlope(parameters.Take(count).ToArray(), errors.Take(count).ToArray()) : double.NaN;
        return new GammaSweepAnalysis(ObservedOrder.Pairwise(parameters, errors).Skip(1).ToArray(), floor, monotone, rate);
    }

    /// <summary>A sentence for the report, with every local slope.</summary>
    /// <param name="parameters">The parameter values.</param>
    /// <param name="metric">The metric's name.</param>
    /// <param name="parameterName">The parameter's name (λ, h, N …).</param>
    /// <returns>The sentence.</returns>
    public string Describe(IReadOnlyList<double> parameters, string metric, string parameterName = "λ")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string slopes = string.Join(", ", LocalSlopes.Select(p => double.IsNaN(p) ? "—" : p.ToString("F2", CultureInfo.InvariantCulture)));
        string floor = FloorIndex is int f
            ? $"floor at {parameterName} = {G(parameters[f])} (less than {FactorPerDecade}× per decade from {parameterName} = {G(parameters[f - 1])})"
            : $"no floor down to {parameterName} = {G(parameters[^1])}";
        string rate = double.IsNaN(FittedRate)
            ? "no fitted rate (fewer than two rows before the floor)"
            : $"least-squares rate {parameterName}^{FittedRate.ToString("F2", CultureInfo.InvariantCulture)} over the rows before it";
        return $"{metric}: local slopes {slopes}; {floor}; {(MonotoneBeforeFloor ? "monotone" : "NOT monotone")} before it; {rate}";
    }

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
