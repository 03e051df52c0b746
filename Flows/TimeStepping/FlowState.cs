namespace PdeFlows.Flows.TimeStepping;

/// <summary>Everything needed to continue a run exactly where it stopped (for checkpoints and resume).</summary>
/// <param name="Time">Current time.</param>
/// <param name="Step">Accepted steps so far.</param>
/// <param name="Density">Nodal density (owned by the state; copy before mutating).</param>
/// <param name="EdbDefect">Cumulative discrete EDB defect.</param>
/// <param name="CurrentStep">The step size the next step will try (differs from the nominal one after a rejection by `strang`).</param>
/// <param name="Rejected">Rejected steps so far.</param>
public sealed record FlowState(double Time, int Step, double[] Density, double EdbDefect, double CurrentStep, int Rejected);
