using System.Globalization;
using System.Text;

namespace PdeFlows.Verification.Convergence;

/// <summary>Renders a <see cref="ConvergenceTable"/> as a LaTeX booktabs tabular (numbers as $1.23 \cdot 10^{-4}$).</summary>
internal static class ConvergenceTableLatex
{
    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["h"] = "$h$", ["τ"] = @"$\tau$", ["λ"] = @"$\lambda$", ["σ"] = @"$\sigma$", ["N"] = "$N$",
        ["L1"] = "$L^1$", ["L2"] = "$L^2$", ["H1"] = "$H^1$",
    };

    public static string Write(ConvergenceTable table)
    {
        var cells = ConvergenceTableCells.From(table, Number, Name);
        var text = new StringBuilder();
        text.Append(@"\begin{tabular}{l").Append('r', cells.ColumnCount - 1).Append("}\n");
        text.Append(@"\toprule").Append('\n');
        AppendRow(text, cells.Heading);
        text.Append(@"\midrule").Append('\n');
        foreach (var row in cells.Body)
        {
            AppendRow(text, row.Select(c => c.Replace(TableNumberFormat.Undefined, "---")).ToArray());
        }

        text.Append(@"\midrule").Append('\n');
        AppendRow(text, cells.Fit.Select(c => c.Replace(TableNumberFormat.Undefined, "---")).ToArray());
        text.Append(@"\bottomrule").Append('\n');
        text.Append(@"\end{tabular}").Append('\n');
        return text.ToString();
    }

    internal static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? @"$\infty$" : @"$-\infty$";
        }

        string scientific = value.ToString("0.00e+00", CultureInfo.InvariantCulture);
        int e = scientific.IndexOf('e');
        int exponent = int.Parse(scientific[(e + 1)..], CultureInfo.InvariantCulture);
        return exponent == 0 ? $"${scientific[..e]}$" : $@"${scientific[..e]} \cdot 10^{{{exponent}}}$";
    }

    private static string Name(string name)
    {
        if (Symbols.TryGetValue(name, out string? symbol))
        {
            return symbol;
        }

        var escaped = new StringBuilder();
        foreach (char c in name)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] row) =>
        text.Append(string.Join(" & ", row)).Append(@" \\").Append('\n');
}
