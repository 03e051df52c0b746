namespace PdeFlows.Verification.Plotting;

/// <summary>
/// A nodal field sampled on a <see cref="RasterGrid"/>: <see cref="Values"/>[row, column] with row 0
/// the top row (ScottPlot's heatmap convention); NaN where the pixel centre lies outside the mesh.
/// </summary>
/// <param name="Grid">The pixel grid.</param>
/// <param name="Values">Rows × Columns samples.</param>
public sealed record FieldRaster(RasterGrid Grid, double[,] Values)
{
    /// <summary>The smallest and largest finite sample (NaN, NaN when there is none).</summary>
    public (double Minimum, double Maximum) Range()
    {
        double minimum = double.PositiveInfinity;
        double maximum = double.NegativeInfinity;
        foreach (double value in Values)
        {
            if (double.IsFinite(value))
            {
                minimum = Math.Min(minimum, value);
                maximum = Math.Max(maximum, value);
            }
        }

        return minimum <= maximum ? (minimum, maximum) : (double.NaN, double.NaN);
    }
}
