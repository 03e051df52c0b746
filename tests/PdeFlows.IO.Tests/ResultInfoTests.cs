namespace PdeFlows.IO.Tests;

public class ResultInfoTests
{
    [Fact]
    public void DescribesRunningAndFinishedResults()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(2);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        var empty = ResultInfo.Describe(temporary.Run);
        Assert.Equal((0, (double?)null, (double?)null), (empty.OutputCount, empty.FirstTime, empty.LastEnergy));
        Assert.Contains("outputs     0 times", empty.ToText());

        double[] times = [0.0, 0.5, 2.0];
        for (int k = 0; k < times.Length; k++)
        {
            writer.WriteOutputStep(k, times[k], TestData.Fields(mesh.VertexCount, k));
        }

        writer.WriteTimeSeries(TestData.Series(times, 2));
        var running = ResultInfo.Describe(temporary.Run);
        Assert.False(running.IsFinished);
        Assert.Null(running.Provenance.WallSeconds);
        writer.Finish(4.25);

        var info = ResultInfo.Describe(Path.Combine(temporary.Run, ResultLayout.ResultFile));
        Assert.True(info.IsFinished);
        Assert.Equal((2, mesh.VertexCount, mesh.CellCount, 3), (info.Dimension, info.VertexCount, info.CellCount, info.OutputCount));
        Assert.Equal((0.0, 2.0), (info.FirstTime, info.LastTime));
        Assert.Equal(1.0 / 3.0, info.FirstEnergy);
        Assert.Equal(Math.Exp(-2.0) / 3.0, info.LastEnergy);
        Assert.Equal(["u", "g", "log_g"], info.FieldNames);
        Assert.Equal(4.25, info.Provenance.WallSeconds);
        string text = info.ToText();
        foreach (string expected in new[] { "test-case", "d = 2", $"{mesh.VertexCount} vertices", "3 times, t = 0 .. 2", "first 0.333333", "managed", "42, -7", "wall 4.25 s", "finished" })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public void DescribingADamagedResultNamesTheFile()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        File.WriteAllText(file, "not hdf5");
        var error = Assert.Throws<ResultFormatException>(() => ResultInfo.Describe(file));
        Assert.StartsWith(file + ": ", error.Message);
    }
}
