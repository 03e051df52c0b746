using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Runs.Tests.Cases;

namespace PdeFlows.Runs.Tests.Running;

/// <summary>
/// The one typed run content: a checkpoint (state, next output, rows) written to the io layout and
/// read back is the same bit for bit, a run resumed from it records the same rows as one that never
/// stopped, and the layout's names are spelled in <see cref="RunContentNames"/> only.
/// </summary>
public class RunContentTests
{
    /// <summary>2D swfr with a region and two probes: every per-row array is non-trivial.</summary>
    private const string Case = """
        name = "content"
        [domain]
        kind = "rectangle"
        lower = [-1.0, -1.0]
        upper = [1.0, 1.0]
        cells = [8, 8]
        [target]
        potential = "(x^2 + y^2)/0.5"
        [initial]
        density = "exp(-((x-0.4)^2 + y^2)/0.1)"
        mass = 1.0
        [flow]
        kind = "swfr"
        [time]
        end = 0.2
        step = 0.01
        scheme = "strang"
        [solver]
        linear = "managed"
        [output]
        times = [0, 0.05, 0.1, 0.2]
        probes = [[0.0, 0.0], [0.5, 0.25]]
        regions = { right = { lower = [0.0, -1.0], upper = [1.0, 1.0] } }
        """;

    [Fact]
    public void A_checkpoint_round_trips_bit_for_bit_and_a_resumed_run_records_the_same_rows()
    {
        using FlowProblem problem = FlowProblemBuilder.Build(CaseFileLoader.Parse(Case, "content.toml"));
        var runner = new FlowRunner(problem);
        var layout = RowLayout.Of(runner.Recorder, problem.Mesh.Dimension);
        CheckpointState? saved = null;
        runner.Run(onStep: state =>
        {
            if (state.Step == 12)
            {
                saved = RunContent.ToState(runner.Checkpoint(state), layout);
            }
        });
        IReadOnlyList<SnapshotRow> uninterrupted = runner.Recorder.Rows;

        RunCheckpoint read = RunContent.FromState(saved!, layout);
        Assert.Equal(12, read.State.Step);
        Assert.Equal(3, read.NextOutput); // the outputs at 0, 0.05 and 0.1 lie before step 12 (t = 0.12)
        Assert.Equal(3, read.Rows.Count);
        for (int k = 0; k < read.Rows.Count; k++)
        {
            AssertSameRow(uninterrupted[k], read.Rows[k]);
        }

        var resumed = new FlowRunner(problem);
        resumed.Restore(read);
        resumed.Run();
        Assert.Equal(uninterrupted.Count, resumed.Recorder.Rows.Count);
        for (int k = 0; k < uninterrupted.Count; k++)
        {
            AssertSameRow(uninterrupted[k], resumed.Recorder.Rows[k]);
        }
    }

    [Fact]
    public void Series_without_output_steps_still_read_and_a_missing_quantity_is_named()
    {
        using FlowProblem problem = FlowProblemBuilder.Build(CaseFileLoader.Parse(Case, "content.toml"));
        var runner = new FlowRunner(problem);
        runner.Run();
        var layout = RowLayout.Of(runner.Recorder, problem.Mesh.Dimension);
        TimeSeries series = RunContent.Series(runner.Recorder.Rows, layout);

        // A series written before the output steps were recorded (no "step" quantity) still reads.
        var older = new TimeSeries(series.Times, series.Quantities.Where(q => q.Key != RunContentNames.Step).ToDictionary(q => q.Key, q => q.Value));
        var rows = RunContent.Rows(older, layout);
        Assert.All(rows, r => Assert.Equal(-1, r.Step));
        Assert.Equal(runner.Recorder.Rows.Select(r => r.Energy), rows.Select(r => r.Energy));

        var broken = new TimeSeries(series.Times, series.Quantities.Where(q => q.Key != RunContentNames.Energy).ToDictionary(q => q.Key, q => q.Value));
        var error = Assert.Throws<InvalidDataException>(() => RunContent.Rows(broken, layout));
        Assert.Contains($"'{RunContentNames.Energy}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_names_are_spelled_only_in_RunContentNames()
    {
        // The names only a run's result and checkpoint content use. Series names such as "edb_defect"
        // are also the summary JSON's property names and study.h5's dataset names (other formats, with
        // their own documented names), and "time"/"step"/"density" are common words: not scanned.
        string[] names = [RunContentNames.StateNextOutput, RunContentNames.StateCurrentStep, RunContentNames.StateRejected, RunContentNames.LogRatioField];
        string root = KeyTableDocumentationTests.RepositoryRoot();
        var offenders = new List<string>();
        foreach (string folder in new[] { "Runs", "cli", "Flows", "KernelApprox", "Verification" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || Path.GetFileName(file) == "RunContentNames.cs")
                {
                    continue;
                }

                string text = File.ReadAllText(file);
                offenders.AddRange(names.Where(n => OutsideJsonNames(text).Contains($"\"{n}\"", StringComparison.Ordinal)).Select(n => $"{Path.GetRelativePath(root, file)}: \"{n}\""));
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    /// <summary>The source without its [JsonPropertyName("...")] attributes: the summary JSON names its properties with the same words, and those are the JSON contract, not the HDF5 layout.</summary>
    private static string OutsideJsonNames(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "JsonPropertyName\\(\"[^\"]*\"\\)", "");

    private static void AssertSameRow(SnapshotRow expected, SnapshotRow actual)
    {
        Assert.Equal(Bits(expected.Time), Bits(actual.Time));
        Assert.Equal(expected.Step, actual.Step);
        Assert.Equal(Bits(expected.Energy), Bits(actual.Energy));
        Assert.Equal(Bits(expected.Mass), Bits(actual.Mass));
        Assert.Equal(expected.Mean.Select(Bits), actual.Mean.Select(Bits));
        Assert.Equal(expected.Covariance.SelectMany(r => r).Select(Bits), actual.Covariance.SelectMany(r => r).Select(Bits));
        Assert.Equal(Bits(expected.Dissipation), Bits(actual.Dissipation));
        Assert.Equal(Bits(expected.EdbDefect), Bits(actual.EdbDefect));
        Assert.Equal(Bits(expected.MinDensity), Bits(actual.MinDensity));
        Assert.Equal(expected.RegionMasses.Select(Bits), actual.RegionMasses.Select(Bits));
        Assert.Equal(expected.ProbeValues.Select(Bits), actual.ProbeValues.Select(Bits));
        Assert.NotEmpty(actual.RegionMasses);
        Assert.Equal(2, actual.ProbeValues.Length);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
