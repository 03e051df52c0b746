using PdeFlows.IO;
using PdeFlows.Mesh;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Tests.Running;

public class ResultPlotterTests
{
    [Fact]
    public void FinishedTwoDimensionalResultGivesEveryPicture()
    {
        using var directory = new TemporaryDirectory("result2d");
        string run = Path.Combine(directory.Path, "RUN");
        var mesh = MeshGenerators.Rectangle([-1.0, 0.0], [1.0, 1.0], 10, 5);
        WriteResult(run, mesh, steps: 8, finish: true);

        var files = ResultPlotter.PlotAll(Path.Combine(run, "result.h5"), Path.Combine(directory.Path, "plots"));

        Assert.Equal(["density.png", "energy.png", "dissipation.png", "edb_defect.png", "mass.png", "min_density.png", "mean.png", "covariance.png", "probes.png"], files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.True(Path.IsPathRooted(f)));
        PlotAssertions.AssertPng(files[0], 3 * 450, 2 * (160 + 90)); // six snapshots of eight, three per row; the domain is 2 × 1
        foreach (string file in files.Skip(1))
        {
            PlotAssertions.AssertPng(file, 800, 600);
        }
    }

    [Fact]
    public void RunningOneDimensionalDirectoryGivesLinesAndOnlyThePresentSeries()
    {
        using var directory = new TemporaryDirectory("result1d");
        string run = Path.Combine(directory.Path, "RUN");
        WriteResult(run, MeshGenerators.Interval(-2.0, 2.0, 50), steps: 3, finish: false, fullSeries: false);

        var files = ResultPlotter.PlotAll(run, Path.Combine(directory.Path, "plots"));

        Assert.Equal(["density.png", "energy.png", "mass.png"], files.Select(Path.GetFileName));
        Assert.All(files, f => PlotAssertions.AssertPng(f, 800, 600));
    }

    [Fact]
    public void ThreeDimensionalResultGivesMidPlaneSlices()
    {
        using var directory = new TemporaryDirectory("result3d");
        string run = Path.Combine(directory.Path, "RUN");
        WriteResult(run, MeshGenerators.Box([0.0, 0.0, 0.0], [1.0, 1.0, 1.0], 4, 4, 4), steps: 2, finish: true, fullSeries: false);

        var files = ResultPlotter.PlotAll(run, Path.Combine(directory.Path, "plots"));

        Assert.Equal("density.png", Path.GetFileName(files[0]));
        PlotAssertions.AssertPng(files[0], 2 * 450, 320 + 90);
    }

    [Fact]
    public void SnapshotIndicesSpreadFromFirstToLast()
    {
        Assert.Equal([0, 1, 2], ResultPlotter.SnapshotIndices(3));
        Assert.Equal([0, 2, 4, 5, 7, 9], ResultPlotter.SnapshotIndices(10));
        Assert.Equal([0, 20, 40, 60, 80, 100], ResultPlotter.SnapshotIndices(101));
        Assert.Empty(ResultPlotter.SnapshotIndices(0));
    }

    [Fact]
    public void MissingResultIsAFormatError()
    {
        using var directory = new TemporaryDirectory("missing");
        Assert.Throws<ResultFormatException>(() => ResultPlotter.PlotAll(Path.Combine(directory.Path, "nothing.h5"), directory.Path));
    }

    /// <summary>A Gaussian bump moving to the right and spreading, with the series the solver writes.</summary>
    private static void WriteResult(string run, SimplexMesh mesh, int steps, bool finish, bool fullSeries = true)
    {
        var provenance = ResultProvenance.ForCurrentProcess("plot-test", "name = \"plot-test\"\n", "{}", [1], "managed");
        var writer = ResultWriter.Create(run, mesh, provenance);
        int d = mesh.Dimension;
        double[] times = Enumerable.Range(0, steps).Select(k => 0.5 * k).ToArray();
        for (int k = 0; k < steps; k++)
        {
            double t = times[k];
            var u = PlotAssertions.Nodal(mesh, p =>
            {
                double r2 = ((p[0] + 0.5 - (0.2 * t)) * (p[0] + 0.5 - (0.2 * t))) + (d > 1 ? (p[1] - 0.7) * (p[1] - 0.7) : 0.0);
                return Math.Exp(-r2 / (0.1 + (0.05 * t))) + 0.01;
            });
            writer.WriteOutputStep(10 * k, t, new Dictionary<string, double[]> { ["u"] = u, ["log_g"] = u.Select(v => Math.Log(v)).ToArray() });
        }

        var quantities = new Dictionary<string, ShapedArray>
        {
            ["energy"] = ShapedArray.Vector(times.Select(t => Math.Exp(-t)).ToArray()),
            ["mass"] = ShapedArray.Vector(times.Select(_ => 1.0).ToArray()),
        };
        if (fullSeries)
        {
            int n = times.Length;
            quantities["dissipation"] = ShapedArray.Vector(times.Select(t => Math.Exp(-t)).ToArray());
            quantities["edb_defect"] = ShapedArray.Vector(times.Select(t => t == 0 ? double.NaN : -t * 1e-9).ToArray());
            quantities["min_density"] = ShapedArray.Vector(times.Select(t => 0.01 + t).ToArray());
            quantities["region.left"] = ShapedArray.Vector(times.Select(t => 0.7 - (0.1 * t)).ToArray());
            quantities["region.right"] = ShapedArray.Vector(times.Select(t => 0.3 + (0.1 * t)).ToArray());
            quantities["mean"] = new ShapedArray(Enumerable.Range(0, n * d).Select(i => i / 10.0).ToArray(), n, d);
            quantities["covariance"] = new ShapedArray(Enumerable.Range(0, n * d * d).Select(i => 1.0 + (i % 3)).ToArray(), n, d, d);
            quantities["probes"] = new ShapedArray(Enumerable.Range(0, n * 3).Select(i => Math.Sin(i)).ToArray(), n, 3);
            quantities["unknown quantity"] = ShapedArray.Vector(new double[n]);
        }

        writer.WriteTimeSeries(new TimeSeries(times, quantities));
        if (finish)
        {
            writer.Finish(0.1);
        }
    }
}
