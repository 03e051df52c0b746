using System.Globalization;
using PdeFlows.Verification.Convergence;
using ScottPlot;

namespace PdeFlows.Verification.Plotting;

/// <summary>
/// A log-log convergence plot of a <see cref="ConvergenceTable"/>: log10 of the parameter against
/// log10 of each metric (one series with markers per metric; zero, negative or NaN errors are left
/// out), ticks labelled 10^k, and dashed reference lines of the expected orders.
/// </summary>
public static class ConvergencePlot
{
    /// <summary>Builds the plot (not yet saved).</summary>
    public static Plot Create(ConvergenceTable table, IEnumerable<ReferenceSlope>? references = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] parameters = table.ParameterValues;
        var curves = table.Metrics.Select(m => new NamedCurve(m.Name, parameters, table.Errors(m))).ToList();
        foreach (var reference in references ?? [])
        {
            if (ReferenceCurve(table, reference) is NamedCurve line)
            {
                curves.Add(line);
            }
        }

        string title = table.Title ?? "convergence in " + table.Parameter.Name;
        var plot = CurvePlot.Create(curves, new CurvePlotLabels(title, table.Parameter.Name, "error", AlwaysShowLegend: true), logX: true, logY: true, markers: true);
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        foreach (var scatter in scatters.Where(s => s.LegendText.StartsWith("slope ", StringComparison.Ordinal)))
        {
            scatter.LinePattern = LinePattern.Dashed;
            scatter.MarkerSize = 0;
            scatter.Color = Colors.Gray;
        }

        return plot;
    }

    /// <summary>Writes the PNG (default 800 × 600) and returns its path.</summary>
    public static string Write(ConvergenceTable table, string path, IEnumerable<ReferenceSlope>? references = null, PlotSize? size = null) =>
        PngFile.Save(Create(table, references), path, size ?? PlotSize.Default);

    private static NamedCurve? ReferenceCurve(ConvergenceTable table, ReferenceSlope reference)
    {
        double[] parameters = table.ParameterValues;
        double[] errors = table.Errors(reference.Anchor);
        int anchor = Enumerable.Range(0, parameters.Length).FirstOrDefault(k => ObservedOrder.IsUsable(parameters[k], errors[k]), -1);
        if (anchor < 0 || !double.IsFinite(reference.Order))
        {
            return null;
        }

        double low = parameters.Min();
        double high = parameters.Max();
        double Value(double p) => reference.Offset * errors[anchor] * Math.Pow(p / parameters[anchor], reference.Order);
        string name = $"slope {reference.Order.ToString("0.##", CultureInfo.InvariantCulture)}";
        return new NamedCurve(name, [low, high], [Value(low), Value(high)]);
    }
}
