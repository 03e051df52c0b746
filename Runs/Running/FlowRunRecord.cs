using PdeFlows.Flows.Energies;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>
/// A finished run as the demo and the studies keep it: the case, the immutable discretization, the
/// energy functional, the recorded rows (with densities when they were kept), the final state and
/// the wall time. It holds no solver resources (the problem is disposed when the run ends).
/// </summary>
/// <param name="Definition">The case that was run.</param>
/// <param name="Discretization">Mesh, space, nodal setting, target and initial density.</param>
/// <param name="Energy">The energy functional (immutable), to evaluate references against.</param>
/// <param name="Rows">One row per output time.</param>
/// <param name="FinalState">The state at the end time.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
public sealed record FlowRunRecord(
    CaseDefinition Definition,
    FlowDiscretization Discretization,
    IEnergy Energy,
    IReadOnlyList<SnapshotRow> Rows,
    FlowState FinalState,
    double WallSeconds)
{
    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh => Discretization.Mesh;

    /// <summary>Accepted time steps.</summary>
    public int Steps => FinalState.Step;

    /// <summary>The output times.</summary>
    public double[] Times => [.. Rows.Select(r => r.Time)];

    /// <summary>The index of the output time closest to <paramref name="time"/>.</summary>
    /// <param name="time">A time.</param>
    /// <returns>The index into <see cref="Rows"/>.</returns>
    public int OutputIndex(double time)
    {
        int best = 0;
        for (int k = 1; k < Rows.Count; k++)
        {
            if (Math.Abs(Rows[k].Time - time) < Math.Abs(Rows[best].Time - time))
            {
                best = k;
            }
        }

        return best;
    }
}
