using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The one recorder of a run's output times: turns each <see cref="FlowSnapshot"/> into a typed
/// <see cref="SnapshotRow"/> (moments, region masses and probe values computed here), keeping the
/// nodal density only when asked. <c>pdeflows run</c>, the demo and every study record through it.
/// </summary>
public sealed class SnapshotRecorder
{
    private readonly FlowProblem problem;
    private readonly double[][] probePoints;
    private readonly List<SnapshotRow> rows = [];

    /// <summary>Creates an empty recorder for <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem (its regions and the case's probes are recorded).</param>
    /// <param name="keepDensities">Whether each row keeps the nodal density.</param>
    public SnapshotRecorder(FlowProblem problem, bool keepDensities)
    {
        this.problem = problem ?? throw new ArgumentNullException(nameof(problem));
        KeepDensities = keepDensities;
        probePoints = problem.Definition.Output.Probes.Select(p => p.ToArray()).ToArray();
    }

    /// <summary>Whether each row keeps the nodal density.</summary>
    public bool KeepDensities { get; }

    /// <summary>The rows recorded so far, one per output time.</summary>
    public IReadOnlyList<SnapshotRow> Rows => rows;

    /// <summary>The names of the output regions, in the order of <see cref="SnapshotRow.RegionMasses"/>.</summary>
    public IReadOnlyList<string> RegionNames => problem.Regions.Select(r => r.Name).ToArray();

    /// <summary>The probe points, in the order of <see cref="SnapshotRow.ProbeValues"/>.</summary>
    public IReadOnlyList<double[]> ProbePoints => probePoints;

    /// <summary>Records one output time.</summary>
    /// <param name="snapshot">The solver's diagnostics there (its density is a copy owned by the snapshot).</param>
    /// <returns>The row.</returns>
    public SnapshotRow Record(FlowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var moments = DensityMoments.Compute(problem.Mesh, snapshot.Density);
        var row = new SnapshotRow(
            snapshot.Time,
            snapshot.Step,
            snapshot.Energy,
            snapshot.Mass,
            [.. moments.Mean],
            [.. moments.Covariance.Select(r => ImmutableArray.Create(r))],
            snapshot.Dissipation,
            snapshot.EdbDefect,
            snapshot.MinDensity,
            [.. problem.Regions.Select(r => r.Region.Integrate(snapshot.Density))],
            [.. problem.ProbeEvaluationPoints.Select(p => problem.Space.Evaluate(snapshot.Density, p))],
            // The snapshot's density is its own copy and is not touched again: the row takes it over.
            KeepDensities ? ImmutableCollectionsMarshal.AsImmutableArray(snapshot.Density) : default);
        rows.Add(row);
        return row;
    }

    /// <summary>Replaces the content by <paramref name="restored"/> (rows read back from a checkpoint).</summary>
    /// <param name="restored">The rows of the outputs already recorded.</param>
    public void Restore(IReadOnlyList<SnapshotRow> restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        rows.Clear();
        rows.AddRange(restored);
    }
}
