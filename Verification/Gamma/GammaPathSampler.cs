using PdeFlows.Discretization;
using PdeFlows.Discretization.Norms;
using PdeFlows.Flows;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;
using PdeFlows.Verification.Metrics;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// Computes the path quantities of the Γ-convergence study (kernel.md §5) at one sample of a λ-FRk
/// run μ_λ, from plain arrays: the run's nodal density and energy there, against the exact FR/SFR
/// flow of the same initial density on the same nodes (closed form). Discrete forms (kernel.md §3a,
/// nodal weights w = m∘u, 𝖪ᵢⱼ = k(xᵢ, xⱼ), ξ = log(u/π)): a = W^½(S + λ)⁻¹W^½ξ, r = 𝖪a (centred by
/// its w-mean in the spherical flow, where ξ is centred too); R*_λ = ½⟨ξ, r⟩_w;
/// R_λ = ½‖r‖²_w + (λ/2)aᵀ𝖪a (rate v = r, ‖v‖²_H = aᵀ𝖪a); D = −dE/dt = ⟨ξ, r⟩_w;
/// deficit λ⟨ξ, (K_μ + λ)⁻¹ξ⟩ = λ ξᵀW^½(S + λ)⁻¹W^½ξ; the Fisher–Rao potentials of the same μ_λ:
/// R_FR = ½‖r‖²_w, R*_FR = ½‖ξ‖²_w. Along the λ-FRk flow (W𝖪a + λa = Wξ) R_λ = R*_λ exactly; in the
/// spherical flow R_λ = R*_λ − ½(Σw)⟨𝖪a⟩²_w, reported as the identity defect. One sampler per run
/// (it reuses work arrays; not for concurrent use).
/// </summary>
public sealed class GammaPathSampler
{
    private readonly P1Space space;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly double[] initialDensity;
    private readonly double beta;
    private readonly IKernel kernel;
    private readonly double lambda;
    private readonly bool spherical;
    private readonly PointSet points;
    private readonly StudyMetricEvaluator evaluator;
    private readonly double[] m;
    private readonly double[] w;
    private readonly double[] xi;
    private readonly double[] product;

    /// <summary>Prepares the sampler of one run.</summary>
    /// <param name="space">The P1 space of the run.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The energy (KL).</param>
    /// <param name="initialDensity">The run's initial nodal density (the exact flow starts from it).</param>
    /// <param name="beta">β of the flow.</param>
    /// <param name="kernel">The kernel of the λ-FRk reaction.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="spherical">Whether the flow is the spherical one (against SFR) or not (against FR).</param>
    /// <param name="metricKernelBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
    public GammaPathSampler(P1Space space, NodalSetting setting, IEnergy energy, ReadOnlySpan<double> initialDensity, double beta, IKernel kernel, double lambda, bool spherical, double metricKernelBandwidth)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        this.initialDensity = initialDensity.ToArray();
        this.beta = beta;
        this.kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        this.lambda = lambda;
        this.spherical = spherical;
        points = new PointSet(space.Mesh.Coordinates.ToArray(), space.Dimension);
        evaluator = new StudyMetricEvaluator(KernelFactory.Create(KernelKind.Gaussian, metricKernelBandwidth));
        int n = setting.Count;
        m = setting.LumpedMass.ToArray();
        w = new double[n];
        xi = new double[n];
        product = new double[n];
    }

    /// <summary>The path quantities at time <paramref name="time"/>.</summary>
    /// <param name="time">The sample time.</param>
    /// <param name="density">u_λ(t) at the nodes.</param>
    /// <param name="energyValue">E(u_λ(t)) as the run recorded it.</param>
    /// <returns>The sample.</returns>
    public GammaPathSample Sample(double time, double[] density, double energyValue)
    {
        ArgumentNullException.ThrowIfNull(density);
        double[] u = density;
        double[] exact = spherical
            ? FisherRaoClosedForms.SphericalRelativeEntropy(setting, initialDensity, beta, time)
            : FisherRaoClosedForms.RelativeEntropy(setting, initialDensity, beta, time);
        int n = setting.Count;
        for (int i = 0; i < n; i++)
        {
            w[i] = m[i] * u[i];
        }

        energy.FirstVariation(u, setting, xi);
        RkhsProjectionResult projection = spherical
            ? RkhsProjection.ProjectSpherical(kernel, points, w, xi, lambda)
            : RkhsProjection.Project(kernel, points, w, xi, lambda);
        ReadOnlySpan<double> r = projection.Response.Span;
        KernelMatrixFreeProduct.Multiply(kernel, points, points, projection.Coefficients, product);
        double rateSquared = 0, hNorm = 0;
        for (int i = 0; i < n; i++)
        {
            rateSquared += w[i] * r[i] * r[i];
            hNorm += projection.Coefficients.Span[i] * product[i];
        }

        return new GammaPathSample(
            time,
            ErrorNorms.L1Distance(space, u, exact),
            Math.Sqrt(Math.Max(0, DensityDivergences.HellingerSquared(space, u, exact))),
            evaluator.NodalMaximumMeanDiscrepancy(space, m, u, exact),
            Math.Abs(DensityDivergences.KullbackLeibler(space, u, exact)),
            energyValue,
            energy.Value(exact, setting),
            projection.Dissipation,
            (0.5 * rateSquared) + (0.5 * lambda * hNorm),
            0.5 * projection.Dissipation,
            0.5 * rateSquared,
            0.5 * projection.ForceNormSquared,
            projection.Deficit,
            ExactPathDissipation(exact));
    }

    /// <summary>D₀ = Σ mᵢuᵢ(ξᵢ − c)² of the exact flow (c the u-weighted mean of ξ in the spherical flow, else 0).</summary>
    private double ExactPathDissipation(double[] exact)
    {
        var exactXi = new double[exact.Length];
        energy.FirstVariation(exact, setting, exactXi);
        ReadOnlySpan<double> lumped = setting.LumpedMass;
        double mass = 0, moment = 0;
        for (int i = 0; i < exactXi.Length; i++)
        {
            mass += lumped[i] * exact[i];
            moment += lumped[i] * exact[i] * exactXi[i];
        }

        double c = spherical ? moment / mass : 0, sum = 0;
        for (int i = 0; i < exactXi.Length; i++)
        {
            sum += lumped[i] * exact[i] * (exactXi[i] - c) * (exactXi[i] - c);
        }

        return sum;
    }
}
