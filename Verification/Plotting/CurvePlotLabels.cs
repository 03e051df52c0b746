namespace PdeFlows.Verification.Plotting;

/// <summary>The texts of a curve plot.</summary>
/// <param name="Title">The title above the plot.</param>
/// <param name="X">The horizontal axis label.</param>
/// <param name="Y">The vertical axis label.</param>
/// <param name="AlwaysShowLegend">Show the legend even for a single curve.</param>
public sealed record CurvePlotLabels(string Title, string X, string Y, bool AlwaysShowLegend = false);
