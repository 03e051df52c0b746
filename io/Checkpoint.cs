namespace PdeFlows.IO;

/// <summary>A checkpoint read back from disk.</summary>
/// <param name="File">The checkpoint file.</param>
/// <param name="Step">The time step index it was taken at.</param>
/// <param name="Time">The time it was taken at.</param>
/// <param name="CaseSha256">The <see cref="CaseTextHash"/> of the case it was computed for; compare before resuming.</param>
/// <param name="State">The solver state.</param>
public sealed record Checkpoint(string File, int Step, double Time, string CaseSha256, CheckpointState State);
