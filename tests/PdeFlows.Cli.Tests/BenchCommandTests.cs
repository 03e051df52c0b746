using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// <c>pdeflows bench --tiny</c> runs every benchmark case (bench/cases) and the kernel case at a few
/// cells and steps (issue 14: the bench failed on its own kernel case and nothing ran it), and prints
/// beside each row with linear solves the bound it is compared against. Timings are not asserted.
/// </summary>
public class BenchCommandTests(ITestOutputHelper output)
{
    private static string CaseFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "cases");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bench/cases not found above the test directory");
    }

    [Fact]
    public void Tiny_bench_runs_every_case_and_prints_the_bandwidth_bound()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["bench", "--tiny", "--cases", CaseFolder()], stdout, stderr);
        string text = stdout.ToString();
        output.WriteLine(text);
        output.WriteLine(stderr.ToString());
        Assert.Equal(0, code);
        Assert.Matches(@"copy bandwidth \d+\.\d GB/s", text);
        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| case", StringComparison.Ordinal)).ToList();
        // The seven bench/cases files and the kernel case.
        Assert.Equal(8, rows.Count);
        foreach (var row in rows.Where(r => !r.Contains("kernel", StringComparison.Ordinal)))
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();
            // Per step, linear solves per step and the bound are numbers; the bound is positive.
            double perStep = double.Parse(cells[5], CultureInfo.InvariantCulture);
            double bound = double.Parse(cells[7], CultureInfo.InvariantCulture);
            Assert.True(perStep > 0 && bound > 0, row);
        }

        Assert.Contains(rows, r => r.Contains("kernel-sfr", StringComparison.Ordinal));
    }

    [Fact]
    public void Profile_splits_a_case_by_phase()
    {
        var stdout = new StringWriter();
        int code = CommandLineApp.Run(["bench", "--tiny", "--cases", CaseFolder(), "--profile", "swfr-2d-square"], stdout, new StringWriter());
        string text = stdout.ToString();
        output.WriteLine(text);
        Assert.Equal(0, code);
        foreach (string phase in new[] { "reaction", "transport: linear solves", "EDB diagnostics" })
        {
            Assert.Matches(new Regex($@"\| {Regex.Escape(phase)}[^|]*\| \d+\.\d+ \|"), text);
        }
    }

    [Fact]
    public void A_missing_case_folder_is_a_usage_error()
    {
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["bench", "--cases", "/nonexistent/folder"], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--cases", stderr.ToString());
    }
}
