using System.Xml.Linq;

namespace PdeFlows.IO.Tests;

public class AtomicWriteTests
{
    [Fact]
    public void EveryFileOpensAfterEveryCallAndNoTemporaryFileIsLeft()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(2);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        AssertDirectoryReadable(temporary.Run, expectedOutputs: 0);
        for (int k = 0; k < 3; k++)
        {
            writer.WriteOutputStep(10 * k, 0.25 * k, TestData.Fields(mesh.VertexCount, k));
            AssertDirectoryReadable(temporary.Run, k + 1);
            writer.WriteTimeSeries(TestData.Series([.. Enumerable.Range(0, k + 1).Select(i => 0.25 * i)], 2));
            AssertDirectoryReadable(temporary.Run, k + 1);
            writer.WriteCheckpoint(10 * k, 0.25 * k, TestData.State(mesh.VertexCount, k));
            AssertDirectoryReadable(temporary.Run, k + 1);
        }

        writer.Finish(3.0);
        AssertDirectoryReadable(temporary.Run, 3);
        Assert.Throws<InvalidOperationException>(() => writer.WriteOutputStep(40, 1.0, TestData.Fields(mesh.VertexCount, 4)));
    }

    [Fact]
    public void CrashBeforeRenameLeavesPreviousStepsReadableAndXdmfListsOnlyCompletedSteps()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        writer.WriteOutputStep(5, 0.5, TestData.Fields(mesh.VertexCount, 1));
        byte[] xdmfBefore = File.ReadAllBytes(Path.Combine(temporary.Run, ResultLayout.XdmfFile));

        // A process killed while writing step 9: its half-written temporary file, never renamed.
        string stepFile = Path.Combine(temporary.Run, ResultLayout.StepFile(9));
        byte[] complete = File.ReadAllBytes(Path.Combine(temporary.Run, ResultLayout.StepFile(5)));
        File.WriteAllBytes(stepFile + ResultLayout.TemporarySuffix, complete[..(complete.Length / 2)]);

        Assert.Equal(xdmfBefore, File.ReadAllBytes(Path.Combine(temporary.Run, ResultLayout.XdmfFile)));
        using (var reader = ResultReader.Open(temporary.Run))
        {
            Assert.Equal([0, 5], reader.Steps.Select(s => s.Step));
            Bits.Equal(TestData.Fields(mesh.VertexCount, 1)["u"], reader.ReadField(1, "u"), "previous step");
        }

        Assert.Equal(["step-000000", "step-000005"], XdmfStepNames(temporary.Run));
    }

    [Fact]
    public void FailureBetweenWriteAndRenameDeletesTheTemporaryFileAndKeepsTheIndex()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(2);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        AtomicFile.CommitHook = path => throw new IOException("simulated failure before rename of " + path);
        try
        {
            Assert.Throws<IOException>(() => writer.WriteOutputStep(1, 0.1, TestData.Fields(mesh.VertexCount, 1)));
        }
        finally
        {
            AtomicFile.CommitHook = null;
        }

        Assert.Empty(Directory.GetFiles(temporary.Run, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(temporary.Run, ResultLayout.StepFile(1))));
        Assert.Equal(["step-000000"], XdmfStepNames(temporary.Run));
        writer.WriteOutputStep(1, 0.1, TestData.Fields(mesh.VertexCount, 1));
        Assert.Equal(["step-000000", "step-000001"], XdmfStepNames(temporary.Run));
    }

    [Fact]
    public void ResumeDropsOutputsAfterTheCheckpointAndContinues()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var provenance = TestData.Provenance();
        var writer = ResultWriter.Create(temporary.Run, mesh, provenance);
        writer.WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        writer.WriteCheckpoint(100, 0.1, TestData.State(mesh.VertexCount, 100));
        writer.WriteOutputStep(150, 0.15, TestData.Fields(mesh.VertexCount, 1));
        File.WriteAllBytes(Path.Combine(temporary.Run, ResultLayout.CheckpointFile(200)) + ".tmp", [1, 2, 3]);

        var search = CheckpointReader.LoadLatest(temporary.Run);
        var checkpoint = Assert.IsType<Checkpoint>(search.Latest);
        Assert.Throws<InvalidOperationException>(() => ResultWriter.Resume(temporary.Run, mesh, TestData.Provenance("other case"), checkpoint));
        var resumed = ResultWriter.Resume(temporary.Run, mesh, provenance, checkpoint);
        Assert.Equal([0], resumed.CompletedSteps.Select(s => s.Step));
        Assert.Empty(Directory.GetFiles(temporary.Run, "*.tmp", SearchOption.AllDirectories));
        resumed.WriteOutputStep(150, 0.15, TestData.Fields(mesh.VertexCount, 2));
        resumed.Finish(1.0);
        using var reader = ResultReader.Open(temporary.Run);
        Assert.Equal([0, 150], reader.Steps.Select(s => s.Step));
        Bits.Equal(TestData.Fields(mesh.VertexCount, 2)["u"], reader.ReadField(1, "u"), "rewritten step");
        Bits.Equal(checkpoint.State.Series, reader.Series);
    }

    [Fact]
    public void CreateRefusesAnExistingResultUnlessAskedToOverwrite()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        ResultWriter.Create(temporary.Run, mesh, TestData.Provenance()).WriteOutputStep(0, 0.0, TestData.Fields(mesh.VertexCount, 0));
        File.WriteAllText(Path.Combine(temporary.Run, "notes.txt"), "mine");
        var error = Assert.Throws<InvalidOperationException>(() => ResultWriter.Create(temporary.Run, mesh, TestData.Provenance()));
        Assert.Contains(temporary.Run, error.Message);
        ResultWriter.Create(temporary.Run, mesh, TestData.Provenance(), new ResultWriterOptions { OverwriteExisting = true });
        using var reader = ResultReader.Open(temporary.Run);
        Assert.Empty(reader.Steps);
        Assert.True(File.Exists(Path.Combine(temporary.Run, "notes.txt")));
    }

    [Fact]
    public void WriterRejectsInvalidInputWithoutWritingAnything()
    {
        using var temporary = new TemporaryDirectory();
        var mesh = TestData.Mesh(1);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        writer.WriteOutputStep(3, 0.3, TestData.Fields(mesh.VertexCount, 0));
        Assert.Throws<ArgumentException>(() => writer.WriteOutputStep(3, 0.4, TestData.Fields(mesh.VertexCount, 0)));
        Assert.Throws<ArgumentException>(() => writer.WriteOutputStep(4, 0.3, TestData.Fields(mesh.VertexCount, 0)));
        Assert.Throws<ArgumentException>(() => writer.WriteOutputStep(4, double.NaN, TestData.Fields(mesh.VertexCount, 0)));
        Assert.Throws<ArgumentException>(() => writer.WriteOutputStep(4, 0.4, new Dictionary<string, double[]> { ["u"] = new double[2] }));
        Assert.Throws<ArgumentException>(() => writer.WriteOutputStep(4, 0.4, new Dictionary<string, double[]> { ["a:b"] = new double[mesh.VertexCount] }));
        Assert.Throws<ArgumentException>(() => new CheckpointState(new Dictionary<string, ShapedArray> { ["u"] = ShapedArray.Vector([double.NaN]) }));
        Assert.Single(Directory.GetFiles(Path.Combine(temporary.Run, ResultLayout.StepsFolder)));
    }

    internal static List<string> XdmfStepNames(string run) =>
        XDocument.Load(Path.Combine(run, ResultLayout.XdmfFile)).Descendants("Grid")
            .Where(g => g.Parent?.Attribute("CollectionType")?.Value == "Temporal")
            .Select(g => g.Attribute("Name")!.Value).ToList();

    private static void AssertDirectoryReadable(string run, int expectedOutputs)
    {
        Assert.Empty(Directory.GetFiles(run, "*.tmp", SearchOption.AllDirectories));
        using (var reader = ResultReader.Open(run))
        {
            Assert.Equal(expectedOutputs, reader.Steps.Count);
            for (int k = 0; k < reader.Steps.Count; k++)
            {
                Assert.Equal(3, reader.ReadFields(k).Count);
            }
        }

        foreach (string file in Directory.GetFiles(run, "*.h5", SearchOption.AllDirectories))
        {
            using var stream = PureHDF.H5File.OpenRead(file);
            Assert.True(stream.AttributeExists("format"), file);
        }

        var xdmf = XDocument.Load(Path.Combine(run, ResultLayout.XdmfFile));
        Assert.Equal(expectedOutputs, XdmfStepNames(run).Count);
        foreach (var item in xdmf.Descendants("DataItem"))
        {
            string file = item.Value.Trim().Split(':')[0];
            Assert.True(File.Exists(Path.Combine(run, file)), $"XDMF points at missing {file}");
        }

        if (Directory.GetFiles(Path.Combine(run, ResultLayout.CheckpointsFolder)).Length > 0)
        {
            Assert.NotNull(CheckpointReader.LoadLatest(run).Latest);
        }
    }
}
