using System.Globalization;
using PdeFlows.IO;
using PdeFlows.Mesh;
using PdeFlows.Verification.Plotting;
using static PdeFlows.Runs.Running.RunContentNames;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The pictures of <c>pdeflows plot RUN [--out DIR]</c>: reads a result (a finished result.h5 or
/// a result directory, possibly of a run still going, via <see cref="ResultReader"/>) and writes PNGs.
/// <para>Density snapshots (field <see cref="RunContentNames.DensityField"/>, or the first field when there is no
/// such field), at most <see cref="MaximumSnapshots"/> output times spread evenly from the first
/// to the last: <c>density.png</c> — 1D: one line per time on one axis; 2D: heatmaps side by side
/// on one colour scale; 3D: slices z = middle of the mesh's z range, likewise.</para>
/// <para>Series quantities, each written only when present (names as the solver writes them,
/// ../shared/docs/interfaces.md): <c>energy</c> → energy.png; <c>dissipation</c> → dissipation.png
/// (log10 when positive); <c>edb_defect</c> → edb_defect.png (|defect|, log10 when non-zero);
/// <c>mass</c> and every <c>region.NAME</c> → mass.png (one curve each); <c>min_density</c> →
/// min_density.png (log10 when positive); <c>mean</c> [K, d] → mean.png (one curve per coordinate);
/// <c>covariance</c> [K, d, d] → covariance.png (entries i ≤ j); <c>probes</c> [K, P] → probes.png
/// (one curve per probe). Other quantities are ignored. Non-finite values are left out of curves.</para>
/// </summary>
public static class ResultPlotter
{
    /// <summary>The most output times shown in the density picture.</summary>
    public const int MaximumSnapshots = 6;

    private static readonly string[] Axes = ["x", "y", "z"];

    /// <summary>Writes every picture the result allows into <paramref name="outDir"/> (created if needed) and returns the written files' full paths.</summary>
    /// <exception cref="ResultFormatException">The result cannot be read.</exception>
    public static IReadOnlyList<string> PlotAll(string resultPath, string outDir)
    {
        ArgumentNullException.ThrowIfNull(resultPath);
        ArgumentNullException.ThrowIfNull(outDir);
        Directory.CreateDirectory(outDir);
        using var reader = ResultReader.Open(resultPath);
        var written = new List<string>();
        if (reader.Steps.Count > 0)
        {
            written.Add(PlotDensity(reader, Path.Combine(outDir, "density.png")));
        }

        written.AddRange(PlotSeries(reader.Series, outDir));
        return written;
    }

    /// <summary>The indices of at most <paramref name="maximum"/> of <paramref name="count"/> outputs, evenly spread, first and last included.</summary>
    public static int[] SnapshotIndices(int count, int maximum = MaximumSnapshots)
    {
        if (count <= 0)
        {
            return [];
        }

        if (count <= maximum)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        return Enumerable.Range(0, maximum).Select(k => (int)Math.Round(k * (count - 1) / (double)(maximum - 1))).Distinct().ToArray();
    }

    private static string PlotDensity(ResultReader reader, string path)
    {
        var mesh = reader.ReadMesh();
        string field = reader.Steps[0].FieldNames.Contains(DensityField) ? DensityField : reader.Steps[0].FieldNames[0];
        var snapshots = SnapshotIndices(reader.Steps.Count)
            .Where(k => reader.Steps[k].FieldNames.Contains(field))
            .Select(k => (reader.Steps[k].Time, reader.ReadField(k, field)))
            .ToList();
        if (mesh.Dimension == 1)
        {
            return LineFieldPlot.Write(path, mesh, snapshots, field);
        }

        var sampler = mesh.Dimension == 2 ? RasterSampler.ForTriangles(mesh) : RasterSampler.ForPlaneSlice(mesh);
        string where = mesh.Dimension == 3 ? $", z = {Number(MidZ(mesh))}" : "";
        var panels = snapshots.Select(s => new HeatmapPanel($"{field}, t = {Number(s.Time)}{where}", sampler.Sample(s.Item2))).ToList();
        return HeatmapPlot.Write(path, panels, field);
    }

    private static List<string> PlotSeries(TimeSeries series, string outDir)
    {
        var written = new List<string>();
        double[] times = series.Times;
        if (times.Length == 0)
        {
            return written;
        }

        var quantities = series.Quantities;
        string File(string name) => Path.Combine(outDir, name + ".png");
        if (quantities.TryGetValue(Energy, out var energy))
        {
            written.Add(TimeSeriesPlot.Write(File(Energy), "energy E(u(t))", "E", times, Columns(energy, "energy")));
        }

        if (quantities.TryGetValue(Dissipation, out var dissipation))
        {
            written.Add(TimeSeriesPlot.Write(File(Dissipation), "dissipation", "D", times, Columns(dissipation, "dissipation"), logY: AllPositive(dissipation)));
        }

        if (quantities.TryGetValue(EdbDefect, out var defect))
        {
            var magnitude = new ShapedArray(defect.Values.Select(Math.Abs).ToArray(), [.. defect.Shape]);
            bool log = magnitude.Values.Any(v => double.IsFinite(v) && v > 0.0);
            written.Add(TimeSeriesPlot.Write(File(EdbDefect), "energy-dissipation balance defect", "|EDB defect|", times, Columns(magnitude, "|EDB defect|"), logY: log));
        }

        var masses = new List<(string, IReadOnlyList<double>)>();
        if (quantities.TryGetValue(Mass, out var mass))
        {
            masses.AddRange(Columns(mass, "total"));
        }

        foreach (var (name, region) in quantities.Where(q => q.Key.StartsWith(RegionPrefix, StringComparison.Ordinal)).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            masses.AddRange(Columns(region, "region " + name[RegionPrefix.Length..]));
        }

        if (masses.Count > 0)
        {
            written.Add(TimeSeriesPlot.Write(File(Mass), "mass and region masses", "mass", times, masses));
        }

        if (quantities.TryGetValue(MinDensity, out var minimum))
        {
            written.Add(TimeSeriesPlot.Write(File(MinDensity), "minimum of the density", "min u", times, Columns(minimum, "min u"), logY: AllPositive(minimum)));
        }

        if (quantities.TryGetValue(Mean, out var mean))
        {
            written.Add(TimeSeriesPlot.Write(File(Mean), "mean of u / ∫u", "mean", times, Columns(mean, Mean)));
        }

        if (quantities.TryGetValue(Covariance, out var covariance))
        {
            written.Add(TimeSeriesPlot.Write(File(Covariance), "covariance of u / ∫u", "covariance", times, Columns(covariance, "cov")));
        }

        if (quantities.TryGetValue(Probes, out var probes))
        {
            written.Add(TimeSeriesPlot.Write(File(Probes), "density at the probe points", "u", times, Columns(probes, "probe")));
        }

        return written;
    }

    /// <summary>
    /// Splits a quantity of shape [K], [K, P] or [K, d, d] into named curves: the name alone; "NAME j"
    /// (1-based; "NAME x/y/z" when named "mean"); "NAME ab" for the entries a ≤ b of a square matrix.
    /// </summary>
    private static List<(string Name, IReadOnlyList<double> Values)> Columns(ShapedArray quantity, string name)
    {
        int k = quantity.Shape[0];
        int width = k == 0 ? 0 : quantity.Values.Length / k;
        double[] Column(int c) => Enumerable.Range(0, k).Select(t => quantity.Values[(t * width) + c]).ToArray();
        if (quantity.Shape.Count == 1)
        {
            return [(name, quantity.Values)];
        }

        if (quantity.Shape.Count == 3 && quantity.Shape[1] == quantity.Shape[2])
        {
            int d = quantity.Shape[1];
            var entries = new List<(string, IReadOnlyList<double>)>();
            for (int a = 0; a < d; a++)
            {
                for (int b = a; b < d; b++)
                {
                    entries.Add(($"{name} {Label(a, d)}{Label(b, d)}", Column((a * d) + b)));
                }
            }

            return entries;
        }

        return Enumerable.Range(0, width).Select(c => ($"{name} {(name == Mean ? Label(c, width) : (c + 1).ToString(CultureInfo.InvariantCulture))}", (IReadOnlyList<double>)Column(c))).ToList();
    }

    private static string Label(int index, int count) => count <= 3 ? Axes[index] : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static bool AllPositive(ShapedArray quantity)
    {
        var finite = quantity.Values.Where(double.IsFinite).ToList();
        return finite.Count > 0 && finite.All(v => v > 0.0);
    }

    private static double MidZ(SimplexMesh mesh)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        ReadOnlySpan<double> x = mesh.Coordinates;
        for (int i = 2; i < x.Length; i += 3)
        {
            (low, high) = (Math.Min(low, x[i]), Math.Max(high, x[i]));
        }

        return 0.5 * (low + high);
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
