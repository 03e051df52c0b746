using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Verification.Runs;

namespace PdeFlows.Cli.Running;

/// <summary>What a checkpoint holds for a flow run, and how a run is restored from it.</summary>
internal static class CheckpointContent
{
    /// <summary>The full state: density, time, step, EDB defect, current step size, rejections, next output, and the summary series so far.</summary>
    public static CheckpointState From(FlowState state, FlowRunner runner) => new(
        new Dictionary<string, ShapedArray> { ["density"] = ShapedArray.Vector(state.Density) },
        new Dictionary<string, double> { ["time"] = state.Time, ["edb_defect"] = state.EdbDefect, ["current_step"] = state.CurrentStep },
        new Dictionary<string, long> { ["step"] = state.Step, ["rejected"] = state.Rejected, ["next_output"] = runner.NextOutput },
        FlowResultContent.Series(runner.Recorder));

    /// <summary>Restores <paramref name="runner"/> to the checkpoint's state.</summary>
    /// <exception cref="InvalidDataException">Something the run needs is missing or does not fit.</exception>
    public static void Restore(Checkpoint checkpoint, FlowRunner runner)
    {
        var s = checkpoint.State;
        double Scalar(string name) => s.Scalars.TryGetValue(name, out double v) ? v : throw new InvalidDataException($"the checkpoint has no scalar '{name}'");
        long Integer(string name) => s.Integers.TryGetValue(name, out long v) ? v : throw new InvalidDataException($"the checkpoint has no integer '{name}'");
        if (!s.Arrays.TryGetValue("density", out var density))
        {
            throw new InvalidDataException("the checkpoint has no 'density' array");
        }

        var state = new FlowState(Scalar("time"), (int)Integer("step"), (double[])density.Values.Clone(), Scalar("edb_defect"), Scalar("current_step"), (int)Integer("rejected"));
        var quantities = s.Series.Quantities.ToDictionary(q => q.Key, q => q.Value.Values);
        runner.Restore(state, (int)Integer("next_output"), quantities);
    }
}
