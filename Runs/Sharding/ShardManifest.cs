using System.Text.Json;
using System.Text.Json.Serialization;

namespace PdeFlows.Runs.Sharding;

/// <summary>
/// <c>manifest.json</c> of a shard directory (docs/reference-solutions.md, "Scaling out"): what was
/// sharded (a study or a reference, its source text and hash), which shard, and the tasks it ran with
/// their run files. It is written last, atomically, so a directory with a manifest is a finished shard.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="FormatVersion">Now 1.</param>
/// <param name="Kind"><see cref="StudyKind"/> or <see cref="ReferenceKind"/>.</param>
/// <param name="Name">The built-in name, the study's name or the case's name.</param>
/// <param name="Builtin">The built-in study's name, or null.</param>
/// <param name="SourceFile">The study or case file as given (null for a built-in).</param>
/// <param name="SourceDirectory">The absolute folder of that file (relative paths in it resolve there), or null.</param>
/// <param name="SourceText">The file's text (null for a built-in, whose text is in the program).</param>
/// <param name="SourceSha256">SHA-256 of the source text(s): shards of different texts never merge.</param>
/// <param name="Levels">The number of levels of a reference, else null.</param>
/// <param name="Shard">I.</param>
/// <param name="ShardCount">N.</param>
/// <param name="TaskCount">The number of tasks of the whole sweep.</param>
/// <param name="Tasks">The tasks this shard ran.</param>
/// <param name="Version">The PdeFlows version.</param>
/// <param name="GitCommit">The git commit of the binaries, or null.</param>
public sealed record ShardManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("format_version")] int FormatVersion,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("builtin")] string? Builtin,
    [property: JsonPropertyName("source_file")] string? SourceFile,
    [property: JsonPropertyName("source_directory")] string? SourceDirectory,
    [property: JsonPropertyName("source_text")] string? SourceText,
    [property: JsonPropertyName("source_sha256")] string SourceSha256,
    [property: JsonPropertyName("levels")] int? Levels,
    [property: JsonPropertyName("shard")] int Shard,
    [property: JsonPropertyName("shard_count")] int ShardCount,
    [property: JsonPropertyName("task_count")] int TaskCount,
    [property: JsonPropertyName("tasks")] IReadOnlyList<ShardTask> Tasks,
    [property: JsonPropertyName("pdeflows_version")] string Version,
    [property: JsonPropertyName("git_commit")] string? GitCommit)
{
    /// <summary>The <c>format</c> field.</summary>
    public const string FormatName = "pdeflows-shard";

    /// <summary>The file name in a shard directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The kind of a sharded study.</summary>
    public const string StudyKind = "study";

    /// <summary>The kind of a sharded reference.</summary>
    public const string ReferenceKind = "reference";

    /// <summary>The manifest as indented JSON.</summary>
    /// <returns>The text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads the manifest of <paramref name="directory"/>.</summary>
    /// <param name="directory">A shard directory.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="ShardMergeException">No manifest, or not a readable one.</exception>
    public static ShardManifest Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string path = Path.Combine(directory, FileName);
        if (!Directory.Exists(directory))
        {
            throw new ShardMergeException($"{directory}: no such directory");
        }

        if (!File.Exists(path))
        {
            throw new ShardMergeException($"{directory}: no {FileName} (not a shard directory, or the shard has not finished)", "run the shard (again) with --shard I/N --out into this directory");
        }

        ShardManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new ShardMergeException($"{path}: not a shard manifest ({e.Message})", null, e);
        }

        if (manifest is null || manifest.Format != FormatName || manifest.Tasks is null || manifest.SourceSha256 is null)
        {
            throw new ShardMergeException($"{path}: not a shard manifest (format '{manifest?.Format}', expected '{FormatName}')");
        }

        if (manifest.FormatVersion != 1)
        {
            throw new ShardMergeException($"{path}: shard format version {manifest.FormatVersion}, this PdeFlows reads version 1");
        }

        return manifest;
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}

/// <summary>One task (a run) of a shard.</summary>
/// <param name="Index">The task's index in the whole sweep (0-based; over all study files of a built-in).</param>
/// <param name="Definition">The study file (0-based, for built-ins with several) — 0 for a reference.</param>
/// <param name="Task">The task's index within its study file (or the level of a reference).</param>
/// <param name="Label">A short label ("refine = 2", "reference for refine = 2", "level 3").</param>
/// <param name="CaseSha256">SHA-256 of the resolved case of the run (as <c>CaseFileWriter</c> writes it): a changed included case file is noticed.</param>
/// <param name="File">The run file, relative to the shard directory.</param>
/// <param name="FileSha256">SHA-256 of the run file's bytes: a truncated, corrupted or swapped file is refused before it is read.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
public sealed record ShardTask(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("definition")] int Definition,
    [property: JsonPropertyName("task")] int Task,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("case_sha256")] string CaseSha256,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("file_sha256")] string FileSha256,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds);
