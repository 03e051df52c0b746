using PdeFlows.Runs.Sharding;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows verify (STUDY.toml | --builtin NAME) --shard I/N --out DIR</c>: runs one shard of a study's runs into DIR for <c>pdeflows merge</c>.</summary>
internal static class ShardedVerify
{
    /// <summary>Runs the shard; returns the exit code.</summary>
    public static int Execute(string? studyFile, string? builtinName, string shardText, string? output, TextWriter? progress)
    {
        ShardSpec shard = ShardOption.Parse(shardText);
        string directory = output ?? throw new UserError("--shard needs --out DIR (the shard's directory, e.g. parts/1)");
        StudyShardSource source;
        if (builtinName is not null)
        {
            try
            {
                source = StudyShardSource.FromBuiltin(builtinName);
            }
            catch (ArgumentException e)
            {
                throw new UserError($"--builtin {builtinName}: {e.Message}");
            }
        }
        else
        {
            if (!File.Exists(studyFile))
            {
                throw new UserError($"the study file '{studyFile}' does not exist");
            }

            source = StudyShardSource.FromFile(studyFile!, File.ReadAllText(studyFile!));
        }

        if (source.Unshardable is string reason)
        {
            throw new UserError(reason);
        }

        WritableFolder.Ensure(directory, "--out");
        var tasks = shard.Select(source.Tasks().Count);
        progress?.WriteLine($"study {source.Name}, shard {shard}: tasks {string.Join(", ", tasks)} of {source.Tasks().Count}");
        ShardManifest manifest = StudyShards.RunShard(source, shard, directory, progress);
        progress?.WriteLine($"pdeflows verify: shard {shard} of '{manifest.Name}' written to {directory} ({manifest.Tasks.Count} of {manifest.TaskCount} runs); merge all {shard.Count} with 'pdeflows merge DIR…'");
        return ExitCodes.Success;
    }
}
