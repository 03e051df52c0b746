using PdeFlows.IO;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Sharding;

/// <summary>
/// What a sharded study is: a built-in (its embedded study files) or a study file (its text and the
/// folder its relative paths resolve in), with the hash that every shard and the merge must agree on.
/// </summary>
/// <param name="Name">The built-in name or the study's name (the default output folder is <c>verify-NAME</c>).</param>
/// <param name="Builtin">The built-in name, or null.</param>
/// <param name="File">The study file as given, or null.</param>
/// <param name="Directory">The absolute folder of the study file, or null.</param>
/// <param name="Text">The study file's text, or null for a built-in.</param>
/// <param name="Sha256">SHA-256 of the text (of all embedded texts of a built-in).</param>
/// <param name="Definitions">The parsed study files, in order.</param>
public sealed record StudyShardSource(string Name, string? Builtin, string? File, string? Directory, string? Text, string Sha256, IReadOnlyList<StudyDefinition> Definitions)
{
    /// <summary>The built-in study <paramref name="name"/>.</summary>
    /// <param name="name">A built-in name.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">Not a built-in study, or one that is a program rather than study files.</exception>
    public static StudyShardSource FromBuiltin(string name)
    {
        var definitions = BuiltinStudies.Definitions(name);
        if (definitions.Count == 0)
        {
            throw new ArgumentException(BuiltinStudies.Exists(name)
                ? $"the built-in '{name}' is a program, not study files: it cannot be sharded (run it whole)"
                : $"unknown built-in study '{name}'");
        }

        string texts = string.Concat(definitions.Select(d => d.File + "\n" + BuiltinStudies.Text(d.File["builtin:".Length..]) + "\n"));
        return new StudyShardSource(name, name, null, null, null, CaseTextHash.Compute(texts), definitions);
    }

    /// <summary>The study file <paramref name="path"/> with its text <paramref name="text"/>.</summary>
    /// <param name="path">The file as given.</param>
    /// <param name="text">Its text.</param>
    /// <param name="directory">The folder its relative paths resolve in (default: the file's folder).</param>
    /// <returns>The source.</returns>
    /// <exception cref="Cases.CaseFileException">Not a valid study.</exception>
    public static StudyShardSource FromFile(string path, string text, string? directory = null)
    {
        directory ??= Path.GetDirectoryName(Path.GetFullPath(path));
        var definition = StudyFileLoader.Parse(text, path, directory);
        return new StudyShardSource(definition.Name, null, path, directory, text, CaseTextHash.Compute(text), [definition]);
    }

    /// <summary>The source a shard manifest names (re-parsed; a built-in from this program's embedded files).</summary>
    /// <param name="manifest">A study shard's manifest.</param>
    /// <returns>The source.</returns>
    public static StudyShardSource FromManifest(ShardManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Builtin is string builtin
            ? FromBuiltin(builtin)
            : FromFile(manifest.SourceFile ?? "study.toml", manifest.SourceText ?? "", manifest.SourceDirectory);
    }

    /// <summary>Why this study cannot be sharded (a particle-count sweep), or null when it can.</summary>
    public string? Unshardable => Definitions.FirstOrDefault(d => d.Sweep.Parameter == StudySweepParameter.ParticleCount) is { } particles
        ? $"the study '{particles.Name}' sweeps the particle count; its runs are not flow runs and cannot be sharded (run it whole)"
        : null;

    /// <summary>Every task of every study file, in order: (study file index, task).</summary>
    /// <returns>The tasks.</returns>
    public IReadOnlyList<(int Definition, StudyRunTask Task)> Tasks() =>
        [.. Definitions.SelectMany((d, i) => StudyRunPlan.Tasks(d).Select(t => (i, t)))];
}
