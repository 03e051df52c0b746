using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// The larger run of docs/reference-solutions.md: examples/03-swfr-1d.toml (the shipped SWFR example:
/// σ = 0.4 modes at ∓2 on [−4, 4], T = 5, six output times) at 100 cells and τ₀ = 0.01, K = 4 levels
/// against the same case two levels finer (up to 3200 cells, 512,000 steps). Several minutes, so it runs
/// only with <c>PDEFLOWS_REFERENCE_LARGE=1</c>; with <c>PDEFLOWS_REFERENCE_PAGE=FILE</c> it also writes
/// the page docs/results/reference-swfr-1d.md. Asserts the same [0.1, 3] criterion as the CI test.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReferenceLargeRun(ITestOutputHelper output)
{
    [SkippableFact]
    public void Example_03_with_four_levels_against_two_finer_levels()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("PDEFLOWS_REFERENCE_LARGE") == "1", "set PDEFLOWS_REFERENCE_LARGE=1 to run (several minutes)");
        string text = SwfrReferenceAcceptanceTests.Example("03-swfr-1d.toml")
            .Replace("cells = [800]", "cells = [100]", StringComparison.Ordinal)
            .Replace("step = 0.005", "step = 0.01", StringComparison.Ordinal);
        Assert.Contains("cells = [100]", text, StringComparison.Ordinal);
        Assert.Contains("step = 0.01", text, StringComparison.Ordinal);
        var comparison = ReferenceComparison.Run(text, levels: 4, extra: 2);
        string summary = string.Create(CultureInfo.InvariantCulture, $"true error / estimate over {comparison.Ratios.Count} extrapolated entries with a closed comparison: min {comparison.Ratios.Min():F3}, max {comparison.Ratios.Max():F3}; {comparison.Failures.Count} outside [0.1, 3]");
        var page = new StringBuilder()
            .AppendLine("# Reference solution of example 03 (SWFR, 1D): estimate against two finer levels")
            .AppendLine()
            .AppendLine("Made by (Release build; the page is written by the test, every number below is printed by it):")
            .AppendLine()
            .AppendLine("```")
            .AppendLine("PDEFLOWS_REFERENCE_LARGE=1 PDEFLOWS_REFERENCE_PAGE=$PWD/docs/results/reference-swfr-1d.md \\")
            .AppendLine("  dotnet test tests/PdeFlows.Runs.Tests -c Release --filter FullyQualifiedName~ReferenceLargeRun")
            .AppendLine("```")
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Case: `examples/03-swfr-1d.toml` with `cells = [100]`, `step = 0.01` (lie-ie). K = 4 levels (100–800 cells) under test; the truth is the same case on 6 levels (to 3200 cells, τ = 0.01/4⁵), Richardson from its two finest. Wall time of all six levels: {comparison.WallSeconds:F0} s."))
            .AppendLine()
            .AppendLine("## The energy (KL)")
            .AppendLine()
            .Append(comparison.EnergyTable())
            .AppendLine()
            .AppendLine(summary)
            .AppendLine()
            .AppendLine("## Every compared quantity")
            .AppendLine()
            .Append(comparison.Table)
            .AppendLine()
            .AppendLine("## The K = 4 reference as `pdeflows reference --levels 4` writes it")
            .AppendLine()
            .Append(PdeFlows.Runs.References.ReferenceTables.Markdown(comparison.Tested));
        output.WriteLine(page.ToString());
        if (Environment.GetEnvironmentVariable("PDEFLOWS_REFERENCE_PAGE") is { Length: > 0 } path)
        {
            File.WriteAllText(path, page.ToString());
        }

        Assert.True(comparison.Failures.Count == 0, string.Join("\n", comparison.Failures));
    }
}
