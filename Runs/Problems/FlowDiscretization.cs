using System.Collections.Immutable;
using PdeFlows.Discretization;
using PdeFlows.Flows;
using PdeFlows.Mesh;

namespace PdeFlows.Runs.Problems;

/// <summary>
/// The discretization of a case, immutable and free of solver resources: the mesh and its P1 space,
/// the nodal setting (lumped masses, normalized nodal target), the normalized target π(x), its
/// normalizing constant and the initial density. Runs and studies keep it after the solver
/// resources of the run (<see cref="FlowProblem"/>: factorizations, reaction, splitting) are disposed.
/// </summary>
/// <param name="Space">The P1 space (and with it the mesh).</param>
/// <param name="Setting">Lumped masses and the nodal target.</param>
/// <param name="Target">The normalized target density π(x).</param>
/// <param name="NormalizationConstant">The normalizing constant: ∫ e^{−(V − V_min)} or ∫ (density expression) over the domain.</param>
/// <param name="InitialDensity">The initial nodal density (scaled to the requested mass, zeros raised to a floor).</param>
/// <param name="FlooredInitialNodes">Nodes where the initial density was zero and was raised to a tiny positive floor (logarithms need u &gt; 0).</param>
public sealed record FlowDiscretization(
    P1Space Space,
    NodalSetting Setting,
    SpatialFunction Target,
    double NormalizationConstant,
    ImmutableArray<double> InitialDensity,
    int FlooredInitialNodes)
{
    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh => Space.Mesh;
}
