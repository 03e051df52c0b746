using System.Globalization;
using System.Text;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// The findings of a study file's run, generated from its table (so a results page cannot contradict
/// it): per metric the local slopes between neighbouring rows and the least-squares slope (over the
/// expected tail where one is stated), then the verdict of the expected order and of the bound.
/// </summary>
public static class StudyFindings
{
    /// <summary>The findings as Markdown bullet lines.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>The Markdown.</returns>
    public static string Describe(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = result.Table;
        var text = new StringBuilder();
        string parameter = table.Parameter.Name;
        int? tail = result.Definition.Expected?.Tail;
        foreach (Metric metric in table.Metrics)
        {
            double[] orders = [.. table.PairwiseOrders(metric).Skip(1)];
            string slopes = string.Join(", ", orders.Select(p => double.IsNaN(p) ? "—" : p.ToString("F2", CultureInfo.InvariantCulture)));
            double fitted = table.FittedOrder(metric);
            string tailFit = tail is int t && t < table.Rows.Count ? $", over the last {t} rows {table.FittedOrder(metric, t).ToString("F2", CultureInfo.InvariantCulture)}" : "";
            double[] errors = table.Errors(metric);
            text.AppendLine($"- {metric.Name}: {E(errors[0])} → {E(errors[^1])} over {parameter} = {G(table.ParameterValues[0])} … {G(table.ParameterValues[^1])}; local slopes (order in {parameter}) {slopes}; least-squares order {(double.IsNaN(fitted) ? "—" : fitted.ToString("F2", CultureInfo.InvariantCulture))}{tailFit}");
        }

        if (result.Verdict is { } verdict)
        {
            text.AppendLine($"- expected order {G(verdict.Expected)} ± {G(verdict.Tolerance)} in {verdict.Metric.Name}: observed {verdict.Observed.ToString("F2", CultureInfo.InvariantCulture)} — {(verdict.Passed ? "holds" : "MISSED")}");
        }

        if (result.Definition.Expected is { Bound: double bound } expected)
        {
            text.AppendLine(result.BoundFailures.Count == 0
                ? $"- bound: every last-row error of {string.Join(", ", expected.BoundMetrics)} ≤ {E(bound)} — holds"
                : $"- bound MISSED: {string.Join("; ", result.BoundFailures)}");
        }

        return text.ToString();
    }

    private static string E(double value) => value.ToString("E2", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
