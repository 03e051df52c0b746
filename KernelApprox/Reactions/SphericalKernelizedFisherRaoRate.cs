using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// The spherical FRk rate (what <c>reaction = "frk"</c> runs under a spherical flow kind):
/// ρ = β Q K_μ Q ξ with Qf = f − ⟨f⟩_w, w = m∘u, i.e. ρᵢ = β[(𝖪Wη)ᵢ − ⟨𝖪Wη⟩_w] with η = ξ − ⟨ξ⟩_w.
/// Σ wᵢρᵢ = 0 at every state, so the flow keeps the mass; the operator 𝕂 = βQᵀW𝖪WQ is symmetric
/// positive semidefinite (docs/kernel.md), the λ → ∞ limit of spherical λ-FRk on the time scale λs.
/// </summary>
public sealed class SphericalKernelizedFisherRaoRate : IKernelReactionRate
{
    private readonly PointSet nodes;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly KernelProductOptions options;
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
    public SphericalKernelizedFisherRaoRate(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, KernelProductOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        this.nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        KernelReactionValidation.CheckNodes(nodes, setting);
        Beta = KernelReactionValidation.CheckBeta(beta);
        this.options = options ?? KernelProductOptions.Default;
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

        double forceMean = RkhsProjection.WeightedMean(weights, weightedForce);
        for (int i = 0; i < weightedForce.Length; i++)
        {
            weightedForce[i] = weights[i] * (weightedForce[i] - forceMean);
        }

        KernelMatrixFreeProduct.Multiply(Kernel, nodes, nodes, weightedForce, product, options);
        double responseMean = RkhsProjection.WeightedMean(weights, product);
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * (product[i] - responseMean);
        }

        Evaluations++;
    }
}
