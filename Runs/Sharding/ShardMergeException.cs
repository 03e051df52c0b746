namespace PdeFlows.Runs.Sharding;

/// <summary>Shard directories that cannot be merged (not shards, of different studies or cases, missing or duplicate); the message names the directory.</summary>
public sealed class ShardMergeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the directory.</param>
    /// <param name="hint">What to do about it, or null.</param>
    /// <param name="inner">The cause, or null.</param>
    public ShardMergeException(string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Hint = hint;
    }

    /// <summary>What to do about it, or null.</summary>
    public string? Hint { get; }
}
