using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// One run of a study: its label and swept value, and the finished run (discretization, energy and
/// the recorded rows with their densities) — no solver resources.
/// </summary>
/// <param name="Label">A short label ("λ = 1e-4").</param>
/// <param name="SweptValue">The swept value as written in the study file.</param>
/// <param name="TableParameter">The value in the table (h for mesh sweeps).</param>
/// <param name="Run">The finished run.</param>
public sealed record StudyRunRecord(string Label, double SweptValue, double TableParameter, FlowRunRecord Run)
{
    /// <summary>The immutable discretization of the run.</summary>
    public FlowDiscretization Discretization => Run.Discretization;

    /// <summary>The rows recorded at the output times (with densities).</summary>
    public IReadOnlyList<SnapshotRow> Rows => Run.Rows;

    /// <summary>The output times.</summary>
    public double[] Times => Run.Times;

    /// <summary>Wall-clock seconds of the run.</summary>
    public double WallSeconds => Run.WallSeconds;
}
