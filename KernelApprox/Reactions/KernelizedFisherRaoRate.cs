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
/// </summary>
/// <remarks>
/// It is the λ → ∞ limit of λ-FRk on the time scale λs: λ(K_μ + λ)⁻¹K_μ = K_μ − K_μ²/λ + O(λ⁻²).
/// The reaction dissipation is β Σ wᵢξᵢ(K_μξ)ᵢ = β‖K_μ^{½}ξ‖² ≥ 0.
/// </remarks>
public sealed class KernelizedFisherRaoRate : IKernelReactionRate
{
    private readonly FixedNodeKernelMatrix kernelMatrix;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly double[] weightedForce;

    /// <summary>Creates the rate.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The energy whose first variation ξ drives the flow.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="options">Product options; defaults if null.</param>
    public KernelizedFisherRaoRate(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, KernelProductOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        ArgumentNullException.ThrowIfNull(nodes);
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        KernelReactionValidation.CheckNodes(nodes, setting);
        Beta = KernelReactionValidation.CheckBeta(beta);
        kernelMatrix = new FixedNodeKernelMatrix(kernel, nodes, FixedNodeKernelOptions.Default, options);
        weightedForce = new double[setting.Count];
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
        for (int i = 0; i < weightedForce.Length; i++)
        {
            weightedForce[i] *= mass[i] * density[i];
        }

        var product = new double[rate.Length];
        kernelMatrix.Multiply(weightedForce, product);
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * product[i];
        }

        Evaluations++;
    }
}
