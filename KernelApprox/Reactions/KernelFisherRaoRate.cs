using System.Runtime.InteropServices;
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
/// <para>S = W^{½}𝖪W^{½} depends on u through W, which changes at every stage of the integrator,
/// but the nodes never move: the rate keeps a <see cref="FixedNodeKernelMatrix"/> (𝖪 stored when
/// small, and a pivoted Cholesky factor 𝖪 ≈ L Lᵀ computed once), so each evaluation solves
/// (S + λ)z = b by the Woodbury identity with W^{½}L in O(n m²) and refines with the true S to
/// the accuracy of a dense solve; where that factor is not accurate enough for the weights
/// (Σwᵢ(𝖪 − L Lᵀ)ᵢᵢ &gt; ηλ), or n is large, S + λI is factorized afresh as before
/// (<see cref="RkhsProjection"/>).</para>
/// <para>The rate is a pure function of u: an evaluation at the same u (bit for bit) as the
/// previous one returns the previous result without recomputing it (the splitting solver's
/// dissipation at the end of a step and the integrator's first stage of the next step).</para>
/// <para>The reaction dissipation the splitting solver computes, Σ mᵢuᵢξᵢρᵢ = β Σ wᵢξᵢrᵢ, is β
/// times <see cref="RkhsProjectionResult.Dissipation"/>.</para>
/// </remarks>
public sealed class KernelFisherRaoRate : IKernelReactionRate
{
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly RkhsProjectionOptions options;
    private readonly FixedNodeKernelMatrix kernelMatrix;
    private readonly double[] weights;
    private readonly double[] force;
    private readonly double[] lastDensity;
    private readonly double[] lastRate;

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
        ArgumentNullException.ThrowIfNull(nodes);
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
        kernelMatrix = new FixedNodeKernelMatrix(kernel, nodes, this.options.FixedNodes, this.options.Product);
        weights = new double[setting.Count];
        force = new double[setting.Count];
        lastDensity = new double[setting.Count];
        lastRate = new double[setting.Count];
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
        if (LastProjection is not null && MemoryMarshal.Cast<double, long>(density).SequenceEqual(MemoryMarshal.Cast<double, long>(lastDensity.AsSpan())))
        {
            lastRate.CopyTo(rate);
            return;
        }

        ReadOnlySpan<double> mass = setting.LumpedMass;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = mass[i] * density[i];
        }

        energy.FirstVariation(density, setting, force);
        RkhsProjectionResult result = Spherical
            ? RkhsProjection.ProjectSpherical(kernelMatrix, weights, force, Regularization, options)
            : RkhsProjection.Project(kernelMatrix, weights, force, Regularization, options);
        ReadOnlySpan<double> response = result.Response.Span;
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = Beta * response[i];
        }

        density.CopyTo(lastDensity);
        rate.CopyTo(lastRate);
        LastProjection = result;
        Evaluations++;
    }
}
