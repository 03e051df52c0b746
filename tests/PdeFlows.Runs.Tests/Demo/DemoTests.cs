using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Demo;

namespace PdeFlows.Runs.Tests.Demo;

/// <summary>The demo pipeline at a tiny size: every file it promises is written, the report links them, the λ error falls.</summary>
public class DemoTests
{
    /// <summary>Shrinks the demo's cases: coarse meshes and 50 steps.</summary>
    private static string Shrink(string text) => text
        .Replace("cells = [64, 32]", "cells = [16, 8]", StringComparison.Ordinal)
        .Replace("cells = [24, 12]", "cells = [12, 6]", StringComparison.Ordinal)
        .Replace("step = 0.01", "step = 0.12", StringComparison.Ordinal);

    [Fact]
    public void The_embedded_case_files_parse()
    {
        foreach (string name in new[] { DemoCaseFiles.SphericalWassersteinFisherRao, DemoCaseFiles.Wasserstein, DemoCaseFiles.SphericalFisherRao, DemoCaseFiles.LambdaExact })
        {
            Assert.NotNull(CaseFileLoader.Parse(DemoCaseFiles.Text(name), name));
        }

        var kernel = CaseFileLoader.Parse(DemoCaseFiles.KernelCaseText(1e-3), "k.toml");
        Assert.Equal(1e-3, kernel.Kernel!.Lambda);
        Assert.Equal(ReactionKind.KernelFisherRaoSpherical, kernel.Flow.Reaction);
        Assert.Equal("1e-03", DemoCaseFiles.LambdaTag(1e-3));
    }

    [Fact]
    public void Demo_writes_cases_results_figures_table_and_report()
    {
        using var directory = new TemporaryDirectory("demo");
        var lines = new List<string>();
        var outcome = Demonstration.Run(directory.Path, DemoOptions.Default with { Lambdas = [1e-1, 1e-3], CaseTextFilter = Shrink, Log = lines.Add });

        Assert.Equal(6, outcome.CaseFiles.Count);
        Assert.All(outcome.CaseFiles, f => Assert.NotNull(CaseFileLoader.Load(f)));
        Assert.Equal(6, outcome.ResultDirectories.Count);
        Assert.All(outcome.ResultDirectories, d => Assert.True(File.Exists(Path.Combine(d, "result.xdmf")), d));
        // The five figures the demo promises (Demonstration.Run), by name: an empty list must fail.
        Assert.Equal(
            ["energy-dissipation.png", "initial-and-target.png", "lambda-convergence.png", "right-mode-mass.png", "snapshots.png"],
            outcome.Figures.Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        Assert.All(outcome.Figures, f => Assert.True(new FileInfo(f).Length > 1000, f));
        Assert.Equal(7, lines.Count);

        string report = File.ReadAllText(outcome.ReportPath);
        foreach (string figure in outcome.Figures)
        {
            Assert.Contains($"(figures/{Path.GetFileName(figure)})", report, StringComparison.Ordinal);
        }

        Assert.Contains("| λ", report, StringComparison.Ordinal);
        double[] errors = outcome.Table.Errors(LambdaSweep.SupL1);
        Assert.True(errors[1] < errors[0], $"the λ error should fall: {string.Join(", ", errors)}");
        Assert.True(outcome.RightModeMass["swfr"] > outcome.RightModeMass["w (α only)"], "swfr should move more mass to the right mode than w");
    }
}
