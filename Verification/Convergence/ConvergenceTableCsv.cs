using System.Globalization;
using System.Text;

namespace PdeFlows.Verification.Convergence;

/// <summary>
/// CSV for a <see cref="ConvergenceTable"/>: a header line (parameter name, "dofs", then for each
/// metric its name and "NAME order"), one line per row, numbers in full round-trip precision and the
/// invariant culture, NaN as "NaN", an absent dofs or undefined order as an empty cell. Names never
/// hold commas or quotes, so no quoting is needed. <see cref="Read"/> parses it back.
/// </summary>
public static class ConvergenceTableCsv
{
    private const string OrderSuffix = " order";

    /// <summary>Writes the table as CSV ('\n' line ends).</summary>
    public static string Write(ConvergenceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        var header = new List<string> { table.Parameter.Name, "dofs" };
        foreach (var metric in table.Metrics)
        {
            header.Add(metric.Name);
            header.Add(metric.Name + OrderSuffix);
        }

        text.AppendJoin(',', header).Append('\n');
        var orders = table.Metrics.Select(table.PairwiseOrders).ToArray();
        for (int k = 0; k < table.Rows.Count; k++)
        {
            var row = table.Rows[k];
            var cells = new List<string> { TableNumberFormat.RoundTrip(row.ParameterValue), row.Dofs?.ToString(CultureInfo.InvariantCulture) ?? "" };
            for (int m = 0; m < table.Metrics.Count; m++)
            {
                cells.Add(TableNumberFormat.RoundTrip(row.Errors[m]));
                cells.Add(double.IsFinite(orders[m][k]) ? TableNumberFormat.RoundTrip(orders[m][k]) : "");
            }

            text.AppendJoin(',', cells).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads CSV written by <see cref="Write"/>. Metric names that are standard short names ("L2", "KL" …)
    /// get their kind; others become <see cref="MetricKind.Custom"/>. The order columns are recomputed, not read.
    /// </summary>
    /// <exception cref="FormatException">The header or a line does not have the expected shape, or a number does not parse.</exception>
    public static ConvergenceTable Read(string csv, ParameterKind parameterKind)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new FormatException("empty CSV: expected a header line");
        }

        string[] header = lines[0].Split(',');
        if (header.Length < 4 || header.Length % 2 != 0 || header[1] != "dofs")
        {
            throw new FormatException($"header '{lines[0]}' is not 'PARAMETER,dofs,METRIC,METRIC order,...'");
        }

        var metrics = new List<Metric>();
        for (int c = 2; c < header.Length; c += 2)
        {
            if (header[c + 1] != header[c] + OrderSuffix)
            {
                throw new FormatException($"header column {c + 2} is '{header[c + 1]}', expected '{header[c]}{OrderSuffix}'");
            }

            metrics.Add(MetricFromName(header[c]));
        }

        var table = new ConvergenceTable(new SweptParameter(parameterKind, header[0]), metrics);
        for (int k = 1; k < lines.Count; k++)
        {
            string[] cells = lines[k].Split(',');
            if (cells.Length != header.Length)
            {
                throw new FormatException($"line {k + 1} has {cells.Length} cells, the header {header.Length}");
            }

            long? dofs = cells[1].Length == 0 ? null : long.Parse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
            double[] errors = Enumerable.Range(0, metrics.Count).Select(m => Number(cells[2 + (2 * m)], k)).ToArray();
            table.Add(Number(cells[0], k), dofs, errors);
        }

        return table;
    }

    private static Metric MetricFromName(string name)
    {
        foreach (var kind in Enum.GetValues<MetricKind>().Where(k => k != MetricKind.Custom))
        {
            if (Metric.StandardName(kind) == name)
            {
                return new Metric(kind);
            }
        }

        return Metric.Custom(name);
    }

    private static double Number(string cell, int lineIndex) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"line {lineIndex + 1}: '{cell}' is not a number");
}
