using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The content of a checkpoint of a flow run: the solver state, the index of the next output time
/// and the rows recorded so far. <see cref="RunContent"/> is the one place that turns it into the
/// HDF5 checkpoint layout and back.
/// </summary>
/// <param name="State">Time, step, density, EDB defect, current step size, rejections.</param>
/// <param name="NextOutput">The index of the next output time to record.</param>
/// <param name="Rows">The rows of the outputs before <paramref name="NextOutput"/> (without densities).</param>
public sealed record RunCheckpoint(FlowState State, int NextOutput, IReadOnlyList<SnapshotRow> Rows);
