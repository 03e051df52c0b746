using System.Globalization;
using PdeFlows.IO;
using PdeFlows.Runs.References;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Sharding;

/// <summary>
/// <c>pdeflows reference … --shard I/N</c> and the reference half of <c>pdeflows merge</c>: a shard
/// runs its levels (level ℓ in shard (ℓ mod N) + 1) and writes each level's rows and size into
/// <c>runs/NNNN.h5</c>, then <c>manifest.json</c> with the case text; the merge reads all levels back
/// and extrapolates and writes exactly as the unsharded command.
/// </summary>
public static class ReferenceShards
{
    /// <summary>Runs shard <paramref name="shard"/> of the reference of a case.</summary>
    /// <param name="caseText">The case file's text.</param>
    /// <param name="casePath">The case file as named.</param>
    /// <param name="levels">K.</param>
    /// <param name="shard">Which shard.</param>
    /// <param name="directory">The shard directory.</param>
    /// <param name="progress">One line per level, or null.</param>
    /// <param name="cancellation">Stops a run between steps.</param>
    /// <returns>The manifest written.</returns>
    public static ShardManifest RunShard(string caseText, string casePath, int levels, ShardSpec shard, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        string folder = Path.GetDirectoryName(Path.GetFullPath(casePath))!;
        var plan = ReferencePlan.Create(ReferenceSession.Parse(caseText, casePath, folder), levels);
        var selected = shard.Select(levels);
        Directory.CreateDirectory(Path.Combine(directory, "runs"));
        var written = new List<ShardTask>();
        foreach (int level in selected)
        {
            ReferenceLevelRecord record = ReferenceRunner.Run(plan, [level], progress, cancellation)[0];
            string file = StudyShards.RunFileName(level);
            string caseHash = StudyShards.CaseHash(plan.Levels[level].Case);
            var extra = new Dictionary<string, double>
            {
                ["h"] = record.H, ["tau"] = record.Step, ["nodes"] = record.Nodes, ["cells"] = record.Cells,
                ["steps"] = record.Steps, ["rejected_steps"] = record.RejectedSteps,
            };
            ShardRunFile.Write(Path.Combine(directory, file), caseHash, record.Rows, Layout(plan, record.Rows[0].Mean.Length), null, record.WallSeconds, extra);
            written.Add(new ShardTask(level, 0, level, $"level {level.ToString(CultureInfo.InvariantCulture)}", caseHash, file, ShardRunFile.Checksum(Path.Combine(directory, file)), record.WallSeconds));
        }

        var code = CodeVersion.Current;
        var manifest = new ShardManifest(
            ShardManifest.FormatName, 1, ShardManifest.ReferenceKind, plan.BaseCase.Name, null, casePath, folder, caseText, CaseTextHash.Compute(caseText),
            levels, shard.Index, shard.Count, levels, written, code.Version, code.GitCommit);
        CaseRunSession.WriteAtomically(Path.Combine(directory, ShardManifest.FileName), manifest.ToJson());
        return manifest;
    }

    /// <summary>Merges complete, validated shards (<see cref="ShardMerge"/>) and writes the reference into <paramref name="directory"/>.</summary>
    /// <param name="shards">The shard directories and manifests, one per shard.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ShardMergeException">A run file is missing, unreadable or of another case.</exception>
    public static ReferenceResult Merge(IReadOnlyList<(string Directory, ShardManifest Manifest)> shards, string directory)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var first = shards[0].Manifest;
        string caseText = first.SourceText ?? "";
        string casePath = first.SourceFile ?? "case.toml";
        var plan = ReferencePlan.Create(ReferenceSession.Parse(caseText, casePath, first.SourceDirectory), first.Levels ?? 0);
        // Generated domains know their dimension; a Gmsh mesh is read once for it.
        var layout = Layout(plan, plan.BaseCase.Domain.Dimension ?? Problems.MeshFromCase.Build(plan.BaseCase).Dimension);
        var records = new ReferenceLevelRecord?[plan.Levels.Count];
        foreach (var (shardDirectory, manifest) in shards)
        {
            foreach (ShardTask task in manifest.Tasks)
            {
                if (task.Index < 0 || task.Index >= records.Length)
                {
                    throw new ShardMergeException($"{shardDirectory}: level {task.Index} is outside the reference's {records.Length} levels");
                }

                string expected = StudyShards.CaseHash(plan.Levels[task.Index].Case);
                if (task.CaseSha256 != expected)
                {
                    throw new ShardMergeException($"{shardDirectory}: the case of level {task.Index} differs from the one the merge rebuilds (case SHA-256 {task.CaseSha256}, now {expected})", "rerun every shard with the same PdeFlows and case");
                }

                var run = ShardRunFile.Read(Path.Combine(shardDirectory, task.File), layout, expected, task.FileSha256);
                double Extra(string name) => run.Extra.TryGetValue(name, out double v) ? v : throw new ShardMergeException($"{Path.Combine(shardDirectory, task.File)}: no '{name}' stored with the level");
                records[task.Index] = new ReferenceLevelRecord(
                    task.Index, Extra("h"), Extra("tau"), (int)Extra("nodes"), (int)Extra("cells"), (int)Extra("steps"), (int)Extra("rejected_steps"), run.WallSeconds, run.Rows);
            }
        }

        var result = ReferenceAnalysis.Analyze(plan, [.. records.Select(r => r!)], caseText, casePath);
        ReferenceOutputWriter.Write(result, directory);
        return result;
    }

    /// <summary>The layout of the rows of every level of <paramref name="plan"/> in dimension <paramref name="dimension"/>.</summary>
    private static RowLayout Layout(ReferencePlan plan, int dimension) =>
        new(dimension, [.. plan.BaseCase.Output.Regions.Select(r => r.Name)], plan.BaseCase.Output.Probes.Length);
}
