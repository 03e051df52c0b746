using PdeFlows.Runs.Tests.Sharding;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// The acceptance of issue 15, item 2, through the command line: <c>verify --builtin space-order</c>
/// sharded three ways (<c>--shard I/3</c>, as a Slurm array would run it) and merged with
/// <c>pdeflows merge</c> gives the unsharded tables byte for byte, the same printed report, and
/// study.h5 bit for bit except the runs' <c>wall_seconds</c>; bad shards exit 2 naming the directory.
/// </summary>
public sealed class ShardCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-shards-").FullName;

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string In(string name) => Path.Combine(folder, name);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Space_order_sharded_three_ways_merges_to_the_unsharded_outputs()
    {
        var whole = Run("verify", "--builtin", "space-order", "--out", In("whole"), "--quiet");
        Assert.Equal(ExitCodes.Success, whole.Code);
        for (int i = 1; i <= 3; i++)
        {
            var shard = Run("verify", "--builtin", "space-order", "--shard", $"{i}/3", "--out", In($"parts/{i}"), "--quiet");
            Assert.True(shard.Code == ExitCodes.Success, shard.Error);
            Assert.Equal(string.Empty, shard.Output);
        }

        var merged = Run("merge", In("parts/2"), In("parts/3"), In("parts/1"), "--out", In("merged"));
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Equal(whole.Output, merged.Output);
        Assert.Contains("passed: L2 t=0.5 order in h", merged.Output, StringComparison.Ordinal);
        foreach (string file in new[] { "table.md", "table.csv", "table.tex", "convergence.png", "energy.png" })
        {
            Assert.True(File.ReadAllBytes(In("whole/" + file)).SequenceEqual(File.ReadAllBytes(In("merged/" + file))), $"{file} differs");
        }

        var differences = HdfComparison.Differences(In("whole/study.h5"), In("merged/study.h5"), "wall_seconds");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // Four runs, each with coordinates, cells, times, density, energy, dissipation, EDB defect; and the table.
        Assert.Equal(1 + (4 * 7), HdfComparison.DatasetCount(In("whole/study.h5")));
        // The wall-clock seconds are the only thing excepted, and they do differ (so the exception is needed, not a blanket).
        Assert.NotEmpty(HdfComparison.Differences(In("whole/study.h5"), In("merged/study.h5")));
    }

    [Fact]
    public void Merge_refuses_a_missing_shard_with_exit_2_naming_the_directories()
    {
        Assert.Equal(ExitCodes.Success, Run("verify", "--builtin", "mmd-flow", "--shard", "1/2", "--out", In("p1"), "--quiet").Code);
        var (code, output, error) = Run("merge", In("p1"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("shard 2/2 missing", error, StringComparison.Ordinal);
        Assert.Contains(In("p1"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        var other = Run("merge", In("p1"), In("nowhere"));
        Assert.Equal(ExitCodes.BadInput, other.Code);
        Assert.Contains($"{In("nowhere")}: no such directory", other.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("2")]
    public void A_bad_shard_option_exits_2(string shard)
    {
        var (code, _, error) = Run("verify", "--builtin", "space-order", "--shard", shard, "--out", In("x"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--shard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_needs_an_output_directory_and_a_program_study_cannot_be_sharded()
    {
        Assert.Contains("--shard needs --out", Run("verify", "--builtin", "space-order", "--shard", "1/2").Error, StringComparison.Ordinal);
        var gamma = Run("verify", "--builtin", "gamma-fr", "--shard", "1/2", "--out", In("g"));
        Assert.Equal(ExitCodes.BadInput, gamma.Code);
        Assert.Contains("cannot be sharded", gamma.Error, StringComparison.Ordinal);
    }
}
