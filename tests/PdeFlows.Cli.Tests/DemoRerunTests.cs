using PdeFlows.IO;
using PdeFlows.Runs.Demo;
using PdeFlows.Runs.Running;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// <c>pdeflows demo</c> writes its case files so that a user can rerun them: <c>pdeflows run</c> on
/// each written case file gives the demo's numbers exactly (issue 11: the demo's reaction tolerance is
/// a case key now, not a hidden setting of the demo).
/// </summary>
public sealed class DemoRerunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-demo-rerun-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The demo at its test size (as in the Runs tests of the demo): coarse meshes and few steps.</summary>
    private static string Shrink(string text) => text
        .Replace("cells = [64, 32]", "cells = [16, 8]", StringComparison.Ordinal)
        .Replace("cells = [24, 12]", "cells = [12, 6]", StringComparison.Ordinal)
        .Replace("step = 0.01", "step = 0.12", StringComparison.Ordinal);

    [Fact]
    public void Pdeflows_run_on_every_written_case_gives_the_demo_series_bit_for_bit()
    {
        var outcome = Demonstration.Run(Path.Combine(folder, "demo"), DemoOptions.Default with { Lambdas = [1e-1, 1e-3], CaseTextFilter = Shrink });
        Assert.Equal(6, outcome.CaseFiles.Count);
        Assert.Contains(outcome.CaseFiles, f => File.ReadAllText(f).Contains("reaction_tolerance = 1e-6", StringComparison.Ordinal));
        for (int i = 0; i < outcome.CaseFiles.Count; i++)
        {
            string caseFile = outcome.CaseFiles[i];
            string name = Path.GetFileNameWithoutExtension(caseFile);
            string summaryPath = Path.Combine(folder, name + ".json");
            var stderr = new StringWriter();
            int code = CommandLineApp.Run(["run", caseFile, "--out", Path.Combine(folder, "rerun-" + name), "--summary", summaryPath, "--quiet"], new StringWriter(), stderr);
            Assert.True(code == 0, stderr.ToString());
            RunSummary rerun = RunSummary.FromJson(File.ReadAllText(summaryPath));

            using var demo = ResultReader.Open(outcome.ResultDirectories[i]);
            Assert.Equal(Bits(demo.Series.Times), Bits(rerun.Times));
            Assert.True(Bits(demo.Series.Quantities["energy"].Values).SequenceEqual(Bits(rerun.Energy)), $"{name}: energy differs");
            Assert.True(Bits(demo.Series.Quantities["mass"].Values).SequenceEqual(Bits(rerun.Mass)), $"{name}: mass differs");
            Assert.True(Bits(demo.Series.Quantities["dissipation"].Values).SequenceEqual(Bits(rerun.Dissipation)), $"{name}: dissipation differs");
        }
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
