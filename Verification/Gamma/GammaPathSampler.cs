using PdeFlows.Discretization;
using PdeFlows.Discretization.Norms;
using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Potentials;
using PdeFlows.KernelApprox.Projection;
using PdeFlows.Verification.Metrics;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// Computes the path quantities of the Γ-convergence study (kernel.md §5) at one sample of a λ-run
/// μ_λ and of the limit path μ, from plain arrays (docs/kernel.md, "Dissipation potentials on the
/// nodes"; w = m∘u, 𝖪ᵢⱼ = k(xᵢ, xⱼ), ξ = δE/δu). The run's rate is recomputed from its state by the
/// same projection the flow integrates: a = (W𝖪 + λ)⁻¹Wξ̂ (ξ̂ = ξ, or Qξ in the spherical flow),
/// rate v = β𝖪a (minus its w-mean in the spherical flow). Then
/// R*_λ = (β/2)⟨ξ, r⟩_w from the force, and R_λ from the rate alone
/// (<see cref="KernelDissipationPotentials"/>): (1/2β)[‖v‖²_w + λ‖v‖²_H], minimised over adding a
/// constant in the spherical flow; D = D_W + β⟨ξ, r⟩_w; deficit βλ⟨ξ̂, (K_μ + λ)⁻¹ξ̂⟩. Along the limit
/// path R_FR = (1/2β)‖v₀‖²_u from its own rate v₀, R*_FR = (β/2)‖ξ − c‖²_u from its force. β is the
/// sequence's (the structure); a planted limit path only changes the path. One sampler per run
/// (work arrays; not for concurrent use).
/// </summary>
public sealed class GammaPathSampler
{
    private readonly P1Space space;
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly double beta;
    private readonly IKernel kernel;
    private readonly double lambda;
    private readonly bool spherical;
    private readonly Func<double[], double>? transportDissipation;
    private readonly PointSet points;
    private readonly StudyMetricEvaluator evaluator;
    private readonly double[] m;
    private readonly double[] w;
    private readonly double[] xi;
    private readonly double[] limitXi;
    private readonly double[] product;
    private readonly double[] rateCoefficients;

    /// <summary>Prepares the sampler of one run.</summary>
    /// <param name="space">The P1 space of the run.</param>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The energy (KL).</param>
    /// <param name="beta">β of the flow.</param>
    /// <param name="kernel">The kernel of the λ-FRk reaction.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="spherical">Whether the reaction is the spherical one.</param>
    /// <param name="metricKernelBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
    /// <param name="transportDissipation">D_W(u), the transport dissipation of the splitting, or null without transport.</param>
    public GammaPathSampler(P1Space space, NodalSetting setting, IEnergy energy, double beta, IKernel kernel, double lambda, bool spherical, double metricKernelBandwidth, Func<double[], double>? transportDissipation = null)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        this.beta = beta;
        this.kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        this.lambda = lambda;
        this.spherical = spherical;
        this.transportDissipation = transportDissipation;
        points = new PointSet(space.Mesh.Coordinates.ToArray(), space.Dimension);
        evaluator = new StudyMetricEvaluator(KernelFactory.Create(KernelKind.Gaussian, metricKernelBandwidth));
        int n = setting.Count;
        m = setting.LumpedMass.ToArray();
        w = new double[n];
        xi = new double[n];
        limitXi = new double[n];
        product = new double[n];
        rateCoefficients = new double[n];
    }

    /// <summary>The path quantities at time <paramref name="time"/>.</summary>
    /// <param name="time">The sample time.</param>
    /// <param name="density">u_λ(t) at the nodes.</param>
    /// <param name="energyValue">E(u_λ(t)) as the run recorded it.</param>
    /// <param name="limit">The limit path at <paramref name="time"/>.</param>
    /// <returns>The sample.</returns>
    public GammaPathSample Sample(double time, double[] density, double energyValue, GammaLimitState limit)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(limit);
        double[] u = density, exact = limit.Density;
        int n = setting.Count;
        for (int i = 0; i < n; i++)
        {
            w[i] = m[i] * u[i];
        }

        energy.FirstVariation(u, setting, xi);
        RkhsProjectionResult projection = spherical
            ? RkhsProjection.ProjectSpherical(kernel, points, w, xi, lambda)
            : RkhsProjection.Project(kernel, points, w, xi, lambda);
        ReadOnlySpan<double> a = projection.Coefficients.Span;
        for (int i = 0; i < n; i++)
        {
            rateCoefficients[i] = beta * a[i];
        }

        double slope = KernelDissipationPotentials.KernelFisherRaoSlope(w, xi, projection.Response.Span, beta);
        double rate, stationarity = 0;
        if (spherical)
        {
            // The flow's rate is v = β(𝖪a − κ): its constant part γ = −βκ, κ = ⟨𝖪a⟩_w.
            KernelMatrixFreeProduct.Multiply(kernel, points, points, projection.Coefficients, product);
            double constant = -beta * RkhsProjection.WeightedMean(w, product);
            var potential = KernelDissipationPotentials.SphericalKernelFisherRaoRate(kernel, points, w, rateCoefficients, constant, beta, lambda);
            rate = potential.Value;
            stationarity = Math.Max(potential.RelativeStationarityDefect, potential.RelativeMassRate);
        }
        else
        {
            rate = KernelDissipationPotentials.KernelFisherRaoRate(kernel, points, w, rateCoefficients, beta, lambda);
        }

        double transport = transportDissipation?.Invoke(u) ?? 0;
        double limitTransport = transportDissipation?.Invoke(exact) ?? 0;
        var (limitRate, limitSlope) = LimitPotentials(limit);
        return new GammaPathSample(
            time,
            ErrorNorms.L1Distance(space, u, exact),
            Math.Sqrt(Math.Max(0, DensityDivergences.HellingerSquared(space, u, exact))),
            evaluator.NodalMaximumMeanDiscrepancy(space, m, u, exact),
            Math.Abs(DensityDivergences.KullbackLeibler(space, u, exact)),
            energyValue,
            energy.Value(exact, setting),
            transport + (2 * slope),
            transport,
            rate,
            slope,
            stationarity,
            beta * projection.Deficit,
            limitRate,
            limitSlope,
            limitTransport);
    }

    /// <summary>R_FR(μ, μ̇) = (1/2β)Σ mᵢuᵢvᵢ² from the path's rate and R*_FR(μ) = (β/2)Σ mᵢuᵢ(ξᵢ − c)² from its force.</summary>
    private (double Rate, double Slope) LimitPotentials(GammaLimitState limit)
    {
        double[] u = limit.Density, v = limit.ReactionRateDensity;
        energy.FirstVariation(u, setting, limitXi);
        double c = spherical ? setting.WeightedMean(u, limitXi) : 0, rate = 0, slope = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double weight = m[i] * u[i];
            rate += weight * v[i] * v[i];
            slope += weight * (limitXi[i] - c) * (limitXi[i] - c);
        }

        return (rate / (2 * beta), 0.5 * beta * slope);
    }
}
