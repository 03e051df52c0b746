using ScottPlot;

namespace PdeFlows.Verification.Plotting;

/// <summary>
/// Heatmaps of sampled fields side by side (up to <see cref="MaximumColumns"/> per row), all on ONE
/// colour scale (the range over every panel unless given), each with square axis units and a
/// colorbar. Pixels outside the mesh (NaN) are transparent. The raster's row 0 is drawn at the
/// top (y = YMax), which is ScottPlot's heatmap convention, so no flip is needed.
/// </summary>
public static class HeatmapPlot
{
    /// <summary>Panels per row.</summary>
    public const int MaximumColumns = 3;

    /// <summary>The colour range shared by the panels: min and max of their finite samples (a unit range around a constant; [0, 1] when all are NaN).</summary>
    public static (double Minimum, double Maximum) SharedRange(IEnumerable<FieldRaster> rasters)
    {
        ArgumentNullException.ThrowIfNull(rasters);
        double minimum = double.PositiveInfinity;
        double maximum = double.NegativeInfinity;
        foreach (var (low, high) in rasters.Select(r => r.Range()).Where(r => !double.IsNaN(r.Minimum)))
        {
            minimum = Math.Min(minimum, low);
            maximum = Math.Max(maximum, high);
        }

        if (!(minimum <= maximum))
        {
            return (0.0, 1.0);
        }

        if (minimum == maximum)
        {
            double half = Math.Max(0.5 * Math.Abs(minimum), 0.5);
            return (minimum - half, maximum + half);
        }

        return (minimum, maximum);
    }

    /// <summary>Builds the panels (not yet saved); <paramref name="range"/> overrides the shared colour range.</summary>
    /// <exception cref="ArgumentException">No panels.</exception>
    public static Multiplot Create(IReadOnlyList<HeatmapPanel> panels, string colorbarLabel, (double Minimum, double Maximum)? range = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("a heatmap plot needs at least one panel", nameof(panels));
        }

        var (minimum, maximum) = range ?? SharedRange(panels.Select(p => p.Raster));
        var multiplot = new Multiplot();
        multiplot.Subplots.RemoveAt(0); // a new Multiplot starts with one empty plot
        foreach (var panel in panels)
        {
            multiplot.Subplots.Add(Panel(panel, colorbarLabel, minimum, maximum));
        }

        var (rows, columns) = Layout(panels.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        return multiplot;
    }

    /// <summary>Writes the PNG and returns its path; the default size (<see cref="DefaultSize"/>) gives each panel 450 pixels across and a height that suits the first raster's aspect ratio.</summary>
    public static string Write(string path, IReadOnlyList<HeatmapPanel> panels, string colorbarLabel, (double Minimum, double Maximum)? range = null, PlotSize? size = null)
    {
        var multiplot = Create(panels, colorbarLabel, range);
        var grid = panels[0].Raster.Grid;
        return PngFile.Save(multiplot, path, size ?? DefaultSize(panels.Count, (grid.YMax - grid.YMin) / (grid.XMax - grid.XMin)));
    }

    /// <summary>
    /// The default image size for <paramref name="panelCount"/> panels of a domain <paramref name="aspectRatio"/>
    /// (height / width) times as high as wide: 450 pixels per column; per row, the data area's height
    /// (about 320 × aspect, within 120…600) plus 90 for the title and axis labels.
    /// </summary>
    public static PlotSize DefaultSize(int panelCount, double aspectRatio = 1.0)
    {
        var (rows, columns) = Layout(panelCount);
        double aspect = double.IsFinite(aspectRatio) && aspectRatio > 0.0 ? aspectRatio : 1.0;
        int rowHeight = (int)Math.Round(Math.Clamp(320.0 * aspect, 120.0, 600.0)) + 90;
        return new PlotSize(450 * columns, rowHeight * rows);
    }

    internal static Plot Panel(HeatmapPanel panel, string colorbarLabel, double minimum, double maximum)
    {
        var plot = new Plot();
        var grid = panel.Raster.Grid;
        var heatmap = plot.Add.Heatmap(panel.Raster.Values);
        heatmap.Rectangle = new CoordinateRect(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(minimum, maximum);
        heatmap.NaNCellColor = Colors.Transparent;
        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = colorbarLabel;
        plot.Title(panel.Title);
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        plot.Axes.SquareUnits();
        return plot;
    }

    private static (int Rows, int Columns) Layout(int panelCount)
    {
        int columns = Math.Clamp(panelCount, 1, MaximumColumns);
        return ((panelCount + columns - 1) / columns, columns);
    }
}
