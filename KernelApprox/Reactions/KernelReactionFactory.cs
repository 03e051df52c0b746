using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>Builds the kernel reactions on the finite-element nodes (kernel.md §3a), one factory method per reaction.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>λ-FRk, ρ = β(K_μ+λ)⁻¹K_μξ; spherical λ-FRk, ρ = β Q P_λ Q ξ; FRk, ρ = β K_μξ. All three are
/// integrated in log variables (adaptive DOPRI5, <see cref="IntegratedReaction"/>), so u stays
/// positive for any step.</item>
/// <item>MMD geometry: u̇ = −β(𝖪M + εI)⁻¹ξ integrated in u itself (<see cref="MaximumMeanDiscrepancyReaction"/>).</item>
/// <item>Spherical forms (mass-preserving): λ-FRk ρ = β Q P_λ Q ξ, FRk ρ = β Q K_μ Q ξ, MMD u̇ = −β(𝖪M + εI)⁻¹(ξ − c):
/// the rate has zero w-mean at every state, so the integrated flow keeps the mass up to the integrator's error.</item>
/// </list>
/// Every method takes the kernel with its bandwidth already chosen (a median bandwidth is the
/// caller's to compute, e.g. by <see cref="MedianHeuristic"/> on the nodes).
/// </remarks>
public static class KernelReactionFactory
{
    /// <summary>λ-FRk: the kernel-approximate Fisher–Rao reaction ρ = β(K_μ+λ)⁻¹K_μξ.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="lambda">λ &gt; 0.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerance and solve options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction KernelFisherRao(IKernel kernel, double lambda, double beta, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null) =>
        Projected(kernel, lambda, beta, spherical: false, setting, nodes, energy, options);

    /// <summary>Spherical λ-FRk: ρ = β Q P_λ Q ξ (mass-preserving).</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="lambda">λ &gt; 0.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerance and solve options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction SphericalKernelFisherRao(IKernel kernel, double lambda, double beta, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null) =>
        Projected(kernel, lambda, beta, spherical: true, setting, nodes, energy, options);

    /// <summary>FRk, the Fisher–Rao-kernel comparator: ρ = β K_μξ.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerance and product options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction KernelizedFisherRao(IKernel kernel, double beta, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null)
    {
        Check(kernel, setting, nodes, energy);
        options ??= KernelReactionOptions.Default;
        var rate = new KernelizedFisherRaoRate(kernel, nodes, setting, energy, beta, options.Projection.Product);
        return new KernelReaction(rate, new IntegratedReaction(rate, setting.Count, options.LogIntegratorTolerance));
    }

    /// <summary>Spherical FRk: ρ = β Q K_μ Q ξ (mass-preserving: Σ wᵢρᵢ = 0 at every state).</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerance and product options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction SphericalKernelizedFisherRao(IKernel kernel, double beta, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null)
    {
        Check(kernel, setting, nodes, energy);
        options ??= KernelReactionOptions.Default;
        var rate = new KernelizedFisherRaoRate(kernel, nodes, setting, energy, beta, options.Projection.Product, spherical: true);
        return new KernelReaction(rate, new IntegratedReaction(rate, setting.Count, options.LogIntegratorTolerance));
    }

    /// <summary>The spherical MMD-geometry reaction u̇ = −β(𝖪M + εI)⁻¹(ξ − c), c keeping the mass.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerances and solve options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction SphericalMaximumMeanDiscrepancyGeometry(IKernel kernel, double beta, double epsilon, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null)
    {
        Check(kernel, setting, nodes, energy);
        options ??= KernelReactionOptions.Default;
        var reaction = new MaximumMeanDiscrepancyReaction(kernel, nodes, setting, energy, beta, epsilon,
            options.MaximumMeanDiscrepancyRelativeTolerance, options.MaximumMeanDiscrepancyAbsoluteTolerance, options.Projection.Solve, spherical: true);
        return new KernelReaction(reaction, reaction);
    }

    /// <summary>The MMD-geometry reaction u̇ = −β(𝖪M + εI)⁻¹ξ.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="nodes">Node coordinates, one per nodal value.</param>
    /// <param name="energy">The driving energy.</param>
    /// <param name="options">Integrator tolerances and solve options; defaults if null.</param>
    /// <returns>The reaction.</returns>
    public static KernelReaction MaximumMeanDiscrepancyGeometry(IKernel kernel, double beta, double epsilon, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options = null)
    {
        Check(kernel, setting, nodes, energy);
        options ??= KernelReactionOptions.Default;
        var reaction = new MaximumMeanDiscrepancyReaction(kernel, nodes, setting, energy, beta, epsilon,
            options.MaximumMeanDiscrepancyRelativeTolerance, options.MaximumMeanDiscrepancyAbsoluteTolerance, options.Projection.Solve);
        return new KernelReaction(reaction, reaction);
    }

    private static KernelReaction Projected(IKernel kernel, double lambda, double beta, bool spherical, NodalSetting setting, PointSet nodes, IEnergy energy, KernelReactionOptions? options)
    {
        Check(kernel, setting, nodes, energy);
        options ??= KernelReactionOptions.Default;
        var rate = new KernelFisherRaoRate(kernel, nodes, setting, energy, beta, lambda, spherical, options.Projection);
        return new KernelReaction(rate, new IntegratedReaction(rate, setting.Count, options.LogIntegratorTolerance));
    }

    private static void Check(IKernel kernel, NodalSetting setting, PointSet nodes, IEnergy energy)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(energy);
    }
}
