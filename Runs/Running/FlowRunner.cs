using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The one run loop: advances a <see cref="FlowProblem"/> from its initial density (or a restored
/// checkpoint) through every output time to the end time, records each output time in its
/// <see cref="SnapshotRecorder"/>, and reports each output and each accepted step to the caller (who
/// writes files, checkpoints and progress). <c>pdeflows run</c>, the demo and every study run through it.
/// </summary>
public sealed class FlowRunner
{
    private readonly FlowProblem problem;
    private readonly double[] outputTimes;

    /// <summary>Prepares a run from the problem's initial density.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="keepDensities">Whether the recorded rows keep the nodal density (studies and the demo compare densities; <c>pdeflows run</c> writes them to files instead).</param>
    public FlowRunner(FlowProblem problem, bool keepDensities = false)
    {
        this.problem = problem ?? throw new ArgumentNullException(nameof(problem));
        outputTimes = problem.Definition.Output.Times.ToArray();
        Recorder = new SnapshotRecorder(problem, keepDensities);
        State = problem.Solver.InitialState(problem.Discretization.InitialDensity.AsSpan());
    }

    /// <summary>The rows recorded so far.</summary>
    public SnapshotRecorder Recorder { get; }

    /// <summary>The current state.</summary>
    public FlowState State { get; private set; }

    /// <summary>Index of the next output time to record.</summary>
    public int NextOutput { get; private set; }

    /// <summary>The output times of the case.</summary>
    public IReadOnlyList<double> OutputTimes => outputTimes;

    /// <summary>Where the run stands at <paramref name="state"/> (a state passed to the step callback), as a checkpoint's content.</summary>
    /// <param name="state">The current state.</param>
    /// <returns>The content, with its own copy of the density: the state handed to a step callback shares the solver's work buffer, which later steps overwrite.</returns>
    public RunCheckpoint Checkpoint(FlowState state) =>
        new(state with { Density = (double[])state.Density.Clone() }, NextOutput, [.. Recorder.Rows]);

    /// <summary>Continues from a checkpoint: the outputs before its next output are already recorded in its rows.</summary>
    /// <param name="checkpoint">The saved state, output index and rows.</param>
    /// <exception cref="InvalidDataException">The checkpoint does not fit this problem.</exception>
    public void Restore(RunCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.NextOutput < 0 || checkpoint.NextOutput > outputTimes.Length)
        {
            throw new InvalidDataException($"the saved output index {checkpoint.NextOutput} is outside 0..{outputTimes.Length}");
        }

        if (checkpoint.State.Density.Length != problem.Mesh.VertexCount)
        {
            throw new InvalidDataException($"the saved density has {checkpoint.State.Density.Length} values, the mesh has {problem.Mesh.VertexCount} nodes");
        }

        if (checkpoint.Rows.Count != checkpoint.NextOutput)
        {
            throw new InvalidDataException($"the checkpoint holds {checkpoint.Rows.Count} recorded outputs, expected {checkpoint.NextOutput}");
        }

        // The solver needs a positive density (logarithms) at a time of the run, with a positive step.
        var saved = checkpoint.State;
        double end = problem.Definition.Time.End;
        if (!(saved.Time >= 0 && saved.Time <= end) || saved.Step < 0 || saved.Rejected < 0 || !(saved.CurrentStep > 0) || !double.IsFinite(saved.CurrentStep) || !double.IsFinite(saved.EdbDefect))
        {
            throw new InvalidDataException($"the saved state (time {saved.Time:R}, step {saved.Step}, rejected {saved.Rejected}, current step size {saved.CurrentStep:R}, EDB defect {saved.EdbDefect:R}) is not a state of this run (time in [0, end = {end:R}], counts ≥ 0, step size > 0)");
        }

        for (int i = 0; i < saved.Density.Length; i++)
        {
            if (!(saved.Density[i] > 0) || !double.IsFinite(saved.Density[i]))
            {
                throw new InvalidDataException($"the saved density is {saved.Density[i]:R} at node {i}; a density must be positive and finite");
            }
        }

        if (checkpoint.NextOutput < outputTimes.Length && outputTimes[checkpoint.NextOutput] < saved.Time - (1e-12 * Math.Max(1, end)))
        {
            throw new InvalidDataException($"the saved next output time {outputTimes[checkpoint.NextOutput]:R} is before the saved time {saved.Time:R}");
        }

        Recorder.Restore(checkpoint.Rows);
        State = checkpoint.State;
        NextOutput = checkpoint.NextOutput;
    }

    /// <summary>Runs to the end time.</summary>
    /// <param name="onOutput">Called with the output index and snapshot at every output time, after it is recorded.</param>
    /// <param name="onStep">Called after every accepted step (progress, checkpoints).</param>
    /// <param name="cancellation">Stops the run between steps.</param>
    /// <returns>The final state.</returns>
    /// <exception cref="FlowFailedException">A step failed and could not be recovered (exit code 1), including a reaction integrator that cannot advance.</exception>
    public FlowState Run(Action<int, FlowSnapshot>? onOutput = null, Action<FlowState>? onStep = null, CancellationToken cancellation = default)
    {
        while (NextOutput < outputTimes.Length)
        {
            int k = NextOutput;
            State = Advance(outputTimes[k], onStep, cancellation);
            var snapshot = problem.Solver.Snapshot(State);
            Recorder.Record(snapshot);
            // The index moves on before the callback, so a checkpoint written there resumes after this output.
            NextOutput = k + 1;
            onOutput?.Invoke(k, snapshot);
        }

        double end = problem.Definition.Time.End;
        if (State.Time < end)
        {
            State = Advance(end, onStep, cancellation);
        }

        return State;
    }

    /// <summary>
    /// Advances the state to <paramref name="time"/>. An adaptive reaction integrator that cannot
    /// advance (Dormand–Prince's step size underflow, an <see cref="InvalidOperationException"/>: a
    /// reaction too stiff for an explicit method, e.g. χ² with u/π ≫ 1 somewhere) is a numerical
    /// failure of the run at its last accepted step, reported like any other (exit code 1), not a bug.
    /// </summary>
    private FlowState Advance(double time, Action<FlowState>? onStep, CancellationToken cancellation)
    {
        FlowState last = State;
        void Accepted(FlowState state)
        {
            last = state;
            onStep?.Invoke(state);
        }

        try
        {
            return problem.Solver.AdvanceTo(State, time, Accepted, cancellation);
        }
        catch (InvalidOperationException e)
        {
            throw new FlowFailedException(last.Time, last.Step + 1, $"the reaction could not be integrated over the step ({e.Message}); the reaction is too stiff for the adaptive explicit integrator at this state");
        }
    }
}
