using PdeFlows.Runs.References;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Sharding;

/// <summary>What <see cref="ShardMerge.Merge"/> wrote.</summary>
/// <param name="Kind"><see cref="ShardManifest.StudyKind"/> or <see cref="ShardManifest.ReferenceKind"/>.</param>
/// <param name="Name">The study's or case's name.</param>
/// <param name="Directory">The output directory.</param>
/// <param name="Markdown">The tables, as the unsharded command prints them.</param>
/// <param name="Failures">A study's missed expectations (empty when all held, and for a reference).</param>
public sealed record MergeOutcome(string Kind, string Name, string Directory, string Markdown, IReadOnlyList<string> Failures);

/// <summary>
/// <c>pdeflows merge DIR… [--out DIR]</c>: checks that the directories are the N shards of one study
/// or reference — same kind, name, source text hash, shard count, task count, levels and PdeFlows
/// build; every shard 1…N present exactly once; each holding exactly its tasks — and then writes the
/// same outputs an unsharded run writes (<see cref="StudyShards.Merge"/>, <see cref="ReferenceShards.Merge"/>).
/// </summary>
public static class ShardMerge
{
    /// <summary>Validates and merges.</summary>
    /// <param name="directories">The shard directories, in any order.</param>
    /// <param name="output">The output directory, or null for <c>verify-NAME</c> / <c>reference-NAME</c>.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ShardMergeException">The directories are not the complete shards of one sweep; the message names the directory.</exception>
    public static MergeOutcome Merge(IReadOnlyList<string> directories, string? output)
    {
        var shards = Validate(directories);
        var manifest = shards[0].Manifest;
        string directory = output ?? DefaultDirectory(manifest);
        if (manifest.Kind == ShardManifest.StudyKind)
        {
            BuiltinStudyOutcome outcome = StudyShards.Merge(shards, directory);
            return new MergeOutcome(manifest.Kind, manifest.Name, directory, outcome.Markdown, outcome.Failures);
        }

        ReferenceResult result = ReferenceShards.Merge(shards, directory);
        return new MergeOutcome(manifest.Kind, manifest.Name, directory, ReferenceTables.Markdown(result), []);
    }

    /// <summary>The default output directory of a merge: what the unsharded command writes to.</summary>
    /// <param name="manifest">A shard's manifest.</param>
    /// <returns>The directory.</returns>
    public static string DefaultDirectory(ShardManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Kind == ShardManifest.StudyKind ? $"verify-{manifest.Name}" : $"reference-{manifest.Name}";
    }

    /// <summary>Reads every manifest and checks that together they are the complete shards of one sweep.</summary>
    /// <param name="directories">The shard directories.</param>
    /// <returns>The directories with their manifests, ordered by shard.</returns>
    /// <exception cref="ShardMergeException">They are not; the message names the directory.</exception>
    public static IReadOnlyList<(string Directory, ShardManifest Manifest)> Validate(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new ShardMergeException("no shard directories given", "pdeflows merge parts/1 parts/2 … (every shard 1…N)");
        }

        var repeated = directories.GroupBy(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ShardMergeException($"{repeated.First()}: given more than once");
        }

        var shards = directories.Select(d => (Directory: d, Manifest: ShardManifest.Read(d))).ToList();
        var (firstDirectory, first) = shards[0];
        foreach (var (directory, manifest) in shards.Skip(1))
        {
            if (Identity(manifest) != Identity(first))
            {
                throw new ShardMergeException(
                    $"{directory}: a shard of {Describe(manifest)}, but {firstDirectory} is a shard of {Describe(first)}",
                    "merge only the shards of one run of one study or case (same text, shard count, levels and PdeFlows build)");
            }
        }

        foreach (var group in shards.GroupBy(s => s.Manifest.Shard).Where(g => g.Count() > 1))
        {
            throw new ShardMergeException($"{string.Join(" and ", group.Select(s => s.Directory))} are {(group.Count() == 2 ? "both" : "all")} shard {group.Key}/{first.ShardCount}", "give each shard directory once");
        }

        int[] missing = [.. Enumerable.Range(1, first.ShardCount).Where(i => shards.All(s => s.Manifest.Shard != i))];
        if (missing.Length > 0)
        {
            throw new ShardMergeException(
                $"shard{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{first.ShardCount}"))} missing (given: {string.Join(", ", shards.Select(s => $"{s.Directory} = {s.Manifest.Shard}/{s.Manifest.ShardCount}"))})",
                "run the missing shards, then merge all N directories");
        }

        foreach (var (directory, manifest) in shards)
        {
            var expected = new ShardSpec(manifest.Shard, manifest.ShardCount).Select(manifest.TaskCount);
            if (!manifest.Tasks.Select(t => t.Index).SequenceEqual(expected))
            {
                throw new ShardMergeException($"{directory}: holds tasks [{string.Join(", ", manifest.Tasks.Select(t => t.Index))}], but shard {manifest.Shard}/{manifest.ShardCount} of {manifest.TaskCount} tasks holds [{string.Join(", ", expected)}]", "rerun this shard");
            }
        }

        return [.. shards.OrderBy(s => s.Manifest.Shard)];
    }

    /// <summary>Everything two shards of one sweep share.</summary>
    private static string Identity(ShardManifest m) =>
        string.Join("\n", m.Kind, m.Name, m.Builtin ?? "", m.SourceSha256, m.ShardCount, m.TaskCount, m.Levels?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", m.Version, m.GitCommit ?? "");

    private static string Describe(ShardManifest m) =>
        $"{m.Kind} '{m.Name}' (source SHA-256 {m.SourceSha256[..Math.Min(12, m.SourceSha256.Length)]}…, {m.ShardCount} shards of {m.TaskCount} tasks{(m.Levels is int k ? $", {k} levels" : "")}, PdeFlows {m.Version}{(m.GitCommit is { } c ? " " + c[..Math.Min(12, c.Length)] : "")})";
}
