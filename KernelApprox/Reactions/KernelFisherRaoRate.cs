using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// The λ-FRk rate on the nodes (kernel.md §2, §3a): ρ = β r with r = (K_μ + λ)⁻¹K_μ ξ, or the
/// spherical version ρ = β Q P_λ Q ξ, for μ = Σ wᵢ δ_{xᵢ}, wᵢ = mᵢ uᵢ and ξ = δE/δu.
/// </summary>
/// <remarks>
/// Every evaluation builds and factorizes S = W^{½}𝖪W^{½} + λI afresh
/// (<see cref="RkhsProjection"/>): S depends on u through W, and an integrator evaluates the
/// rate at different u in every stage, so no factorization is reused across evaluations
/// (reuse would be exact only at equal weights). The reaction dissipation the splitting solver
/// computes, Σ mᵢuᵢξᵢρᵢ = β Σ wᵢξᵢrᵢ, is β times <see cref="RkhsProjectionResult.Dissipation"/>.
/// </remarks>
public sealed class KernelFisherRaoRate : IKernelReactionRate
{
    private readonly PointSet nodes;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly RkhsProjectionOptions options;
    private readonly double[] weights;
    private readonly double[] force;

    /// <summary>Creates the rate.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ (one per nodal value).</param>
    /// <param name="setting">Lumped masses mᵢ and nodal target.</param>
    /// <param name="energy">The energy whose first variation ξ is projected.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="regularization">λ, finite and &gt; 0.</param>
    /// <param name="spherical">True for the mass-preserving version Q P_λ Q ξ.</param>
    /// <param name="options">Solve and product options; defaults if null.</param>
    public KernelFisherRaoRate(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, double regularization, bool spherical, RkhsProjectionOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        this.nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        KernelReactionValidation.CheckNodes(nodes, setting);
        Beta = KernelReactionValidation.CheckBeta(beta);
        if (!(regularization > 0.0) || !double.IsFinite(regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "The regularization λ must be finite and > 0.");
        }

        Regularization = regularization;
        Spherical = spherical;
        this.options = options ?? RkhsProjectionOptions.Default;
        weights = new double[setting.Count];
        force = new double[setting.Count];
    }

    /// <inheritdoc />
    public IKernel Kernel { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <summary>λ.</summary>
    public double Regularization { get; }

    /// <summary>Whether the force and the response are centred (spherical λ-FRk).</summary>
    public bool Spherical { get; }

    /// <inheritdoc />
    public RkhsProjectionResult? LastProjection { get; private set; }

    /// <inheritdoc />
    public ShiftedSolveReport? LastSolve => LastProjection?.Solve;

    /// <inheritdoc />
    public int Evaluations { get; private set; }

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> density, Span<double> rate)
    {
        KernelReactionValidation.CheckLengths(density, rate, setting.Count);
        ReadOnlySpan<double> mass = setting.LumpedMass;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = mass[i] * density[i];
        }

        energy.FirstVariation(density, setting, force);
        RkhsProjectionResult result = Spherical
            ? RkhsProjection.ProjectSpherical(Kernel, nodes, weights, force, Regularization, options)
            : RkhsProjection.Project(Kernel, nodes, weights, force, Regularization, options);
        ReadOnlySpan<double> response = result.Response.Span;
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * response[i];
        }

        LastProjection = result;
        Evaluations++;
    }
}
