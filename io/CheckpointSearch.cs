namespace PdeFlows.IO;

/// <summary>The outcome of <see cref="CheckpointReader.LoadLatest(string)"/>.</summary>
/// <param name="Latest">The newest readable checkpoint, or null when there is none.</param>
/// <param name="Skipped">Newer checkpoints that could not be read, newest first, with the reason.</param>
public sealed record CheckpointSearch(Checkpoint? Latest, IReadOnlyList<SkippedCheckpoint> Skipped);

/// <summary>A checkpoint file that could not be used.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedCheckpoint(string File, string Reason);
