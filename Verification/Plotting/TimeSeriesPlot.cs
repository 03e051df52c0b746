namespace PdeFlows.Verification.Plotting;

/// <summary>Several named quantities over time on one axis (optionally log10 in y), e.g. energy, mass and region masses.</summary>
public static class TimeSeriesPlot
{
    /// <summary>Writes the PNG and returns its path; each curve is (name, one value per time).</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The plot title.</param>
    /// <param name="yLabel">The vertical axis label.</param>
    /// <param name="times">The output times.</param>
    /// <param name="curves">Named values, one per time each; non-finite values (and non-positive ones when <paramref name="logY"/>) are left out.</param>
    /// <param name="logY">Plot log10 of the values, ticks labelled 10^k.</param>
    /// <param name="size">Pixel size (default 800 × 600).</param>
    /// <exception cref="ArgumentException">A curve's length differs from the number of times.</exception>
    public static string Write(string path, string title, string yLabel, IReadOnlyList<double> times, IEnumerable<(string Name, IReadOnlyList<double> Values)> curves, bool logY = false, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(curves);
        var named = curves.Select(c => c.Values.Count == times.Count
            ? new NamedCurve(c.Name, times, c.Values)
            : throw new ArgumentException($"'{c.Name}' has {c.Values.Count} values for {times.Count} times", nameof(curves))).ToList();
        return CurvePlot.Write(path, named, new CurvePlotLabels(title, "t", logY ? yLabel + " (log scale)" : yLabel), logY: logY, size: size);
    }
}
