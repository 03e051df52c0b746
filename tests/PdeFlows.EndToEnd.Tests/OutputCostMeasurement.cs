using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// Issue 5 item 3: how much of a run's wall time goes to writing the result directory, on the 2D
/// 200 × 200 square (40,401 nodes), SWFR of KL with the exact reaction, 200 steps, 40 output times,
/// a checkpoint every 50 steps. Prints numbers, asserts none. About a minute, so it runs only with
/// <c>PDEFLOWS_OUTPUT_COST=1</c> (skipped otherwise).
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public partial class OutputCostMeasurement(RunFixture fixture, ITestOutputHelper output)
{
    private static readonly string Times = string.Join(", ", Enumerable.Range(0, 39).Select(k => (k * 0.01).ToString("0.00", CultureInfo.InvariantCulture)).Append("0.4"));

    private static readonly string CaseText = $$"""
        name = "output-cost-200x200"

        [domain]
        kind = "rectangle"
        lower = [-3.0, -3.0]
        upper = [3.0, 3.0]
        cells = [200, 200]

        [target]
        potential = "(x^2 - 1)^2 + 0.5*y^2"

        [initial]
        density = "exp(-((x-1.5)^2 + (y-1)^2)/0.5)"
        mass = 1.0

        [flow]
        kind = "swfr"
        energy = "kl"
        reaction = "exact"

        [time]
        end = 0.4
        step = 2e-3
        scheme = "lie-ie"

        [output]
        times = [{{Times}}]
        checkpoint_every = 50
        """;

    [GeneratedRegex(@"writing (?<seconds>[0-9.]+) s, (?<percent>[0-9.]+)% of the run, of which result\.h5 (?<finish>[0-9.]+) s")]
    private static partial Regex WritingLine();

    [SkippableFact]
    public void Writing_share_of_the_wall_time_on_a_200x200_square_with_40_outputs()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("PDEFLOWS_OUTPUT_COST") == "1", "set PDEFLOWS_OUTPUT_COST=1 to measure (about a minute)");
        string caseFile = Path.Combine(fixture.Root, "output-cost.toml");
        File.WriteAllText(caseFile, CaseText);
        for (int repetition = 1; repetition <= 2; repetition++)
        {
            string summary = fixture.NewPath("cost") + ".json";
            var plain = Pdeflows.Run(fixture.Root, null, "run", caseFile, "--summary", summary);
            Assert.True(plain.ExitCode == 0, plain.ToString());
            double withoutOut = WallSeconds(summary);

            string run = fixture.NewPath("cost-run");
            var written = Pdeflows.Run(fixture.Root, null, "run", caseFile, "--out", run, "--summary", summary);
            Assert.True(written.ExitCode == 0, written.ToString());
            var match = WritingLine().Match(written.Stderr);
            Assert.True(match.Success, written.Stderr);
            double writing = double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
            double finish = double.Parse(match.Groups["finish"].Value, CultureInfo.InvariantCulture);
            double withOut = WallSeconds(summary) + finish; // the summary's wall time stops before result.h5
            long bytes = Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"repetition {repetition}: without --out {withoutOut:F2} s; with --out {withOut:F2} s, of which writing {writing:F2} s ({100 * writing / withOut:F1}%; result.h5 {finish:F2} s); " +
                $"difference {withOut - withoutOut:F2} s ({100 * (withOut - withoutOut) / withOut:F1}%); directory {bytes / 1e6:F0} MB; load average {LoadAverage()}"));
            Directory.Delete(run, recursive: true);
        }
    }

    private static double WallSeconds(string summary)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(summary));
        return json.RootElement.GetProperty("wall_seconds").GetDouble();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
