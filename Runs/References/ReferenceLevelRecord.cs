using PdeFlows.Runs.Running;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.References;

/// <summary>What a reference keeps of one level's run: its size, its steps and its recorded rows (no densities).</summary>
/// <param name="Level">ℓ.</param>
/// <param name="H">h_ℓ, the longest cell edge.</param>
/// <param name="Step">τ_ℓ, the nominal step.</param>
/// <param name="Nodes">P1 nodes.</param>
/// <param name="Cells">Mesh cells.</param>
/// <param name="Steps">Accepted steps.</param>
/// <param name="RejectedSteps">Rejected (halved) steps.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
/// <param name="Rows">One row per output time.</param>
public sealed record ReferenceLevelRecord(int Level, double H, double Step, int Nodes, int Cells, int Steps, int RejectedSteps, double WallSeconds, IReadOnlyList<SnapshotRow> Rows)
{
    /// <summary>The record of a finished run of level <paramref name="level"/>.</summary>
    /// <param name="level">The level.</param>
    /// <param name="run">Its run.</param>
    /// <returns>The record.</returns>
    public static ReferenceLevelRecord From(ReferenceLevel level, FlowRunRecord run)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(run);
        return new ReferenceLevelRecord(
            level.Index, StudyCaseVariants.LongestEdge(run.Mesh), level.Step, run.Mesh.VertexCount, run.Mesh.CellCount,
            run.FinalState.Step, run.FinalState.Rejected, run.WallSeconds, run.Rows);
    }
}
