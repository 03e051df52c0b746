using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary><c>pdeflows verify</c>: exit codes and messages (2 bad input with file/line/key, 1 missed order with the table).</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private const string Study = """
        [study]
        name = "fr-kl-cells"
        [sweep]
        parameter = "cells"
        values = [1, 2]
        [reference]
        kind = "closed-form"
        closed_form = "fr-kl"
        [metrics]
        names = ["l1"]
        [expected]
        metric = "l1"
        order = 2.0
        tolerance = 0.1
        [domain]
        kind = "interval"
        lower = [-3.0]
        upper = [3.0]
        cells = [20]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-1)^2)"
        [flow]
        kind = "fr"
        [time]
        end = 0.5
        step = 0.1
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-verify-").FullName;

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_missed_order_exits_1_with_the_whole_table()
    {
        string path = Path.Combine(folder, "study.toml");
        File.WriteAllText(path, Study);
        var (code, output, error) = Run("verify", path, "--out", Path.Combine(folder, "out"), "--quiet");
        Assert.Equal(ExitCodes.NumericalFailure, code);
        Assert.Contains("| h", output);
        Assert.Contains("FAILED", error);
        Assert.Contains("LS fit", error);
        Assert.True(File.Exists(Path.Combine(folder, "out", "table.md")));
        Assert.True(File.Exists(Path.Combine(folder, "out", "study.h5")));
    }

    [Fact]
    public void A_bad_study_file_exits_2_naming_file_line_and_key()
    {
        string path = Path.Combine(folder, "bad.toml");
        File.WriteAllText(path, Study.Replace("values = [1, 2]", "values = [1, 2]\nvalue = 3", StringComparison.Ordinal));
        var (code, _, error) = Run("verify", path, "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.toml:6", error);
        Assert.Contains("[sweep] value", error);
    }

    [Fact]
    public void An_unknown_builtin_exits_2_listing_the_builtins()
    {
        var (code, _, error) = Run("verify", "--builtin", "nope");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("gamma-fr", error);
    }
}
