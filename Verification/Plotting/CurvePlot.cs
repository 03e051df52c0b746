using ScottPlot;

namespace PdeFlows.Verification.Plotting;

/// <summary>
/// Several named curves on one axis pair, optionally with log10 axes (ScottPlot has no true log
/// axis: log10 of the values is plotted and the ticks read 10^k). The building block of the
/// time-series, convergence and 1D field plots.
/// </summary>
public static class CurvePlot
{
    /// <summary>Builds the plot (not yet saved); curves with no drawable point are skipped, and a plot with none shows "no data".</summary>
    public static Plot Create(IEnumerable<NamedCurve> curves, CurvePlotLabels labels, bool logX = false, bool logY = false, bool markers = false)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = new Plot();
        plot.Title(labels.Title);
        plot.XLabel(labels.X);
        plot.YLabel(labels.Y);
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        int drawn = 0;
        foreach (var curve in curves)
        {
            var (xs, ys) = curve.Drawable(logX, logY);
            if (xs.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = curve.Name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = markers || xs.Length == 1 ? 7 : 0;
            xMin = Math.Min(xMin, xs.Min());
            xMax = Math.Max(xMax, xs.Max());
            yMin = Math.Min(yMin, ys.Min());
            yMax = Math.Max(yMax, ys.Max());
            drawn++;
        }

        if (drawn == 0)
        {
            plot.Add.Annotation("no data");
            return plot;
        }

        if (logX)
        {
            LogAxisTicks.ApplyToBottom(plot, xMin, xMax);
        }

        if (logY)
        {
            LogAxisTicks.ApplyToLeft(plot, yMin, yMax);
        }

        if (drawn > 1 || labels.AlwaysShowLegend)
        {
            plot.ShowLegend();
        }

        return plot;
    }

    /// <summary>Builds the plot and writes it as a PNG of <paramref name="size"/> (default 800 × 600); returns the path.</summary>
    public static string Write(string path, IEnumerable<NamedCurve> curves, CurvePlotLabels labels, bool logX = false, bool logY = false, PlotSize? size = null)
    {
        var plot = Create(curves, labels, logX, logY);
        return PngFile.Save(plot, path, size ?? PlotSize.Default);
    }
}
