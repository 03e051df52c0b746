using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Flows.Problems;

/// <summary>
/// Runs a <see cref="FlowProblem"/> from its initial density (or a restored state) through every
/// output time to the end time, recording the summary quantities and reporting each output and
/// each accepted step to the caller (who writes files, checkpoints and progress).
/// </summary>
public sealed class FlowRunner
{
    private readonly FlowProblem problem;
    private readonly double[] outputTimes;

    /// <summary>Prepares a run from the problem's initial density.</summary>
    public FlowRunner(FlowProblem problem)
    {
        this.problem = problem;
        outputTimes = problem.Definition.Output.Times.ToArray();
        Recorder = new SummaryRecorder(problem);
        State = problem.Solver.InitialState(problem.InitialDensity);
    }

    /// <summary>The summary quantities recorded so far.</summary>
    public SummaryRecorder Recorder { get; }

    /// <summary>The current state.</summary>
    public FlowState State { get; private set; }

    /// <summary>Index of the next output time to record.</summary>
    public int NextOutput { get; private set; }

    /// <summary>The output times of the case.</summary>
    public IReadOnlyList<double> OutputTimes => outputTimes;

    /// <summary>Continues from a saved state: the outputs before <paramref name="nextOutput"/> are already recorded in <paramref name="quantities"/>.</summary>
    public void Restore(FlowState state, int nextOutput, IReadOnlyDictionary<string, double[]> quantities)
    {
        if (nextOutput < 0 || nextOutput > outputTimes.Length)
        {
            throw new InvalidDataException($"the saved output index {nextOutput} is outside 0..{outputTimes.Length}");
        }

        if (state.Density.Length != problem.Mesh.VertexCount)
        {
            throw new InvalidDataException($"the saved density has {state.Density.Length} values, the mesh has {problem.Mesh.VertexCount} nodes");
        }

        Recorder.Restore(outputTimes[..nextOutput], quantities);
        State = state;
        NextOutput = nextOutput;
    }

    /// <summary>Runs to the end time.</summary>
    /// <param name="onOutput">Called with the output index and snapshot at every output time.</param>
    /// <param name="onStep">Called after every accepted step (progress, checkpoints).</param>
    /// <param name="cancellation">Stops the run between steps.</param>
    public FlowState Run(Action<int, FlowSnapshot>? onOutput = null, Action<FlowState>? onStep = null, CancellationToken cancellation = default)
    {
        var solver = problem.Solver;
        while (NextOutput < outputTimes.Length)
        {
            int k = NextOutput;
            State = solver.AdvanceTo(State, outputTimes[k], onStep, cancellation);
            var snapshot = solver.Snapshot(State);
            Recorder.Record(snapshot);
            // The index moves on before the callback, so a checkpoint written there resumes after this output.
            NextOutput = k + 1;
            onOutput?.Invoke(k, snapshot);
        }

        double end = problem.Definition.Time.End;
        if (State.Time < end)
        {
            State = solver.AdvanceTo(State, end, onStep, cancellation);
        }

        return State;
    }
}
