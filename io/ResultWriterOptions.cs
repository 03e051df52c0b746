namespace PdeFlows.IO;

/// <summary>Choices for a <see cref="ResultWriter"/>.</summary>
public sealed record ResultWriterOptions
{
    /// <summary>
    /// Whether <see cref="ResultWriter.Create"/> may replace a result already in the directory
    /// (only the files of the layout are removed, nothing else). Default false: refuse.
    /// </summary>
    public bool OverwriteExisting { get; init; }

    /// <summary>How many of the newest checkpoints to keep (older ones are deleted after a new one is complete); 0 keeps all. Default 2.</summary>
    public int CheckpointsToKeep { get; init; } = 2;

    /// <summary>Whether each file is flushed to the device (fsync) before its rename. Default true.</summary>
    public bool FlushToDisk { get; init; } = true;
}
