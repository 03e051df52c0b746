using PdeFlows.Runs.Sharding;

namespace PdeFlows.Cli.Commands;

/// <summary>The <c>--shard I/N</c> option of <c>verify</c> and <c>reference</c>.</summary>
internal static class ShardOption
{
    /// <summary>Parses <c>I/N</c>; a malformed value is a usage error (exit 2).</summary>
    public static ShardSpec Parse(string text)
    {
        try
        {
            return ShardSpec.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserError($"--shard: {e.Message}", "with Slurm: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT and #SBATCH --array=1-N");
        }
    }
}
