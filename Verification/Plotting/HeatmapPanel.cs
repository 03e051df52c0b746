namespace PdeFlows.Verification.Plotting;

/// <summary>One titled heatmap panel (e.g. "t = 0.5").</summary>
/// <param name="Title">The panel title.</param>
/// <param name="Raster">The sampled field.</param>
public sealed record HeatmapPanel(string Title, FieldRaster Raster);
