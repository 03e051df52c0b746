namespace PdeFlows.IO.Tests;

public class RoundTripTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void MeshFieldsSeriesAndProvenanceRoundTripBitExactly(int dimension, bool background)
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(dimension);
        var provenance = TestData.Provenance();
        var writer = ResultWriter.Create(temporary.Run, mesh, provenance, new ResultWriterOptions { WriteStepsInBackground = background });
        double[] times = [0.0, 1.0 / 3.0, 0.5, 1e-300 + 1.0];
        int[] stepIndices = [0, 7, 12, 1000001];
        for (int k = 0; k < times.Length; k++)
        {
            writer.WriteOutputStep(stepIndices[k], times[k], TestData.Fields(mesh.VertexCount, k));
            writer.WriteTimeSeries(TestData.Series(times[..(k + 1)], dimension));
        }

        writer.Flush(); // background writes: every handed-over output is on disk afterwards

        // readable while running (directory without result.h5), then finished
        foreach (bool finished in new[] { false, true })
        {
            if (finished)
            {
                writer.Finish(wallSeconds: 12.5);
            }

            using var reader = ResultReader.Open(temporary.Run);
            Assert.Equal(finished, reader.IsFinished);
            var read = reader.ReadMesh();
            Assert.Equal(dimension, read.Dimension);
            Bits.Equal(mesh.Coordinates, read.Coordinates, "coordinates");
            Bits.Equal(mesh.Cells, read.Cells, "cells");
            Assert.Equal(mesh.CellGroups.Keys, read.CellGroups.Keys);
            Assert.Equal(mesh.CellGroups["left half"], read.CellGroups["left half"]);
            Assert.Equal(mesh.FacetGroups["boundary"], read.FacetGroups["boundary"]);
            Assert.Equal(stepIndices, reader.Steps.Select(s => s.Step));
            Bits.Equal(times, reader.Times, "times");
            for (int k = 0; k < times.Length; k++)
            {
                var expected = TestData.Fields(mesh.VertexCount, k);
                var fields = reader.ReadFields(k);
                Assert.Equal(expected.Keys, fields.Keys);
                foreach (var (name, values) in expected)
                {
                    Bits.Equal(values, fields[name], $"output {k} field {name}");
                }

                Bits.Equal(expected["g"], reader.ReadField(k, "g"), $"output {k} field g alone");
            }

            Bits.Equal(TestData.Series(times, dimension), reader.Series);
            var p = reader.Provenance;
            Assert.Equal(provenance with { WallSeconds = finished ? 12.5 : null, Seeds = p.Seeds }, p);
            Assert.Equal(provenance.Seeds, p.Seeds);
        }

        Assert.True(Bits.Detects());
    }

    [Fact]
    public void ResultFileCanBeOpenedDirectly()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(2);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        writer.Finish(1.0);
        using var reader = ResultReader.Open(Path.Combine(temporary.Run, ResultLayout.ResultFile));
        Assert.True(reader.IsFinished);
        Bits.Equal(TestData.Fields(mesh.VertexCount, 0)["u"], reader.ReadField(0, "u"), "u");
    }

    [Fact]
    public void CheckpointRoundTripsAndLatestIsFound()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var provenance = TestData.Provenance();
        var writer = ResultWriter.Create(temporary.Run, mesh, provenance, new ResultWriterOptions { CheckpointsToKeep = 2 });
        foreach (int step in new[] { 100, 200, 300 })
        {
            writer.WriteCheckpoint(step, step * 1e-3, TestData.State(mesh.VertexCount, step));
        }

        Assert.Equal(2, Directory.GetFiles(Path.Combine(temporary.Run, ResultLayout.CheckpointsFolder)).Length);
        var search = CheckpointReader.LoadLatest(temporary.Run);
        Assert.Empty(search.Skipped);
        var latest = Assert.IsType<Checkpoint>(search.Latest);
        Assert.Equal(300, latest.Step);
        Bits.Equal([0.3], [latest.Time], "time");
        Assert.Equal(provenance.CaseSha256, latest.CaseSha256);
        var expected = TestData.State(mesh.VertexCount, 300);
        Assert.Equal(expected.Arrays.Keys, latest.State.Arrays.Keys);
        foreach (var (name, array) in expected.Arrays)
        {
            Assert.Equal(array.Shape, latest.State.Arrays[name].Shape);
            Bits.Equal(array.Values, latest.State.Arrays[name].Values, name);
        }

        Assert.Equal(expected.Scalars, latest.State.Scalars);
        Assert.Equal(expected.Integers, latest.State.Integers);
        Bits.Equal(expected.Series, latest.State.Series);
    }

    [Fact]
    public void CaseHashIsSha256OfTheUtf8Text()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CaseTextHash.Compute(""));
        Assert.NotEqual(CaseTextHash.Compute("a"), CaseTextHash.Compute("b"));
    }
}
