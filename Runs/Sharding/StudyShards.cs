using System.Globalization;
using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.References;
using PdeFlows.Runs.Running;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Sharding;

/// <summary>
/// <c>pdeflows verify … --shard I/N</c> and the study half of <c>pdeflows merge</c>: a shard runs its
/// subset of the study's tasks (<see cref="StudyRunPlan"/>, over all study files of a built-in) and
/// writes each run (rows with densities, final state) into <c>runs/NNNN.h5</c> and then
/// <c>manifest.json</c>; the merge rebuilds each run's discretization from its case (deterministic),
/// reads the rows back bit for bit, and tabulates and writes exactly as one unsharded run does.
/// </summary>
public static class StudyShards
{
    /// <summary>Runs shard <paramref name="shard"/> of <paramref name="source"/> into <paramref name="directory"/>.</summary>
    /// <param name="source">The study.</param>
    /// <param name="shard">Which shard.</param>
    /// <param name="directory">The shard directory (created when absent).</param>
    /// <param name="progress">One line per run, or null.</param>
    /// <param name="cancellation">Stops a run between steps.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ArgumentException">The study cannot be sharded.</exception>
    public static ShardManifest RunShard(StudyShardSource source, ShardSpec shard, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(shard);
        if (source.Unshardable is string reason)
        {
            throw new ArgumentException(reason, nameof(source));
        }

        var all = source.Tasks();
        var selected = shard.Select(all.Count);
        Directory.CreateDirectory(Path.Combine(directory, "runs"));
        var written = new List<ShardTask>();
        foreach (int index in selected)
        {
            var (definition, task) = all[index];
            FlowRunRecord record = FlowRuns.Execute(task.Case, keepDensities: true, cancellation);
            string file = RunFileName(index);
            string caseHash = CaseHash(task.Case);
            ShardRunFile.Write(Path.Combine(directory, file), caseHash, record.Rows, Layout(record), record.FinalState, record.WallSeconds);
            written.Add(new ShardTask(index, definition, task.Index, task.Label, caseHash, file, ShardRunFile.Checksum(Path.Combine(directory, file)), record.WallSeconds));
            progress?.WriteLine(StudyRunPlan.ProgressLine(task, record, source.Definitions[definition].Sweep.Values.Count) + $" (task {index + 1}/{all.Count})");
        }

        var code = CodeVersion.Current;
        var manifest = new ShardManifest(
            ShardManifest.FormatName, 1, ShardManifest.StudyKind, source.Name, source.Builtin, source.File, source.Directory, source.Text, source.Sha256,
            null, shard.Index, shard.Count, all.Count, written, code.Version, code.GitCommit);
        CaseRunSession.WriteAtomically(Path.Combine(directory, ShardManifest.FileName), manifest.ToJson());
        return manifest;
    }

    /// <summary>Merges complete, validated shards (<see cref="ShardMerge"/>) into <paramref name="directory"/>.</summary>
    /// <param name="shards">The shard directories and manifests, one per shard.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The report and failures, as the unsharded <c>verify</c> prints them.</returns>
    /// <exception cref="ShardMergeException">A run file is missing, unreadable or of another case.</exception>
    public static BuiltinStudyOutcome Merge(IReadOnlyList<(string Directory, ShardManifest Manifest)> shards, string directory)
    {
        ArgumentNullException.ThrowIfNull(shards);
        StudyShardSource source;
        try
        {
            source = StudyShardSource.FromManifest(shards[0].Manifest);
        }
        catch (ArgumentException e)
        {
            throw new ShardMergeException($"{shards[0].Directory}: {e.Message}", "merge with the PdeFlows build that ran the shards", e);
        }

        var all = source.Tasks();
        var records = new FlowRunRecord?[all.Count];
        foreach (var (shardDirectory, manifest) in shards)
        {
            foreach (ShardTask task in manifest.Tasks)
            {
                if (task.Index < 0 || task.Index >= all.Count)
                {
                    throw new ShardMergeException($"{shardDirectory}: task {task.Index} is outside the study's {all.Count} tasks");
                }

                records[task.Index] = Read(shardDirectory, task, all[task.Index].Task);
            }
        }

        var results = new List<StudyResult>();
        for (int d = 0; d < source.Definitions.Count; d++)
        {
            var tasks = all.Where(t => t.Definition == d).Select(t => t.Task).ToList();
            var runs = all.Select((t, i) => (t.Definition, Record: records[i])).Where(t => t.Definition == d).Select(t => t.Record!).ToList();
            results.Add(StudyRunner.Tabulate(source.Definitions[d], tasks, runs));
        }

        if (source.Builtin is not null)
        {
            return BuiltinStudies.Write(source.Name, results, directory);
        }

        StudyOutputWriter.Write(results[0], directory);
        string markdown = File.ReadAllText(Path.Combine(directory, "table.md"));
        return new BuiltinStudyOutcome(source.Name, markdown, results[0].FailureMessage is string failure ? [failure] : []);
    }

    /// <summary>The hash of a run's resolved case (as the case writer writes it).</summary>
    /// <param name="definition">The case.</param>
    /// <returns>64 hex digits.</returns>
    public static string CaseHash(CaseDefinition definition) => CaseTextHash.Compute(CaseFileWriter.ToToml(definition));

    /// <summary>The run file of task <paramref name="index"/>, relative to the shard directory.</summary>
    /// <param name="index">The task index.</param>
    /// <returns>The relative path.</returns>
    public static string RunFileName(int index) => Path.Combine("runs", index.ToString("D4", CultureInfo.InvariantCulture) + ".h5");

    /// <summary>The layout of a run's rows.</summary>
    /// <param name="record">The run.</param>
    /// <returns>Its layout.</returns>
    public static RowLayout Layout(FlowRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var output = record.Definition.Output;
        return new RowLayout(record.Mesh.Dimension, [.. output.Regions.Select(r => r.Name)], output.Probes.Length);
    }

    /// <summary>A run read back: its discretization rebuilt from the case, its rows from the file.</summary>
    private static FlowRunRecord Read(string shardDirectory, ShardTask entry, StudyRunTask task)
    {
        string expected = CaseHash(task.Case);
        if (entry.CaseSha256 != expected)
        {
            throw new ShardMergeException(
                $"{shardDirectory}: the case of task {entry.Index} ({entry.Label}) has changed since the shard ran (case SHA-256 {entry.CaseSha256}, now {expected})",
                "a file the study includes was edited; rerun every shard");
        }

        // The discretization is a deterministic function of the case: rebuilding it gives the run's own, bit for bit.
        using FlowProblem problem = FlowProblemBuilder.Build(task.Case);
        var output = task.Case.Output;
        var layout = new RowLayout(problem.Mesh.Dimension, [.. output.Regions.Select(r => r.Name)], output.Probes.Length);
        ShardRun run = ShardRunFile.Read(Path.Combine(shardDirectory, entry.File), layout, expected, entry.FileSha256);
        var final = run.FinalState ?? throw new ShardMergeException($"{Path.Combine(shardDirectory, entry.File)}: the run file holds no final state");
        return new FlowRunRecord(task.Case, problem.Discretization, problem.Energy, run.Rows, final, run.WallSeconds);
    }
}
