using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Runs.Demo;

/// <summary>The demo's PNG pictures, each written from <see cref="DemoRun"/>s and returned as its full path.</summary>
public static class DemoFigures
{
    /// <summary>
    /// Density snapshots of the three flows side by side, one row per flow and one column per time,
    /// all heatmaps on one colour scale; <paramref name="range"/> is that scale.
    /// </summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="flows">(label, run) per row; the runs share one mesh.</param>
    /// <param name="times">The times shown (at most three, the nearest output time of each is taken).</param>
    /// <param name="range">The shared colour range.</param>
    /// <returns>The written path.</returns>
    public static string Snapshots(string path, IReadOnlyList<(string Label, DemoRun Run)> flows, IReadOnlyList<double> times, (double Minimum, double Maximum) range)
    {
        var sampler = RasterSampler.ForTriangles(flows[0].Run.Mesh);
        var panels = new List<HeatmapPanel>();
        foreach (var (label, run) in flows)
        {
            foreach (double time in times.Take(HeatmapPlot.MaximumColumns))
            {
                int k = run.OutputIndex(time);
                panels.Add(new HeatmapPanel($"{label}, t = {run.Times[k]:G3}", sampler.Sample(run.Record.Rows[k].Density.AsSpan())));
            }
        }

        return HeatmapPlot.Write(path, panels, "density u", range, HeatmapPlot.DefaultSize(panels.Count, AspectRatio(sampler)));
    }

    /// <summary>The initial density and the target of <paramref name="run"/>, on the colour scale <paramref name="range"/>.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="run">A run (its first output is the initial density).</param>
    /// <param name="range">The shared colour range.</param>
    /// <returns>The written path.</returns>
    public static string InitialAndTarget(string path, DemoRun run, (double Minimum, double Maximum) range)
    {
        var sampler = RasterSampler.ForTriangles(run.Mesh);
        HeatmapPanel[] panels =
        [
            new("initial density u0", sampler.Sample(run.Record.Rows[0].Density.AsSpan())),
            new("target π (normalized)", sampler.Sample(run.Target)),
        ];
        return HeatmapPlot.Write(path, panels, "density", range, HeatmapPlot.DefaultSize(panels.Length, AspectRatio(sampler)));
    }

    /// <summary>The colour range shared by the snapshots of every run at every time, and by the target.</summary>
    /// <param name="runs">Runs on one mesh.</param>
    /// <returns>(0, largest nodal value).</returns>
    public static (double Minimum, double Maximum) SharedRange(IEnumerable<DemoRun> runs)
    {
        double maximum = 0;
        foreach (var run in runs)
        {
            maximum = Math.Max(maximum, run.Target.Max());
            foreach (var u in run.Densities)
            {
                maximum = Math.Max(maximum, u.Max());
            }
        }

        return (0, maximum > 0 ? maximum : 1);
    }

    /// <summary>Energy E(u(t)) and dissipation D_h(u(t)) of each flow over time, on one log10 axis.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="flows">(label, run); the runs share their output times.</param>
    /// <returns>The written path.</returns>
    public static string EnergyAndDissipation(string path, IReadOnlyList<(string Label, DemoRun Run)> flows)
    {
        var curves = flows.Select(f => ($"energy, {f.Label}", (IReadOnlyList<double>)f.Run.Energy))
            .Concat(flows.Select(f => ($"dissipation, {f.Label}", (IReadOnlyList<double>)f.Run.Dissipation)));
        return TimeSeriesPlot.Write(path, "KL(u | π) and its dissipation over time", "energy E, dissipation D", flows[0].Run.Times, curves, logY: true);
    }

    /// <summary>The mass of one region (e.g. the right mode's half) of each flow over time, with the target's mass there as a constant curve.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="flows">(label, run); the runs share their output times and have the region.</param>
    /// <param name="region">The region name.</param>
    /// <param name="targetMass">The target's mass in the region.</param>
    /// <returns>The written path.</returns>
    public static string RegionMass(string path, IReadOnlyList<(string Label, DemoRun Run)> flows, string region, double targetMass)
    {
        var times = flows[0].Run.Times;
        var curves = flows.Select(f => (f.Label, (IReadOnlyList<double>)f.Run.RegionMass(region)))
            .Append(("target π", (IReadOnlyList<double>)Enumerable.Repeat(targetMass, times.Length).ToArray()));
        return TimeSeriesPlot.Write(path, $"mass in the region '{region}' over time", "mass", times, curves);
    }

    /// <summary>The log-log plot of the λ sweep.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="table">The sweep's table.</param>
    /// <returns>The written path.</returns>
    public static string LambdaConvergence(string path, ConvergenceTable table) => ConvergencePlot.Write(table, path);

    private static double AspectRatio(RasterSampler sampler) => (double)sampler.Grid.Rows / sampler.Grid.Columns;
}
