using PdeFlows.Runs.Sharding;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Tests.Sharding;

/// <summary>
/// A study run in shards and merged writes what one process writes: tables byte for byte, study.h5
/// bit for bit except the runs' wall-clock seconds, and the same verdict. The study has a case reference
/// per row (scheme changed), so references are tasks of their own; the base case comes from a file the
/// study includes, so a change to it between the shards and the merge is noticed.
/// </summary>
public sealed class StudyShardTests : IDisposable
{
    private const string BaseCase = """
        name = "fr-base"
        [domain]
        kind = "interval"
        lower = [-2.0]
        upper = [2.0]
        cells = [10]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-0.5)^2)"
        [flow]
        kind = "wfr"
        [time]
        end = 0.2
        step = 0.05
        [output]
        times = [0, 0.1, 0.2]
        """;

    private const string Study = """
        [study]
        name = "sharded"
        case = "base.toml"
        [sweep]
        parameter = "cells"
        values = [1, 2, 4]
        [reference]
        kind = "case"
        scheme = "strang"
        [metrics]
        names = ["l1", "energy"]
        """;

    private readonly TemporaryDirectory folder = new("shards");

    public void Dispose() => folder.Dispose();

    private StudyShardSource Source()
    {
        File.WriteAllText(folder.File("base.toml"), BaseCase);
        File.WriteAllText(folder.File("study.toml"), Study);
        return StudyShardSource.FromFile(folder.File("study.toml"), Study);
    }

    private List<string> Shards(StudyShardSource source, int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            string directory = folder.File($"part{i}");
            StudyShards.RunShard(source, new ShardSpec(i, count), directory);
            return directory;
        })];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_merge_of_n_shards_equals_the_unsharded_study(int count)
    {
        var source = Source();
        // Three runs and three per-row references: six tasks.
        Assert.Equal(6, source.Tasks().Count);
        var whole = StudyRunner.Run(source.Definitions[0]);
        StudyOutputWriter.Write(whole, folder.File("whole"));
        var parts = Shards(source, count);
        var outcome = ShardMerge.Merge([.. Enumerable.Reverse(parts)], folder.File("merged"));
        Assert.Equal(ShardManifest.StudyKind, outcome.Kind);
        Assert.Equal(File.ReadAllText(folder.File("whole/table.md")), outcome.Markdown);
        foreach (string file in new[] { "table.md", "table.csv", "table.tex", "convergence.png", "energy.png" })
        {
            Assert.True(File.ReadAllBytes(folder.File("whole/" + file)).SequenceEqual(File.ReadAllBytes(folder.File("merged/" + file))), file);
        }

        var differences = HdfComparison.Differences(folder.File("whole/study.h5"), folder.File("merged/study.h5"), "wall_seconds");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // Not vacuous: every run's datasets (and the references') were compared.
        Assert.True(HdfComparison.DatasetCount(folder.File("whole/study.h5")) >= 3 * 9, "too few datasets compared");
    }

    [Fact]
    public void The_comparison_sees_a_run_that_differs()
    {
        // The checker can fail: the study with another base step differs in every density.
        var source = Source();
        StudyOutputWriter.Write(StudyRunner.Run(source.Definitions[0]), folder.File("whole"));
        File.WriteAllText(folder.File("base.toml"), BaseCase.Replace("step = 0.05", "step = 0.025", StringComparison.Ordinal));
        StudyOutputWriter.Write(StudyRunner.Run(StudyShardSource.FromFile(folder.File("study.toml"), Study).Definitions[0]), folder.File("other"));
        Assert.Contains(HdfComparison.Differences(folder.File("whole/study.h5"), folder.File("other/study.h5"), "wall_seconds"), d => d.Contains("/runs/00/density/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_shard_is_refused_naming_the_shards_given()
    {
        var parts = Shards(Source(), 3);
        var e = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([parts[0], parts[2]], folder.File("merged")));
        Assert.Contains("shard 2/3 missing", e.Message, StringComparison.Ordinal);
        Assert.Contains(parts[2], e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("merged")));
    }

    [Fact]
    public void A_duplicate_shard_is_refused()
    {
        var parts = Shards(Source(), 2);
        CopyDirectory(parts[1], folder.File("copy"));
        var e = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([parts[0], parts[1], folder.File("copy")], null));
        Assert.Contains($"{parts[1]} and {folder.File("copy")} are both shard 2/2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([parts[0], parts[1], parts[1]], null));
    }

    [Fact]
    public void Shards_of_another_study_text_are_refused_naming_the_directory()
    {
        var source = Source();
        string first = folder.File("part1");
        StudyShards.RunShard(source, new ShardSpec(1, 2), first);
        string edited = Study.Replace("values = [1, 2, 4]", "values = [1, 2, 3]", StringComparison.Ordinal);
        string second = folder.File("part2");
        StudyShards.RunShard(StudyShardSource.FromFile(folder.File("study.toml"), edited), new ShardSpec(2, 2), second);
        var e = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([first, second], null));
        Assert.StartsWith($"{second}: a shard of study 'sharded'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"but {first} is a shard of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_included_case_file_is_refused()
    {
        var parts = Shards(Source(), 2);
        File.WriteAllText(folder.File("base.toml"), BaseCase.Replace("end = 0.2", "end = 0.3", StringComparison.Ordinal).Replace("times = [0, 0.1, 0.2]", "times = [0, 0.1, 0.3]", StringComparison.Ordinal));
        var e = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(parts, folder.File("merged")));
        Assert.Contains("has changed since the shard ran", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(parts[0], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_corrupt_run_file_and_an_unfinished_shard_are_refused_naming_the_file()
    {
        var parts = Shards(Source(), 2);
        string run = Path.Combine(parts[1], StudyShards.RunFileName(1));
        byte[] bytes = File.ReadAllBytes(run);
        File.WriteAllBytes(run, bytes[..(bytes.Length / 2)]);
        var corrupt = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(parts, folder.File("merged")));
        Assert.Equal($"{run}: the run file's bytes do not match the checksum in the manifest (truncated, corrupted or replaced)", corrupt.Message);

        File.Delete(run);
        var missing = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(parts, folder.File("merged")));
        Assert.Equal($"{run}: the run file named in the manifest is missing", missing.Message);

        File.Delete(Path.Combine(parts[0], ShardManifest.FileName));
        var unfinished = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(parts, folder.File("merged")));
        Assert.StartsWith($"{parts[0]}: no manifest.json", unfinished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_builtin_and_a_particle_study_cannot_be_sharded()
    {
        Assert.Throws<ArgumentException>(() => StudyShardSource.FromBuiltin("gamma-fr"));
        string particles = File.ReadAllText("particle-count-study.toml");
        var source = StudyShardSource.FromFile(Path.GetFullPath("particle-count-study.toml"), particles);
        Assert.Contains("particle count", source.Unshardable, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StudyShards.RunShard(source, new ShardSpec(1, 2), folder.File("p")));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
