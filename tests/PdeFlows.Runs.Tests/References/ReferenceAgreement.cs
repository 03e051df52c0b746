using System.Globalization;
using System.Text;
using PdeFlows.Runs.References;
using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// Compares a reference with true values and checks the claim of its error estimates: for every
/// extrapolated entry whose estimate is above the round-off floor, 0.1 ≤ |value − truth|/estimate ≤ 3
/// (the definition of an honest estimate); for an estimate at the floor (converged to
/// round-off, or nothing left to extrapolate) only |value − truth| ≤ 3·estimate, since a floor is a
/// size, not a sharp estimate. Entries not in the asymptotic range claim nothing and are listed.
/// </summary>
internal static class ReferenceAgreement
{
    /// <summary>The lowest and highest allowed true/estimate ratio.</summary>
    public const double Lowest = 0.1, Highest = 3.0;

    /// <summary>Checks every entry that has a truth; returns the table (for the test output) and the failures.</summary>
    public static (string Table, List<string> Failures, List<double> Ratios) Check(ReferenceResult result, Func<string, double, double?> truth)
    {
        var table = new StringBuilder("| quantity | t | status | value | truth | true error | estimate | ratio |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        var failures = new List<string>();
        var ratios = new List<double>();
        foreach (ReferenceEntry entry in result.Entries)
        {
            if (truth(entry.Name, entry.Time) is not double exact)
            {
                continue;
            }

            var e = entry.Estimate;
            double error = Math.Abs(e.Value - exact);
            string ratioText = "—";
            if (e.EstimatedError is double estimate)
            {
                double ratio = error / estimate;
                ratioText = ratio.ToString("F2", CultureInfo.InvariantCulture);
                bool atFloor = estimate <= e.RoundOffFloor * (1 + 1e-12);
                if (!atFloor)
                {
                    ratios.Add(ratio);
                }

                if (ratio > Highest || (!atFloor && ratio < Lowest))
                {
                    failures.Add($"{entry.Name} at t = {entry.Time}: true error {error:E2}, estimate {estimate:E2}, ratio {ratio:F3} outside [{(atFloor ? 0 : Lowest)}, {Highest}]");
                }
            }

            table.Append(CultureInfo.InvariantCulture, $"| {entry.Name} | {entry.Time:G4} | {ReferenceJson.StatusName(e.Status)} | {e.Value:R} | {exact:R} | {error:E2} | {e.EstimatedError:E2} | {ratioText} |\n");
        }

        return (table.ToString(), failures, ratios);
    }

    /// <summary>The entries of <paramref name="name"/> at positive times that were not extrapolated (should be none for the main quantities).</summary>
    public static List<string> NotExtrapolated(ReferenceResult result, string name) =>
        [.. result.Entries.Where(e => e.Name == name && e.Time > 0 && e.Estimate.Status != ExtrapolationStatus.Extrapolated)
            .Select(e => $"{e.Name} at t = {e.Time}: {ReferenceJson.StatusName(e.Estimate.Status)} ({e.Estimate.Reason})")];
}
