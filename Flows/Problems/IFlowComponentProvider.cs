using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Mesh;

namespace PdeFlows.Flows.Problems;

/// <summary>
/// Builds the components the Flows module does not own: kernel reactions (λ-FRk, spherical λ-FRk,
/// FRk, MMD geometry) and the MMD energy. The kernel module implements it; the command line passes
/// it to <see cref="FlowProblemBuilder"/>. Keeping it an interface keeps the dependency one-way.
/// </summary>
public interface IFlowComponentProvider
{
    /// <summary>The MMD energy ½MMD²(u, π) for <paramref name="kernel"/> on the nodes of <paramref name="mesh"/>.</summary>
    IEnergy CreateEnergy(EnergyKind kind, KernelSection kernel, NodalSetting setting, SimplexMesh mesh);

    /// <summary>A kernel reaction replacing the exact Fisher–Rao reaction.</summary>
    IReaction CreateReaction(ReactionKind kind, KernelSection kernel, FlowSection flow, NodalSetting setting, SimplexMesh mesh, IEnergy energy);
}
