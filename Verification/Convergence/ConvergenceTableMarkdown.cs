using System.Text;

namespace PdeFlows.Verification.Convergence;

/// <summary>Renders a <see cref="ConvergenceTable"/> as a GitHub-flavoured Markdown table with aligned columns (first column left-aligned, the others right-aligned).</summary>
internal static class ConvergenceTableMarkdown
{
    public static string Write(ConvergenceTable table)
    {
        var cells = ConvergenceTableCells.From(table, TableNumberFormat.Scientific, name => name);
        var all = new List<string[]> { cells.Heading };
        all.AddRange(cells.Body);
        all.Add(cells.Fit);
        int[] widths = Enumerable.Range(0, cells.ColumnCount).Select(c => Math.Max(3, all.Max(r => r[c].Length))).ToArray();

        var text = new StringBuilder();
        if (table.Title is not null)
        {
            text.Append("**").Append(table.Title).Append("**").Append('\n').Append('\n');
        }

        AppendRow(text, cells.Heading, widths);
        text.Append('|');
        for (int c = 0; c < widths.Length; c++)
        {
            text.Append(' ').Append(c == 0 ? new string('-', widths[c]) : new string('-', widths[c] - 1) + ":").Append(" |");
        }

        text.Append('\n');
        foreach (var row in cells.Body)
        {
            AppendRow(text, row, widths);
        }

        AppendRow(text, cells.Fit, widths);
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] row, int[] widths)
    {
        text.Append('|');
        for (int c = 0; c < row.Length; c++)
        {
            string cell = c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]);
            text.Append(' ').Append(cell).Append(" |");
        }

        text.Append('\n');
    }
}
