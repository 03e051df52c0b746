using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Runs.Running;

/// <summary>Receives the progress of a run (the command line draws it on stderr).</summary>
public interface IRunProgress
{
    /// <summary>The run starts at <paramref name="startTime"/> (later than 0 after a resume) and ends at <paramref name="endTime"/>.</summary>
    /// <param name="startTime">The time the run starts from.</param>
    /// <param name="endTime">The end time.</param>
    void Begin(double startTime, double endTime);

    /// <summary>A step was accepted; <paramref name="energy"/> evaluates E(u) when the receiver wants it (it costs a pass over the nodes).</summary>
    /// <param name="state">The state after the step.</param>
    /// <param name="energy">E(u) on demand.</param>
    void Step(FlowState state, Func<double> energy);

    /// <summary>The time stepping is over.</summary>
    void Finish();
}
