namespace PdeFlows.Verification.Convergence;

/// <summary>
/// The cells shared by the Markdown and LaTeX renderings: a heading row (parameter, dofs, then for each
/// metric its name and "order"), one row per run, and a last row with the least-squares slopes.
/// </summary>
internal sealed record ConvergenceTableCells(string[] Heading, List<string[]> Body, string[] Fit)
{
    public const string FitLabel = "LS fit";

    public int ColumnCount => Heading.Length;

    public static ConvergenceTableCells From(ConvergenceTable table, Func<double, string> value, Func<string, string> name)
    {
        var heading = new List<string> { name(table.Parameter.Name), "dofs" };
        foreach (var metric in table.Metrics)
        {
            heading.Add(name(metric.Name));
            heading.Add("order");
        }

        var orders = table.Metrics.Select(table.PairwiseOrders).ToArray();
        var body = new List<string[]>();
        for (int k = 0; k < table.Rows.Count; k++)
        {
            var row = table.Rows[k];
            var cells = new List<string> { value(row.ParameterValue), TableNumberFormat.Dofs(row.Dofs) };
            for (int m = 0; m < table.Metrics.Count; m++)
            {
                cells.Add(value(row.Errors[m]));
                cells.Add(TableNumberFormat.Order(orders[m][k]));
            }

            body.Add([.. cells]);
        }

        var fit = new List<string> { FitLabel, "" };
        foreach (var metric in table.Metrics)
        {
            fit.Add("");
            fit.Add(TableNumberFormat.Order(table.FittedOrder(metric)));
        }

        return new ConvergenceTableCells([.. heading], body, [.. fit]);
    }
}
