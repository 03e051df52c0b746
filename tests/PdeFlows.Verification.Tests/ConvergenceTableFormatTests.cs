using System.Globalization;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Tests;

public class ConvergenceTableFormatTests
{
    [Fact]
    public void MarkdownHasAlignedColumnsAndOneLinePerRowPlusTheFit()
    {
        var table = StudyTables.PoissonLike(title: null);
        string[] lines = table.ToMarkdown().TrimEnd('\n').Split('\n');
        int columns = 2 + (2 * table.Metrics.Count);
        Assert.Equal(2 + table.Rows.Count + 1, lines.Length); // heading, separator, rows, fit
        Assert.All(lines, line => Assert.Equal(columns + 1, line.Count(c => c == '|')));
        Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
        Assert.Matches(@"^\| -+ \| -+: \|", lines[1]);
        Assert.Equal(["h", "dofs", "L2", "order", "H1", "order"], lines[0].Trim('|').Split('|').Select(c => c.Trim()));
        Assert.Equal(["2.50e-01", "16", "1.94e-02", "—", "4.25e-01", "—"], Cells(lines[2]));
        Assert.Equal(["1.40e-01", "51", "6.08e-03", "2.00", "2.38e-01", "1.00"], Cells(lines[3]));
        Assert.Equal(["LS fit", "", "", "2.00", "", "1.00"], Cells(lines[^1]));
    }

    [Fact]
    public void MarkdownTitleComesFirst()
    {
        string markdown = StudyTables.PoissonLike("my study").ToMarkdown();
        Assert.StartsWith("**my study**\n\n| h", markdown);
    }

    [Fact]
    public void CsvRoundTripsEveryNumberBitForBit()
    {
        var table = StudyTables.PoissonLike();
        table.Add(0.011, null, double.NaN, 2.0 / 3.0);
        string csv = table.ToCsv();
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("h,dofs,L2,L2 order,H1,H1 order", lines[0]);
        Assert.Equal(table.Rows.Count + 1, lines.Length);
        Assert.All(lines, line => Assert.Equal(6, line.Split(',').Length));

        // parse by hand
        for (int k = 0; k < table.Rows.Count; k++)
        {
            string[] cells = lines[k + 1].Split(',');
            Assert.Equal(table.Rows[k].ParameterValue, double.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(table.Rows[k].Errors[0], double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(table.Rows[k].Errors[1], double.Parse(cells[4], CultureInfo.InvariantCulture));
        }

        Assert.Equal("", lines[^1].Split(',')[1]); // no dofs
        Assert.Equal("", lines[^1].Split(',')[3]); // undefined order after NaN

        // and with the reader
        var back = ConvergenceTableCsv.Read(csv, ParameterKind.MeshSize);
        Assert.Equal(table.Metrics, back.Metrics);
        Assert.Equal(table.Rows.Count, back.Rows.Count);
        for (int k = 0; k < table.Rows.Count; k++)
        {
            Assert.Equal(table.Rows[k].ParameterValue, back.Rows[k].ParameterValue);
            Assert.Equal(table.Rows[k].Dofs, back.Rows[k].Dofs);
            Assert.Equal(table.Rows[k].Errors, back.Rows[k].Errors);
        }

        Assert.Equal(csv, back.ToCsv());
    }

    [Fact]
    public void CsvReaderRejectsMalformedInput()
    {
        Assert.Throws<FormatException>(() => ConvergenceTableCsv.Read("", ParameterKind.MeshSize));
        Assert.Throws<FormatException>(() => ConvergenceTableCsv.Read("h,dofs,L2,order\n", ParameterKind.MeshSize));
        Assert.Throws<FormatException>(() => ConvergenceTableCsv.Read("h,dofs,L2,L2 order\n0.1,,x,\n", ParameterKind.MeshSize));
        Assert.Throws<FormatException>(() => ConvergenceTableCsv.Read("h,dofs,L2,L2 order\n0.1,,1\n", ParameterKind.MeshSize));
    }

    [Fact]
    public void LatexIsABooktabsTabularWithOneLinePerRow()
    {
        var table = StudyTables.PoissonLike();
        string latex = table.ToLatex();
        string[] lines = latex.TrimEnd('\n').Split('\n');
        Assert.Equal(@"\begin{tabular}{lrrrrr}", lines[0]);
        Assert.Equal(@"\toprule", lines[1]);
        Assert.Equal(@"\end{tabular}", lines[^1]);
        Assert.Equal(@"\bottomrule", lines[^2]);
        var rows = lines.Where(l => l.EndsWith(@" \\", StringComparison.Ordinal)).ToList();
        Assert.Equal(1 + table.Rows.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.Split(" & ").Length - 1));
        Assert.Equal(@"$h$ & dofs & $L^2$ & order & $H^1$ & order \\", rows[0]);
        Assert.StartsWith(@"$2.50 \cdot 10^{-1}$ & 16 & $1.94 \cdot 10^{-2}$ & --- & ", rows[1]);
        Assert.Equal(2, lines.Count(l => l == @"\midrule"));
        Assert.DoesNotContain("—", latex);
    }

    [Fact]
    public void LatexEscapesCustomNames()
    {
        var table = new ConvergenceTable(new SweptParameter(ParameterKind.Other, "n_steps"), [Metric.Custom("error 50%")]);
        table.Add(10, null, 1.0);
        string latex = table.ToLatex();
        Assert.Contains(@"n\_steps & dofs & error 50\% & order \\", latex);
        Assert.Contains("$1.00$", latex);
    }

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
