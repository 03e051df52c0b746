using System.Globalization;
using System.Text;
using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Runs.References;

/// <summary>
/// The Markdown and CSV tables of a reference. Neither holds a wall-clock time, so a reference
/// merged from shards gives the same bytes as one run in one process.
/// </summary>
public static class ReferenceTables
{
    /// <summary>The Markdown page: provenance, levels, notes and one row per quantity and time.</summary>
    /// <param name="result">The reference.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(ReferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Provenance;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"**Reference: {p.CaseName}** — case `{p.CaseFile}` (SHA-256 `{p.CaseSha256}`), PdeFlows {p.Code.Version}{(p.Code.GitCommit is { } c ? $" (commit {c})" : "")}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{result.Levels.Count} levels, h halved and τ divided by 2^({p.SpaceOrder}/{p.TimeOrder}) per level (scheme {p.Scheme}); expected order {result.Settings.ExpectedOrder:G3} in h. ")
            + "Value: Richardson extrapolation of the two finest levels; estimated error: |R[K−1] − R[K−2]|/(2^(p+1) − 1) (docs/reference-solutions.md).");
        text.AppendLine();
        text.AppendLine("| level | h | τ | nodes | cells | steps | rejected |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var level in result.Levels)
        {
            text.AppendLine(Invariant($"| {level.Level} | {Scientific(level.H, 4)} | {Scientific(level.Step, 4)} | {level.Nodes} | {level.Cells} | {level.Steps} | {level.RejectedSteps} |"));
        }

        if (result.Notes.Count > 0)
        {
            text.AppendLine();
            foreach (string note in result.Notes)
            {
                text.AppendLine($"- note: {note}");
            }
        }

        text.AppendLine();
        text.AppendLine("| quantity | t | value | estimated error | observed order | status |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var entry in result.Entries)
        {
            var e = entry.Estimate;
            string order = double.IsFinite(e.ObservedOrder) ? e.ObservedOrder.ToString("F2", CultureInfo.InvariantCulture) : "—";
            string error = e.EstimatedError is double x ? Scientific(x, 2) : "—";
            text.AppendLine(Invariant($"| {entry.Name} | {entry.Time:G6} | {Value(e)} | {error} | {order} | {ReferenceJson.StatusName(e.Status)} |"));
        }

        return text.ToString();
    }

    /// <summary>The CSV table: one line per quantity and time, full precision (round-trip), level values last.</summary>
    /// <param name="result">The reference.</param>
    /// <returns>The CSV text.</returns>
    public static string Csv(ReferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("quantity,time,status,value,estimated_error,observed_order,remainder_order,finest_value");
        foreach (var level in result.Levels)
        {
            text.Append(Invariant($",level_{level.Level}"));
        }

        text.AppendLine();
        foreach (var entry in result.Entries)
        {
            var e = entry.Estimate;
            text.Append(entry.Name).Append(',').Append(R(entry.Time)).Append(',').Append(ReferenceJson.StatusName(e.Status)).Append(',')
                .Append(R(e.Value)).Append(',').Append(e.EstimatedError is double x ? R(x) : "").Append(',')
                .Append(R(e.ObservedOrder)).Append(',').Append(R(e.RemainderOrder)).Append(',').Append(R(e.FinestValue));
            foreach (double value in entry.LevelValues)
            {
                text.Append(',').Append(R(value));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>How many entries ended in each status, in one line ("38 extrapolated, 10 converged to round-off").</summary>
    /// <param name="result">The reference.</param>
    /// <returns>The line.</returns>
    public static string StatusCounts(ReferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(", ", result.Entries.GroupBy(e => e.Estimate.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ReferenceJson.StatusName(g.Key)}"))
            + (result.Entries.Any(e => e.Estimate.Status == ExtrapolationStatus.NotAsymptotic) ? " (no error estimate for those: add a level or refine the case)" : "");
    }

    /// <summary>The value with the digits its error estimate justifies, plus one guard digit (3 to 15 significant digits; 6 without an estimate).</summary>
    private static string Value(ExtrapolationEstimate estimate)
    {
        double value = estimate.Value;
        int digits = 6;
        if (estimate.EstimatedError is double error && error > 0 && value != 0)
        {
            digits = (int)Math.Floor(Math.Log10(Math.Abs(value))) - (int)Math.Floor(Math.Log10(error)) + 1;
        }

        return Scientific(value, Math.Clamp(digits, 3, 15));
    }

    /// <summary><paramref name="value"/> with <paramref name="significant"/> significant digits, as 1.234e-05.</summary>
    private static string Scientific(double value, int significant) =>
        value.ToString("0." + new string('0', significant - 1) + "e+00", CultureInfo.InvariantCulture);

    private static string R(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
