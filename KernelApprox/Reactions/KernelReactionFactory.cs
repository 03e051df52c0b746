using PdeFlows.Flows;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>Builds the kernel reactions of <c>[flow] reaction</c> on the finite-element nodes (kernel.md §3a).</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>kernel-fr</c>: λ-FRk, ρ = β(K_μ+λ)⁻¹K_μξ; <c>kernel-fr-spherical</c>: ρ = β Q P_λ Q ξ;
/// <c>frk</c>: ρ = β K_μξ. All three are integrated in log variables (adaptive DOPRI5,
/// <see cref="IntegratedReaction"/>), so u stays positive for any step.</item>
/// <item><c>mmd</c>: u̇ = −β(𝖪M + εI)⁻¹ξ integrated in u itself (<see cref="MaximumMeanDiscrepancyReaction"/>).</item>
/// </list>
/// </remarks>
public static class KernelReactionFactory
{
    /// <summary>Creates the reaction.</summary>
    /// <param name="kind">Any kind but <see cref="ReactionKind.Exact"/>.</param>
    /// <param name="kernel">The <c>[kernel]</c> section: kind, bandwidth (a median bandwidth is computed on <paramref name="nodes"/>), λ.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="epsilon">ε of the <c>mmd</c> reaction (ignored by the others).</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerances and solve options; defaults if null.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="ReactionKind.Exact"/> (not a kernel reaction) or the sizes disagree.</exception>
    public static KernelReaction Create(ReactionKind kind, KernelSection kernel, double beta, double epsilon, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(energy);
        options ??= KernelReactionOptions.Default;
        IKernel k = KernelSectionResolver.CreateKernel(kernel, nodes);
        switch (kind)
        {
            case ReactionKind.KernelFisherRao:
            case ReactionKind.KernelFisherRaoSpherical:
            {
                var rate = new KernelFisherRaoRate(k, nodes, setting, energy, beta, kernel.Lambda, kind == ReactionKind.KernelFisherRaoSpherical, options.Projection);
                return new KernelReaction(kind, rate, new IntegratedReaction(rate, setting.Count, options.LogIntegratorTolerance));
            }

            case ReactionKind.FisherRaoKernel:
            {
                var rate = new KernelizedFisherRaoRate(k, nodes, setting, energy, beta, options.Projection.Product);
                return new KernelReaction(kind, rate, new IntegratedReaction(rate, setting.Count, options.LogIntegratorTolerance));
            }

            case ReactionKind.MaximumMeanDiscrepancy:
            {
                var reaction = new MaximumMeanDiscrepancyReaction(k, nodes, setting, energy, beta, epsilon,
                    options.MaximumMeanDiscrepancyRelativeTolerance, options.MaximumMeanDiscrepancyAbsoluteTolerance, options.Projection.Solve);
                return new KernelReaction(kind, reaction, reaction);
            }

            case ReactionKind.Exact:
                throw new ArgumentException("The exact reaction is not a kernel reaction; use the closed-form or integrated Fisher–Rao reaction of PdeFlows.Flows.", nameof(kind));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined reaction kind.");
        }
    }
}
