namespace PdeFlows.Verification.Plotting;

/// <summary>
/// A regular grid of pixels over the rectangle [XMin, XMax] × [YMin, YMax], in image order:
/// row 0 is the TOP row (y near YMax), as ScottPlot's heatmap draws it, and column 0 the left one.
/// Pixel (row i, column j) samples its centre.
/// </summary>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge, greater than <paramref name="XMin"/>.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge, greater than <paramref name="YMin"/>.</param>
/// <param name="Columns">Pixels across, positive.</param>
/// <param name="Rows">Pixels down, positive.</param>
public readonly record struct RasterGrid(double XMin, double XMax, double YMin, double YMax, int Columns, int Rows)
{
    /// <summary>Pixel width.</summary>
    public double PixelWidth => (XMax - XMin) / Columns;

    /// <summary>Pixel height.</summary>
    public double PixelHeight => (YMax - YMin) / Rows;

    /// <summary>The x of the centre of column <paramref name="column"/>.</summary>
    public double CentreX(int column) => XMin + ((column + 0.5) * PixelWidth);

    /// <summary>The y of the centre of row <paramref name="row"/> (row 0 at the top).</summary>
    public double CentreY(int row) => YMax - ((row + 0.5) * PixelHeight);

    /// <summary>A grid over the rectangle with <paramref name="resolution"/> pixels along its longer side and square pixels (as nearly as whole numbers allow).</summary>
    /// <exception cref="ArgumentException">The rectangle is empty or not finite, or the resolution is below 2.</exception>
    public static RasterGrid Fit(double xMin, double xMax, double yMin, double yMax, int resolution)
    {
        if (!(xMax > xMin) || !(yMax > yMin) || !double.IsFinite(xMax - xMin) || !double.IsFinite(yMax - yMin) || resolution < 2)
        {
            throw new ArgumentException($"cannot rasterize [{xMin}, {xMax}] × [{yMin}, {yMax}] at resolution {resolution}");
        }

        double width = xMax - xMin;
        double height = yMax - yMin;
        int columns = width >= height ? resolution : Math.Max(2, (int)Math.Round(resolution * width / height));
        int rows = height >= width ? resolution : Math.Max(2, (int)Math.Round(resolution * height / width));
        return new RasterGrid(xMin, xMax, yMin, yMax, columns, rows);
    }

    /// <summary>The columns whose centres lie in [<paramref name="x0"/>, <paramref name="x1"/>], clamped to the grid (empty when none).</summary>
    internal (int First, int Last) ColumnsCovering(double x0, double x1) =>
        (Math.Max(0, (int)Math.Ceiling(((x0 - XMin) / PixelWidth) - 0.5)), Math.Min(Columns - 1, (int)Math.Floor(((x1 - XMin) / PixelWidth) - 0.5)));

    /// <summary>The rows whose centres lie in [<paramref name="y0"/>, <paramref name="y1"/>], clamped to the grid (row 0 at the top).</summary>
    internal (int First, int Last) RowsCovering(double y0, double y1) =>
        (Math.Max(0, (int)Math.Ceiling(((YMax - y1) / PixelHeight) - 0.5)), Math.Min(Rows - 1, (int)Math.Floor(((YMax - y0) / PixelHeight) - 0.5)));
}
