using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Reactions;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Problems;

/// <summary>
/// The kernel components of a case on the mesh nodes: the kernel of <c>[kernel]</c> (a
/// <c>"median"</c> bandwidth resolved by <see cref="MedianHeuristic"/> on the nodes), the MMD energy
/// and the kernel reaction of <c>[flow] reaction</c> (<c>frk</c> and <c>mmd</c> in their spherical forms
/// under <c>sfr</c>/<c>swfr</c>), built by KernelApprox's factories from plain
/// parameters; the reaction integrator runs at <c>[solver] reaction_tolerance</c>.
/// </summary>
internal sealed class CaseKernelComponents(CaseDefinition definition, SimplexMesh mesh)
{
    private IKernel? kernel;

    /// <summary>The mesh vertices as a point set.</summary>
    public PointSet Nodes { get; } = new(mesh.Coordinates, mesh.Dimension);

    /// <summary>The kernel of <c>[kernel]</c> (resolved once).</summary>
    public IKernel Kernel => kernel ??= Resolve(definition.Kernel ?? throw new InvalidOperationException("the case has no [kernel] section"), Nodes);

    /// <summary>The kernel of a <c>[kernel]</c> section on <paramref name="points"/>.</summary>
    /// <param name="section">The section.</param>
    /// <param name="points">The points the median heuristic runs on.</param>
    /// <returns>The kernel.</returns>
    public static IKernel Resolve(KernelSection section, PointSet points) =>
        KernelFactory.Create(section.Kind, section.Bandwidth.Value ?? MedianHeuristic.Bandwidth(points));

    /// <summary>½MMD²(u, π) with the case's kernel on the nodes.</summary>
    /// <returns>The energy.</returns>
    public IEnergy MaximumMeanDiscrepancyEnergy() => new MaximumMeanDiscrepancyEnergy(Kernel, Nodes);

    /// <summary>The kernel reaction of <c>[flow] reaction</c> (not <c>exact</c>).</summary>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The driving energy.</param>
    /// <returns>The reaction.</returns>
    public KernelReaction Reaction(NodalSetting setting, IEnergy energy)
    {
        var flow = definition.Flow;
        double lambda = definition.Kernel!.Lambda;
        var options = KernelReactionOptions.Default with { LogIntegratorTolerance = definition.Solver.ReactionTolerance };
        return flow.Reaction switch
        {
            ReactionKind.KernelFisherRao => KernelReactionFactory.KernelFisherRao(Kernel, lambda, flow.Beta, setting, Nodes, energy, options),
            ReactionKind.KernelFisherRaoSpherical => KernelReactionFactory.SphericalKernelFisherRao(Kernel, lambda, flow.Beta, setting, Nodes, energy, options),
            // Under a spherical flow kind, frk and mmd run their mass-preserving forms (docs/kernel-reactions.md).
            ReactionKind.FisherRaoKernel => flow.IsSpherical
                ? KernelReactionFactory.SphericalKernelizedFisherRao(Kernel, flow.Beta, setting, Nodes, energy, options)
                : KernelReactionFactory.KernelizedFisherRao(Kernel, flow.Beta, setting, Nodes, energy, options),
            ReactionKind.MaximumMeanDiscrepancy => flow.IsSpherical
                ? KernelReactionFactory.SphericalMaximumMeanDiscrepancyGeometry(Kernel, flow.Beta, flow.Epsilon, setting, Nodes, energy, options)
                : KernelReactionFactory.MaximumMeanDiscrepancyGeometry(Kernel, flow.Beta, flow.Epsilon, setting, Nodes, energy, options),
            _ => throw new InvalidOperationException($"{flow.Reaction} is not a kernel reaction"),
        };
    }
}
