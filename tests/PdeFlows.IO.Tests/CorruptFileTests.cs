using PureHDF;

namespace PdeFlows.IO.Tests;

/// <summary>Damaged files must give a <see cref="ResultFormatException"/> naming the file and the problem, never a raw library exception.</summary>
public class CorruptFileTests
{
    private static string FinishedRun(TemporaryDirectory temporary, int dimension = 2)
    {
        var mesh = TestData.Mesh(dimension);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        writer.WriteOutputStep(1, 0.5, TestData.Fields(mesh.VertexCount, 1));
        writer.WriteTimeSeries(TestData.Series([0.0, 0.5], dimension));
        writer.WriteCheckpoint(1, 0.5, TestData.State(mesh.VertexCount, 1));
        writer.Finish(2.0);
        return Path.Combine(temporary.Run, ResultLayout.ResultFile);
    }

    private static ResultFormatException OpenFails(string path, string file, string problemFragment)
    {
        var error = Assert.Throws<ResultFormatException>(() =>
        {
            using var reader = ResultReader.Open(path);
            for (int k = 0; k < reader.Steps.Count; k++)
            {
                reader.ReadFields(k);
            }

            reader.ReadMesh();
        });
        Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(error.File));
        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Contains(problemFragment, error.Problem);
        return error;
    }

    /// <summary>Rewrites a result.h5-shaped file with one change, using the writer's own pieces.</summary>
    private static void WriteVariant(string path, Action<H5File> change)
    {
        var mesh = TestData.Mesh(2);
        var file = HdfWrite.NewFile("pdeflows-result");
        file["mesh"] = MeshHdf.Build(mesh);
        file["provenance"] = ProvenanceHdf.Build(TestData.Provenance());
        file["series"] = SeriesHdf.Build(TimeSeries.Empty);
        file["output"] = new H5Group { ["times"] = HdfWrite.Doubles([0.0], 1), ["steps"] = HdfWrite.Integers([0], 1) };
        var step = new H5Group();
        StepHdf.Fill(step, 0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        file["steps"] = new H5Group { ["step-000000"] = step };
        change(file);
        file.Write(path);
    }

    [Fact]
    public void RandomBytes()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(file, bytes);
        OpenFails(file, file, "not a readable HDF5 file");
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TruncatedResultFile(double keptFraction)
    {
        using var temporary = new TemporaryDirectory();
        string file = FinishedRun(temporary);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(int)(bytes.Length * keptFraction)]);
        // Either the superblock or the object it points to is past the end: both report a
        // truncated or corrupt file (HdfSource), never a dataset that "is missing" or has a wrong shape.
        OpenFails(temporary.Run, file, "truncated or corrupt");
    }

    [Fact]
    public void EmptyFile()
    {
        using var temporary = new TemporaryDirectory();
        string file = FinishedRun(temporary);
        File.WriteAllBytes(file, []);
        OpenFails(file, file, "not a readable HDF5 file");
    }

    [Fact]
    public void NotAPdeFlowsFile()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "other.h5");
        new H5File { ["data"] = new double[] { 1, 2 } }.Write(file);
        OpenFails(file, file, "attribute 'format' is missing");
    }

    [Fact]
    public void MissingDataset()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        WriteVariant(file, f => ((H5Group)f["mesh"]).Remove("cells"));
        OpenFails(file, file, "dataset /mesh/cells is missing");
    }

    [Fact]
    public void WrongCellShape()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        WriteVariant(file, f => ((H5Group)f["mesh"])["cells"] = HdfWrite.Integers(new long[12], 3, 4));
        OpenFails(file, file, "dataset /mesh/cells has shape [3, 4], expected [m, 3]");
    }

    [Fact]
    public void WrongFieldLength()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        WriteVariant(file, f => ((H5Group)((H5Group)((H5Group)f["steps"])["step-000000"])["fields"])["u"] = HdfWrite.Doubles([1.0, 2.0], 2));
        OpenFails(file, file, "dataset /steps/step-000000/fields/u has shape [2], expected [");
    }

    [Fact]
    public void CellsStoredAsFloats()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        var mesh = TestData.Mesh(2);
        WriteVariant(file, f => ((H5Group)f["mesh"])["cells"] = HdfWrite.Doubles(new double[mesh.CellCount * 3], mesh.CellCount, 3));
        OpenFails(file, file, "expected a 32- or 64-bit integer");
    }

    [Fact]
    public void NaNCoordinate()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        var mesh = TestData.Mesh(2);
        var coordinates = mesh.Coordinates.ToArray();
        coordinates[7] = double.NaN;
        WriteVariant(file, f => ((H5Group)f["mesh"])["coordinates"] = HdfWrite.Doubles(coordinates, mesh.VertexCount, 2));
        OpenFails(file, file, "dataset /mesh/coordinates holds NaN at index 7");
    }

    [Fact]
    public void CellIndexOutOfRange()
    {
        using var temporary = new TemporaryDirectory();
        string file = Path.Combine(temporary.Path, "result.h5");
        var mesh = TestData.Mesh(2);
        var cells = mesh.Cells.ToArray().Select(c => (long)c).ToArray();
        cells[4] = mesh.VertexCount + 10;
        WriteVariant(file, f => ((H5Group)f["mesh"])["cells"] = HdfWrite.Integers(cells, mesh.CellCount, 3));
        OpenFails(file, file, "is not a valid mesh");
    }

    [Fact]
    public void TruncatedStepFileOfARunningResult()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        writer.WriteOutputStep(1, 0.5, TestData.Fields(mesh.VertexCount, 1));
        string step = Path.Combine(temporary.Run, ResultLayout.StepFile(1));
        File.WriteAllBytes(step, File.ReadAllBytes(step)[..100]);
        OpenFails(temporary.Run, step, "not a readable HDF5 file");
    }

    [Fact]
    public void NaNInSeriesTimes()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        string series = Path.Combine(temporary.Run, ResultLayout.SeriesFile);
        var file = HdfWrite.NewFile("pdeflows-series");
        file["series"] = new H5Group { ["times"] = HdfWrite.Doubles([0.0, double.NaN], 2), ["quantities"] = new H5Group() };
        file.Write(series);
        OpenFails(temporary.Run, series, "dataset /series/times holds NaN at index 1");
    }

    [Fact]
    public void DamagedCheckpointsAreSkippedWithTheirReason()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance(), new ResultWriterOptions { CheckpointsToKeep = 0 });
        writer.WriteCheckpoint(100, 0.1, TestData.State(mesh.VertexCount, 100));
        writer.WriteCheckpoint(200, 0.2, TestData.State(mesh.VertexCount, 200));
        writer.WriteCheckpoint(300, 0.3, TestData.State(mesh.VertexCount, 300));

        string truncated = Path.Combine(temporary.Run, ResultLayout.CheckpointFile(300));
        File.WriteAllBytes(truncated, File.ReadAllBytes(truncated)[..300]);
        string withNaN = Path.Combine(temporary.Run, ResultLayout.CheckpointFile(200));
        var state = TestData.State(mesh.VertexCount, 200);
        var file = CheckpointHdf.Build(200, 0.2, TestData.Provenance().CaseSha256, state);
        ((H5Group)file["arrays"])["u"] = HdfWrite.Doubles([1.0, double.NaN, 3.0], 3);
        file.Write(withNaN);

        var search = CheckpointReader.LoadLatest(temporary.Run);
        Assert.Equal(100, search.Latest?.Step);
        Assert.Equal([truncated, withNaN], search.Skipped.Select(s => s.File));
        Assert.Contains("not a readable HDF5 file", search.Skipped[0].Reason);
        Assert.Contains("dataset /arrays/u holds NaN at index 1", search.Skipped[1].Reason);
        var error = Assert.Throws<ResultFormatException>(() => CheckpointReader.Read(withNaN));
        Assert.Equal(withNaN, error.File);
    }

    [Fact]
    public void MissingResult()
    {
        using var temporary = new TemporaryDirectory();
        string mesh = Path.Combine(temporary.Path, ResultLayout.MeshFile);
        OpenFails(temporary.Path, mesh, "file not found");
    }
}
