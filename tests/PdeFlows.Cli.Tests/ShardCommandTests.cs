using PdeFlows.Runs.Tests.Sharding;
using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// The acceptance of issue 15, item 2, through the command line: <c>verify --builtin space-order</c>
/// sharded three ways and merged, with the very command lines of the Slurm example
/// (examples/cluster/space-order.slurm for array tasks 1–3, space-order-merge.slurm), gives the
/// unsharded tables byte for byte, the same printed report, and study.h5 bit for bit except the runs'
/// <c>wall_seconds</c>; bad shards exit 2 naming the directory.
/// </summary>
public sealed class ShardCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-shards-").FullName;

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string In(string name) => Path.Combine(folder, name);

    [Fact]
    public void Space_order_sharded_three_ways_merges_to_the_unsharded_outputs()
    {
        var whole = Run("verify", "--builtin", "space-order", "--out", In("whole"), "--quiet");
        Assert.Equal(ExitCodes.Success, whole.Code);
        string array = Script("space-order.slurm");
        Assert.Contains("#SBATCH --array=1-3", array, StringComparison.Ordinal);
        for (int i = 1; i <= 3; i++)
        {
            string[] command = Command(array, "pdeflows verify", new() { ["SLURM_ARRAY_TASK_ID"] = $"{i}", ["SLURM_ARRAY_TASK_COUNT"] = "3" });
            Assert.Equal(["verify", "--builtin", "space-order", "--shard", $"{i}/3", "--out", In($"parts/{i}"), "--quiet"], command);
            var shard = Run(command);
            Assert.True(shard.Code == ExitCodes.Success, shard.Error);
            Assert.Equal(string.Empty, shard.Output);
        }

        string[] merge = Command(Script("space-order-merge.slurm"), "pdeflows merge", []);
        Assert.Equal("merge", merge[0]);
        var merged = Run([.. merge.Select(a => a == In("verify-space-order") ? In("merged") : a)]);
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
    public void A_builtin_of_two_study_files_with_a_shared_reference_merges_to_the_unsharded_outputs()
    {
        // time-order: two study files (lie-ie, strang), each a τ sweep with one shared case reference: 10 tasks over 4 shards.
        var whole = Run("verify", "--builtin", "time-order", "--out", In("whole"), "--quiet");
        Assert.Equal(ExitCodes.Success, whole.Code);
        for (int i = 1; i <= 4; i++)
        {
            Assert.Equal(ExitCodes.Success, Run("verify", "--builtin", "time-order", "--shard", $"{i}/4", "--out", In($"parts/{i}"), "--quiet").Code);
        }

        var merged = Run("merge", In("parts/1"), In("parts/2"), In("parts/3"), In("parts/4"), "--out", In("merged"));
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Equal(whole.Output, merged.Output);
        foreach (string study in new[] { "time-order-lie-ie", "time-order-strang" })
        {
            foreach (string file in new[] { "table.md", "table.csv", "table.tex", "convergence.png", "energy.png" })
            {
                Assert.True(File.ReadAllBytes(In($"whole/{study}/{file}")).SequenceEqual(File.ReadAllBytes(In($"merged/{study}/{file}"))), $"{study}/{file} differs");
            }

            var differences = HdfComparison.Differences(In($"whole/{study}/study.h5"), In($"merged/{study}/study.h5"), "wall_seconds");
            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
    }

    /// <summary>A script of examples/cluster/.</summary>
    private static string Script(string name) => RepositoryFile(Path.Combine("examples", "cluster", name));

    /// <summary>A file of the repository, found above the test folder.</summary>
    private static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, relative);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"{relative} not found above the test folder");
    }

    [Fact]
    public void The_docs_show_the_slurm_script_as_it_is()
    {
        string docs = RepositoryFile(Path.Combine("docs", "reference-solutions.md"));
        var lines = Script("space-order.slurm").Split('\n').Where(l => l.StartsWith("#SBATCH", StringComparison.Ordinal) || l.StartsWith("pdeflows", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, lines.Count);
        Assert.All(lines, line => Assert.Contains(line, docs, StringComparison.Ordinal));
        Assert.Contains(Script("space-order-merge.slurm").Split('\n').Single(l => l.StartsWith("pdeflows", StringComparison.Ordinal)), docs, StringComparison.Ordinal);
    }

    /// <summary>
    /// The arguments of the script's line starting with <paramref name="prefix"/>, as bash would pass
    /// them: variables replaced, quotes removed, relative paths taken in this test's folder, and a
    /// trailing <c>/*</c> glob expanded (sorted, as bash does).
    /// </summary>
    private string[] Command(string script, string prefix, Dictionary<string, string> variables)
    {
        string line = script.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var (name, value) in variables)
        {
            line = line.Replace("$" + name, value, StringComparison.Ordinal);
        }

        var args = new List<string>();
        foreach (string word in line.Replace("\"", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            if (word.EndsWith("/*", StringComparison.Ordinal))
            {
                args.AddRange(Directory.GetDirectories(In(word[..^2])).Order(StringComparer.Ordinal));
            }
            else
            {
                args.Add(word.StartsWith('-') || args.Count == 0 || args[^1] is not ("--out") ? word : In(word));
            }
        }

        Assert.DoesNotContain(args, a => a.Contains('$', StringComparison.Ordinal));
        return [.. args];
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
