using System.Diagnostics;
using System.Globalization;
using System.Text;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.References;

namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// A reference of K levels against the same case run <c>extra</c> levels finer: the levels run once,
/// the K-level reference is analyzed on the coarsest K, the truth on all K + extra (Richardson from
/// its two finest levels). Used by the CI acceptance test and by the larger run of the docs.
/// </summary>
internal sealed record ReferenceComparison(ReferenceResult Tested, ReferenceResult Truth, string Table, List<string> Failures, List<double> Ratios, double WallSeconds)
{
    /// <summary>The quantities compared (every quantity of a case without probes, except the minimum density, a minimum over nodes).</summary>
    public static bool Compared(string name) => name is "energy" or "mass" or "edb_defect" or "dissipation" or "mean[0]" or "covariance[0][0]" || name.StartsWith("region.", StringComparison.Ordinal);

    /// <summary>Runs and compares.</summary>
    public static ReferenceComparison Run(string caseText, int levels, int extra)
    {
        var clock = Stopwatch.StartNew();
        var definition = CaseFileLoader.Parse(caseText);
        var fine = ReferencePlan.Create(definition, levels + extra);
        var records = ReferenceRunner.Run(fine);
        var tested = ReferenceAnalysis.Analyze(ReferencePlan.Create(definition, levels), [.. records.Take(levels)], caseText, "case.toml");
        var truth = ReferenceAnalysis.Analyze(fine, records, caseText, "case.toml");
        var (table, failures, ratios) = ReferenceAgreement.Check(tested, (name, time) => Compared(name) ? truth.Entry(name, time).Estimate.Value : null);
        return new ReferenceComparison(tested, truth, table, failures, ratios, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The energy (KL) rows: tested value ± estimate, truth ± its estimate, true error, ratio.</summary>
    public string EnergyTable()
    {
        var text = new StringBuilder("| t | K-level value | estimate | finer value (truth) | its estimate | true error | true / estimate |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var entry in Tested.Entries.Where(e => e.Name == "energy"))
        {
            var exact = Truth.Entry("energy", entry.Time).Estimate;
            var e = entry.Estimate;
            double error = Math.Abs(e.Value - exact.Value);
            text.Append(CultureInfo.InvariantCulture, $"| {entry.Time:G4} | {e.Value:R} | {e.EstimatedError:E2} | {exact.Value:R} | {exact.EstimatedError:E2} | {error:E2} | {error / e.EstimatedError:F3} |\n");
        }

        return text.ToString();
    }
}
