using PdeFlows.Mesh;
using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Plotting;
using SkiaSharp;

namespace PdeFlows.Verification.Tests;

public class PlotFileTests
{
    [Fact]
    public void ConvergencePlotIsAPngOfTheRequestedSize()
    {
        using var directory = new TemporaryDirectory("convergence");
        var table = StudyTables.PoissonLike();
        string path = ConvergencePlot.Write(table, directory.File("convergence.png"), [new ReferenceSlope(2.0, Metric.L2), new ReferenceSlope(1.0, Metric.H1)], new PlotSize(640, 480));
        AssertPng(path, 640, 480);
        var plot = ConvergencePlot.Create(table, [new ReferenceSlope(2.0, Metric.L2)]);
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["L2", "H1", "slope 2"], scatters.Select(s => s.LegendText));
        Assert.Equal(Math.Log10(StudyTables.MeshSizes[0]), scatters[0].Data.GetScatterPoints()[0].X, 1e-12); // log10 values are plotted
    }

    [Fact]
    public void LogTicksReadAsPowersOfTen()
    {
        var ticks = LogAxisTicks.Ticks(-4.2, -0.7).Where(t => t.IsMajor).ToList();
        Assert.Equal(["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"], ticks.Where(t => t.Position >= -4.2 && t.Position <= -0.7).Select(t => t.Label));
        Assert.Equal("10¹²", LogAxisTicks.PowerOfTen(12));
        Assert.Equal("10⁰", LogAxisTicks.PowerOfTen(0));
        var narrow = LogAxisTicks.Ticks(-2.9, -2.1).Where(t => t.IsMajor && t.Position >= -2.9 && t.Position <= -2.1).Select(t => t.Label).ToList();
        Assert.Contains("2×10⁻³", narrow); // within one decade the minor ticks are labelled
    }

    [Fact]
    public void TimeSeriesPlotSkipsNonPositiveValuesOnALogAxis()
    {
        using var directory = new TemporaryDirectory("series");
        double[] times = [0.0, 0.5, 1.0, 2.0];
        string path = TimeSeriesPlot.Write(directory.File("series.png"), "decay", "value", times,
            [("a", [1.0, 0.1, 0.01, 0.001]), ("b", [double.NaN, 0.0, 1e-3, 1e-5])], logY: true);
        AssertPng(path, 800, 600);
        Assert.Throws<ArgumentException>(() => TimeSeriesPlot.Write(directory.File("bad.png"), "t", "v", times, [("a", [1.0])]));
    }

    [Fact]
    public void HeatmapShowsLargeYAtTheTop()
    {
        using var directory = new TemporaryDirectory("heatmap");
        var mesh = MeshGenerators.Rectangle([0.0, 0.0], [2.0, 1.0], 8, 4);
        var sampler = RasterSampler.ForTriangles(mesh, 80);
        var panel = new HeatmapPanel("u = y", sampler.Sample(RasterSamplerTests.Nodal(mesh, p => p[1])));
        var multiplot = HeatmapPlot.Create([panel], "u");
        string path = PngFile.Save(multiplot, directory.File("heatmap.png"), new PlotSize(600, 400));
        AssertPng(path, 600, 400);

        var plot = multiplot.Subplots.GetPlot(0);
        using var bitmap = SKBitmap.Decode(path);
        var high = plot.GetPixel(new ScottPlot.Coordinates(1.1, 0.9)); // one subplot fills the image, so its pixels are the image's
        var low = plot.GetPixel(new ScottPlot.Coordinates(1.1, 0.1));
        Assert.True(high.Y < low.Y);
        SKColor top = bitmap.GetPixel((int)high.X, (int)high.Y);
        SKColor bottom = bitmap.GetPixel((int)low.X, (int)low.Y);
        // viridis: low values are dark purple, high values bright yellow
        Assert.True(Brightness(top) > Brightness(bottom) + 200, $"top {top}, bottom {bottom}");
    }

    [Fact]
    public void HeatmapPanelsShareOneColourScale()
    {
        var mesh = MeshGenerators.Rectangle([0.0, 0.0], [1.0, 1.0], 4, 4);
        var sampler = RasterSampler.ForTriangles(mesh, 20);
        var early = sampler.Sample(RasterSamplerTests.Nodal(mesh, p => p[0]));
        var late = sampler.Sample(RasterSamplerTests.Nodal(mesh, p => 3.0 * p[0]));
        var (minimum, maximum) = HeatmapPlot.SharedRange([early, late]);
        Assert.Equal(0.025, minimum, 1e-12); // the pixel centres nearest the edges
        Assert.Equal(3.0 * 0.975, maximum, 1e-12);
        var multiplot = HeatmapPlot.Create([new HeatmapPanel("a", early), new HeatmapPanel("b", late)], "u");
        var ranges = multiplot.Subplots.GetPlots().Select(p => p.GetPlottables<ScottPlot.Plottables.Heatmap>().Single().ManualRange).ToList();
        Assert.All(ranges, r => Assert.Equal(new ScottPlot.Range(minimum, maximum), r));
        Assert.Equal((-0.5, 0.5), HeatmapPlot.SharedRange([sampler.Sample(new double[mesh.VertexCount])]));
    }

    [Fact]
    public void LineFieldPlotSortsVerticesAndWritesThePng()
    {
        using var directory = new TemporaryDirectory("line");
        var mesh = MeshGenerators.Interval(-2.0, 2.0, 40);
        var snapshots = new[] { 0.0, 1.0, 3.0 }.Select(t => (t, RasterSamplerTests.Nodal(mesh, p => Math.Exp(-(p[0] - t + 1) * (p[0] - t + 1))))).ToList();
        AssertPng(LineFieldPlot.Write(directory.File("line.png"), mesh, snapshots, "u"), 800, 600);
        Assert.Throws<ArgumentException>(() => LineFieldPlot.Write(directory.File("bad.png"), mesh, [(0.0, new double[3])], "u"));
    }

    [Fact]
    public void PngSizeReaderRejectsOtherFiles()
    {
        using var directory = new TemporaryDirectory("notpng");
        string path = directory.File("fake.png");
        File.WriteAllBytes(path, new byte[64]);
        Assert.Throws<InvalidDataException>(() => PngFile.ReadSize(path));
    }

    internal static void AssertPng(string path, int width, int height)
    {
        Assert.True(File.Exists(path), path);
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is only {new FileInfo(path).Length} bytes");
        Assert.Equal(new PlotSize(width, height), PngFile.ReadSize(path));
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    private static int Brightness(SKColor color) => color.Red + color.Green + color.Blue;
}
