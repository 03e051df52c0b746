using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// Wrong usage of every command (missing file, unknown command or option, an output folder that cannot
/// be written) exits 2 with one clear line naming the culprit and a hint line — never a stack trace.
/// </summary>
public sealed class UsageErrorTests : IDisposable
{
    /// <summary>A folder no one can create: /proc does not accept new entries, even for root.</summary>
    private const string Forbidden = "/proc/forbidden";

    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-usage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string[], string> WrongUsages() => new()
    {
        { ["run", "nope.toml"], "nope.toml" },
        { ["run"], "CASE" },
        { ["run", "examples/01-fr-closed-form.toml", "--bogus"], "--bogus" },
        { ["demo", "--bogus"], "--bogus" },
        { ["demo", "--out", Forbidden], Forbidden },
        { ["plot", "/nonexistent/run"], "/nonexistent/run" },
        { ["plot"], "RUN" },
        { ["info", "/nonexistent/run"], "/nonexistent/run" },
        { ["info"], "RUN" },
        { ["frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(WrongUsages))]
    public void Wrong_usage_exits_2_with_one_line_and_a_hint(string[] args, string named)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(string.Empty, output);
        AssertOneLineAndHint(error, named);
    }

    [Fact]
    public void Run_with_an_unwritable_out_folder_exits_2_before_running()
    {
        string casePath = WriteSmallCase();
        var (code, _, error) = Run("run", casePath, "--out", Path.Combine(Forbidden, "x"), "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        AssertOneLineAndHint(error, Forbidden);
    }

    [Fact]
    public void Run_with_an_unwritable_summary_exits_2_before_running()
    {
        string casePath = WriteSmallCase();
        var (code, _, error) = Run("run", casePath, "--summary", "/proc/summary.json", "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        AssertOneLineAndHint(error, "/proc");
    }

    [Fact]
    public void Run_with_a_folder_as_summary_exits_2_before_running_and_writes_nothing()
    {
        // Found at the end of the run before issue 13 ("Is a directory"), after the result was written.
        string casePath = WriteSmallCase();
        string run = Path.Combine(folder, "run-with-folder-summary");
        var (code, _, error) = Run("run", casePath, "--out", run, "--summary", folder, "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        AssertOneLineAndHint(error, $"--summary '{folder}' is a folder");
        Assert.False(Directory.Exists(run), "the run started before the summary path was checked");
    }

    [Fact]
    public void Plot_into_an_unwritable_folder_exits_2()
    {
        string casePath = WriteSmallCase();
        string result = Path.Combine(folder, "run");
        Assert.Equal(0, Run("run", casePath, "--out", result, "--quiet").Code);
        var (code, _, error) = Run("plot", result, "--out", Forbidden);
        Assert.Equal(ExitCodes.BadInput, code);
        AssertOneLineAndHint(error, Forbidden);
    }

    [Fact]
    public void The_message_checker_can_fail()
    {
        Assert.ThrowsAny<Exception>(() => AssertOneLineAndHint("pdeflows run: oops\n   at Foo.Bar()\n", "oops"));
        Assert.ThrowsAny<Exception>(() => AssertOneLineAndHint("pdeflows run: oops\n", "oops"));
    }

    private static void AssertOneLineAndHint(string error, string named)
    {
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 2, $"expected a message line and a hint line, got:\n{error}");
        Assert.StartsWith("pdeflows", lines[0], StringComparison.Ordinal);
        Assert.Contains(named, lines[0], StringComparison.Ordinal);
        Assert.StartsWith("hint: ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string WriteSmallCase()
    {
        string path = Path.Combine(folder, "small.toml");
        File.WriteAllText(path, """
            name = "small"
            [domain]
            kind = "interval"
            lower = [-3.0]
            upper = [3.0]
            cells = [30]
            [target]
            potential = "x^2/2"
            [initial]
            density = "exp(-(x-1)^2)"
            [flow]
            kind = "sfr"
            [time]
            end = 0.1
            step = 0.05
            """);
        return path;
    }
}
