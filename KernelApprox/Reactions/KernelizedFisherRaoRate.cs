using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// The FRk rate (kernelized Fisher–Rao, kernel.md §2) on the nodes: ρ = β K_μ ξ, i.e.
/// ρᵢ = β Σⱼ k(xᵢ, xⱼ) wⱼ ξⱼ with wⱼ = mⱼuⱼ; one product per evaluation, no solve (with 𝖪 stored
/// up to <see cref="FixedNodeKernelOptions.DenseStorageLimit"/> nodes, matrix-free above).
/// Spherical (what <c>reaction = "frk"</c> runs under a spherical flow kind): ρ = β Q K_μ Q ξ with
/// Qf = f − ⟨f⟩_w, i.e. ρᵢ = β[(𝖪Wη)ᵢ − ⟨𝖪Wη⟩_w] with η = ξ − ⟨ξ⟩_w; Σ wᵢρᵢ = 0 at every state, so
/// the flow keeps the mass.
/// </summary>
/// <remarks>
/// It is the λ → ∞ limit of λ-FRk on the time scale λs: λ(K_μ + λ)⁻¹K_μ = K_μ − K_μ²/λ + O(λ⁻²).
/// The reaction dissipation is β Σ wᵢξᵢ(K_μξ)ᵢ = β‖K_μ^{½}ξ‖² ≥ 0; in the spherical case the
/// operator βQᵀW𝖪WQ is symmetric positive semidefinite (docs/kernel.md).
/// </remarks>
public sealed class KernelizedFisherRaoRate : IKernelReactionRate
{
    private readonly FixedNodeKernelMatrix kernelMatrix;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly bool spherical;
    private readonly double[] weights;
    private readonly double[] weightedForce;
    private readonly double[] product;

    /// <summary>Creates the rate.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The energy whose first variation ξ drives the flow.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="options">Product options; defaults if null.</param>
    /// <param name="spherical">Whether to use the mass-preserving form β Q K_μ Q ξ.</param>
    public KernelizedFisherRaoRate(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, KernelProductOptions? options = null, bool spherical = false)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        ArgumentNullException.ThrowIfNull(nodes);
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        KernelReactionValidation.CheckNodes(nodes, setting);
        Beta = KernelReactionValidation.CheckBeta(beta);
        this.spherical = spherical;
        kernelMatrix = new FixedNodeKernelMatrix(kernel, nodes, FixedNodeKernelOptions.Default, options);
        weights = new double[setting.Count];
        weightedForce = new double[setting.Count];
        product = new double[setting.Count];
    }

    /// <inheritdoc />
    public IKernel Kernel { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <inheritdoc />
    public RkhsProjectionResult? LastProjection => null;

    /// <inheritdoc />
    public ShiftedSolveReport? LastSolve => null;

    /// <inheritdoc />
    public int Evaluations { get; private set; }

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> density, Span<double> rate)
    {
        KernelReactionValidation.CheckLengths(density, rate, setting.Count);
        energy.FirstVariation(density, setting, weightedForce);
        ReadOnlySpan<double> mass = setting.LumpedMass;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = mass[i] * density[i];
        }

        // Q removes the w-weighted mean of the force before the product and of the response after it.
        double forceMean = spherical ? RkhsProjection.WeightedMean(weights, weightedForce) : 0.0;
        for (int i = 0; i < weightedForce.Length; i++)
        {
            weightedForce[i] = weights[i] * (weightedForce[i] - forceMean);
        }

        kernelMatrix.Multiply(weightedForce, product);
        double responseMean = spherical ? RkhsProjection.WeightedMean(weights, product) : 0.0;
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * (product[i] - responseMean);
        }

        Evaluations++;
    }
}
