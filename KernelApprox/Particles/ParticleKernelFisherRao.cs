using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// Spherical λ-FRk on weighted particles (kernel.md §3b): the force ξ = log(μ/π) uses a kernel
/// density estimate for log μ at the particles (<see cref="KernelDensityEstimate"/>) and V for
/// −log π, then r = Q P_λ Q ξ by the symmetric KRR projection of §3a with W = diag(w), and the
/// weights move in log variables, wᵢ ← wᵢ e^{−τβrᵢ} (exponential Euler: positive for any τ),
/// then are rescaled to their previous total (the flow conserves it; the rescaling removes the
/// O(τ²) drift of the explicit step). Positions do not move.
/// </summary>
public sealed class ParticleKernelFisherRao
{
    private readonly RkhsProjectionOptions? options;

    /// <summary>Creates the method.</summary>
    /// <param name="kernel">The RKHS kernel of the projection.</param>
    /// <param name="step">τ &gt; 0.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <param name="regularization">λ &gt; 0.</param>
    /// <param name="densityBandwidth">h &gt; 0 of the Gaussian density estimate.</param>
    /// <param name="options">Projection options.</param>
    public ParticleKernelFisherRao(IKernel kernel, double step, double beta, double regularization, double densityBandwidth, RkhsProjectionOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        if (!(step > 0.0) || !(beta >= 0.0) || !(regularization > 0.0) || !(densityBandwidth > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Need τ > 0, β ≥ 0, λ > 0, h > 0.");
        }

        Step = step;
        Beta = beta;
        Regularization = regularization;
        DensityBandwidth = densityBandwidth;
        this.options = options;
    }

    /// <summary>The kernel.</summary>
    public IKernel Kernel { get; }

    /// <summary>τ.</summary>
    public double Step { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>λ.</summary>
    public double Regularization { get; }

    /// <summary>h.</summary>
    public double DensityBandwidth { get; }

    /// <summary>The projection of the last step (dissipation, deficit, solve report).</summary>
    public RkhsProjectionResult? LastProjection { get; private set; }

    /// <summary>ξᵢ = log μ̂(xᵢ) + V(xᵢ).</summary>
    /// <param name="ensemble">The particles.</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    public double[] Force(ParticleEnsemble ensemble, ParticleTarget target)
    {
        double[] force = KernelDensityEstimate.LogDensityAtParticles(ensemble, DensityBandwidth);
        double[] potential = target.PotentialAtParticles(ensemble);
        for (int i = 0; i < force.Length; i++)
        {
            force[i] += potential[i];
        }

        return force;
    }

    /// <summary>One weight step.</summary>
    /// <param name="ensemble">The particles (weights updated in place).</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    public void Advance(ParticleEnsemble ensemble, ParticleTarget target)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(target);
        double total = ensemble.TotalWeight;
        double[] force = Force(ensemble, target);
        RkhsProjectionResult result = RkhsProjection.ProjectSpherical(Kernel, ensemble.ToPointSet(), ensemble.Weights, force, Regularization, options);
        ReadOnlySpan<double> r = result.Response.Span;
        Span<double> weights = ensemble.Weights;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] *= Math.Exp(-Step * Beta * r[i]);
        }

        ensemble.NormalizeWeights(total);
        LastProjection = result;
    }
}
