using PdeFlows.Flows;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Problems;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Energies;
using PdeFlows.Mesh;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// Supplies the kernel comparator's components to <see cref="FlowProblemBuilder"/>: kernel reactions
/// on the mesh nodes (λ-FRk, spherical λ-FRk, FRk, MMD geometry) and the MMD energy. The points are
/// the mesh vertices; the bandwidth "median" is resolved on them.
/// </summary>
public sealed class KernelComponentProvider : IFlowComponentProvider
{
    /// <summary>The shared instance (the provider has no state).</summary>
    public static KernelComponentProvider Instance { get; } = new();

    /// <inheritdoc/>
    public IEnergy CreateEnergy(EnergyKind kind, KernelSection kernel, NodalSetting setting, SimplexMesh mesh)
    {
        if (kind != EnergyKind.MaximumMeanDiscrepancy)
        {
            throw new ArgumentException($"the kernel module provides only the MMD energy, not {kind}", nameof(kind));
        }

        var nodes = Nodes(mesh);
        return new MaximumMeanDiscrepancyEnergy(KernelSectionResolver.CreateKernel(kernel, nodes), nodes);
    }

    /// <inheritdoc/>
    public IReaction CreateReaction(ReactionKind kind, KernelSection kernel, FlowSection flow, NodalSetting setting, SimplexMesh mesh, IEnergy energy) =>
        KernelReactionFactory.Create(kind, kernel, flow.Beta, flow.Epsilon, setting, Nodes(mesh), energy);

    private static PointSet Nodes(SimplexMesh mesh) => new(mesh.Coordinates, mesh.Dimension);
}
