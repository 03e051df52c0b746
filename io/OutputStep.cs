namespace PdeFlows.IO;

/// <summary>One completed output time of a result.</summary>
/// <param name="Step">The time step index.</param>
/// <param name="Time">The time.</param>
/// <param name="FieldNames">The node fields stored for this output, in the order written.</param>
public sealed record OutputStep(int Step, double Time, IReadOnlyList<string> FieldNames);
