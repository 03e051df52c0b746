using PdeFlows.Flows;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Problems;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Reactions;
using PdeFlows.Mesh;

namespace PdeFlows.Verification.Demo;

/// <summary>
/// The kernel components of the demo: those of <see cref="KernelComponentProvider"/>, but the
/// log-variable integrator of the kernel reactions runs at the local tolerance
/// <see cref="LogIntegratorTolerance"/> instead of the default 1e-11 (which is meant for
/// convergence studies down to λ = 1e-8 and costs several times more rate evaluations, each
/// O(N²)). The λ sweep's smallest error is far above this tolerance, so the table is unchanged
/// to the digits shown.
/// </summary>
public sealed class DemoComponentProvider : IFlowComponentProvider
{
    /// <summary>The local error tolerance on log u of the demo's kernel reactions.</summary>
    public const double LogIntegratorTolerance = 1e-6;

    private static readonly KernelReactionOptions Options = new() { LogIntegratorTolerance = LogIntegratorTolerance };

    /// <summary>The shared instance (the provider has no state).</summary>
    public static DemoComponentProvider Instance { get; } = new();

    /// <inheritdoc/>
    public IEnergy CreateEnergy(EnergyKind kind, KernelSection kernel, NodalSetting setting, SimplexMesh mesh) =>
        KernelComponentProvider.Instance.CreateEnergy(kind, kernel, setting, mesh);

    /// <inheritdoc/>
    public IReaction CreateReaction(ReactionKind kind, KernelSection kernel, FlowSection flow, NodalSetting setting, SimplexMesh mesh, IEnergy energy) =>
        KernelReactionFactory.Create(kind, kernel, flow.Beta, flow.Epsilon, setting, new PointSet(mesh.Coordinates, mesh.Dimension), energy, Options);
}
