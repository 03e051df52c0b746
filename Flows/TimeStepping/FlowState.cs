namespace PdeFlows.Flows.TimeStepping;

/// <summary>Everything needed to continue a run exactly where it stopped (for checkpoints and resume). A value: passing it allocates nothing.</summary>
/// <param name="Time">Current time.</param>
/// <param name="Step">Accepted steps so far.</param>
/// <param name="Density">
/// Nodal density. In the state handed to <see cref="SplittingFlowSolver.AdvanceTo"/>'s per-step
/// callback it is the solver's working buffer, overwritten by the next step: read or copy it
/// during the callback, do not keep it. A state returned by <c>AdvanceTo</c> or <c>InitialState</c>
/// owns its array (the solver does not touch it again).
/// </param>
/// <param name="EdbDefect">Cumulative discrete EDB defect.</param>
/// <param name="CurrentStep">The step size the next step will try (differs from the nominal one after a rejection by `strang`).</param>
/// <param name="Rejected">Rejected steps so far.</param>
public readonly record struct FlowState(double Time, int Step, double[] Density, double EdbDefect, double CurrentStep, int Rejected);
