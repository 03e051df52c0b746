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

    /// <summary>
    /// Whether each data file (mesh, step, checkpoint, result.h5, final XDMF) is flushed to the device
    /// (fsync) before its rename. Default true. The series and the XDMF index, rewritten after every
    /// output while running, are renamed atomically but never flushed.
    /// </summary>
    public bool FlushToDisk { get; init; } = true;

    /// <summary>
    /// How many bytes of output fields the writer keeps in memory (copies) so that
    /// <see cref="ResultWriter.Finish"/> need not read the step files back; outputs beyond the budget,
    /// and outputs of a resumed run written before the resume, are read from disk. Default 256 MiB; 0 disables.
    /// </summary>
    public long ConsolidationCacheBytes { get; init; } = 256L << 20;

    /// <summary>
    /// Whether step files (and the XDMF index listing them) are written by a background task, in
    /// order, so output overlaps the computation. Every queued write is complete before the next
    /// checkpoint, before result.h5, and on <see cref="ResultWriter.Flush"/>; until then a step that
    /// was handed over may not be on disk yet (a crash loses only outputs after the last checkpoint,
    /// which a resume recomputes). Default false (each call returns with its file written).
    /// </summary>
    public bool WriteStepsInBackground { get; init; }
}
