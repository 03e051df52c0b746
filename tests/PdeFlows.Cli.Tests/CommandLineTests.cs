using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary>The command-line contract: help, version, exit codes for usage errors.</summary>
public class CommandLineTests
{
    [Fact]
    public void Help_lists_every_documented_command()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (string command in new[] { "run", "verify", "demo", "info", "plot", "bench" })
        {
            Assert.Contains(command, output);
        }
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(CommandLineApp.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public void Unknown_command_exits_2_with_one_line_and_a_hint()
    {
        var (code, _, error) = Run("frobnicate");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("frobnicate", error);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void Missing_command_exits_2()
    {
        var (code, _, error) = Run();
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("hint", error);
    }
}
