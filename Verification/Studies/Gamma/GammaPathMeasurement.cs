using PdeFlows.Discretization.Norms;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Problems;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;
using PdeFlows.KernelApprox.Reactions;

namespace PdeFlows.Verification.Studies.Gamma;

/// <summary>
/// Everything the Γ-convergence study measures along one λ-FRk run μ_λ (kernel.md §5), sampled at
/// the output times and integrated by composite Simpson's rule. Discrete forms (kernel.md §3a, nodal
/// weights w = m∘u, 𝖪ᵢⱼ = k(xᵢ, xⱼ), ξ = log(u/π)): a = W^½(S + λ)⁻¹W^½ξ, r = 𝖪a (centred by its
/// w-mean in the spherical flow, where ξ is centred too);
/// R*_λ = ½⟨ξ, r⟩_w; R_λ = ½‖r‖²_w + (λ/2)aᵀ𝖪a (rate v = r, ‖v‖²_H = aᵀ𝖪a); D = −dE/dt = ⟨ξ, r⟩_w;
/// deficit λ⟨ξ, (K_μ + λ)⁻¹ξ⟩ = λ ξᵀW^½(S + λ)⁻¹W^½ξ; the Fisher–Rao potentials of the same μ_λ:
/// R_FR = ½‖r‖²_w, R*_FR = ½‖ξ‖²_w. Along the λ-FRk flow (W𝖪a + λa = Wξ) R_λ = R*_λ exactly; in the
/// spherical flow R_λ = R*_λ − ½(Σw)⟨𝖪a⟩²_w, reported as the identity defect.
/// </summary>
/// <param name="Lambda">λ.</param>
/// <param name="Times">Sample times.</param>
/// <param name="L1">‖u_λ − u‖_{L¹} against the exact flow on the same nodes, per sample.</param>
/// <param name="Hellinger">Hellinger distance per sample.</param>
/// <param name="MaximumMeanDiscrepancy">MMD per sample.</param>
/// <param name="KullbackLeibler">KL(u_λ ‖ u) per sample.</param>
/// <param name="Energy">E(u_λ) per sample.</param>
/// <param name="ExactEnergy">E(u) per sample.</param>
/// <param name="Dissipation">D(u_λ) = ⟨ξ, r⟩_w per sample.</param>
/// <param name="RatePotential">R_λ per sample.</param>
/// <param name="SlopePotential">R*_λ per sample.</param>
/// <param name="FisherRaoRatePotential">R_FR(μ_λ, μ̇_λ) per sample.</param>
/// <param name="FisherRaoSlopePotential">R*_FR(μ_λ, ξ) per sample.</param>
/// <param name="Deficit">λ⟨ξ, (K_μ + λ)⁻¹ξ⟩ per sample.</param>
/// <param name="ExactDissipation">D₀ = ‖ξ − c‖²_u along the exact flow per sample.</param>
/// <param name="WallSeconds">Wall-clock seconds.</param>
public sealed record GammaPathMeasurement(
    double Lambda,
    double[] Times,
    double[] L1,
    double[] Hellinger,
    double[] MaximumMeanDiscrepancy,
    double[] KullbackLeibler,
    double[] Energy,
    double[] ExactEnergy,
    double[] Dissipation,
    double[] RatePotential,
    double[] SlopePotential,
    double[] FisherRaoRatePotential,
    double[] FisherRaoSlopePotential,
    double[] Deficit,
    double[] ExactDissipation,
    double WallSeconds)
{
    /// <summary>The EDB residual |E(T) + ∫D dt − E(0)| / |E(0) − E(T)|.</summary>
    public double EdbResidual => Math.Abs(Energy[^1] + Simpson(Times, Dissipation) - Energy[0]) / Math.Abs(Energy[0] - Energy[^1]);

    /// <summary>𝔇_λ = ∫(R_λ + R*_λ) dt along μ_λ.</summary>
    public double DissipationFunctional => Simpson(Times, RatePotential) + Simpson(Times, SlopePotential);

    /// <summary>𝔇₀ = ∫(R_FR + R*_FR) dt = ∫D₀ dt along the exact flow.</summary>
    public double ExactDissipationFunctional => Simpson(Times, ExactDissipation);

    /// <summary>max over samples of |R_λ − R*_λ| / R*_λ.</summary>
    public double IdentityDefect => Enumerable.Range(0, Times.Length).Max(k => Math.Abs(RatePotential[k] - SlopePotential[k]) / Math.Max(SlopePotential[k], 1e-300));

    /// <summary>
    /// Composite Simpson's rule on samples that are equally spaced on consecutive segments (the
    /// spacing changes at most at segment ends; each segment an even number of intervals).
    /// </summary>
    public static double Simpson(double[] times, double[] values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        double total = 0;
        int start = 0;
        for (int k = 1; k < times.Length; k++)
        {
            bool segmentEnds = k == times.Length - 1 || Math.Abs((times[k + 1] - times[k]) - (times[k] - times[k - 1])) > 1e-9 * (times[k] - times[k - 1]);
            if (segmentEnds)
            {
                total += UniformSimpson(times[start..(k + 1)], values[start..(k + 1)]);
                start = k;
            }
        }

        return total;
    }

    private static double UniformSimpson(double[] times, double[] values)
    {
        int intervals = times.Length - 1;
        if (intervals < 2 || intervals % 2 != 0)
        {
            throw new ArgumentException($"Simpson's rule needs an even number ≥ 2 of intervals, got {intervals}");
        }

        double h = (times[^1] - times[0]) / intervals, sum = values[0] + values[^1];
        for (int k = 1; k < intervals; k++)
        {
            sum += (k % 2 == 1 ? 4 : 2) * values[k];
        }

        return sum * h / 3;
    }

    /// <summary>Runs the case and measures along the path.</summary>
    /// <param name="definition">The λ-FRk case (reaction kernel-fr or kernel-fr-spherical).</param>
    /// <param name="metricKernelBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
    /// <param name="cancellation">Cancellation.</param>
    public static GammaPathMeasurement Measure(CaseDefinition definition, double metricKernelBandwidth, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FlowProblem problem = FlowProblemBuilder.Build(definition, KernelComponentProvider.Instance);
        var reaction = (KernelReaction)problem.Reaction!;
        var kernel = reaction.Kernel;
        bool spherical = definition.Flow.IsSpherical;
        double lambda = definition.Kernel!.Lambda;
        var space = problem.Space;
        var setting = problem.Setting;
        var points = new PointSet(problem.Mesh.Coordinates.ToArray(), 1);
        var evaluator = new StudyMetricEvaluator(KernelApprox.Kernels.KernelFactory.Create("gaussian", metricKernelBandwidth));
        int n = setting.Count;
        var series = Enumerable.Range(0, 13).Select(_ => new List<double>()).ToArray();
        var times = new List<double>();
        double[] m = setting.LumpedMass.ToArray();
        var w = new double[n];
        var xi = new double[n];
        var product = new double[n];
        new FlowRunner(problem).Run(onOutput: (_, snapshot) =>
        {
            double t = snapshot.Time;
            double[] u = snapshot.Density;
            double[] exact = spherical
                ? FisherRaoClosedForms.SphericalRelativeEntropy(setting, problem.InitialDensity, definition.Flow.Beta, t)
                : FisherRaoClosedForms.RelativeEntropy(setting, problem.InitialDensity, definition.Flow.Beta, t);
            times.Add(t);
            series[0].Add(ErrorNorms.L1Distance(space, u, exact));
            series[1].Add(Math.Sqrt(Math.Max(0, DensityDivergences.HellingerSquared(space, u, exact))));
            series[2].Add(evaluator.NodalMaximumMeanDiscrepancy(space, m, u, exact));
            series[3].Add(Math.Abs(DensityDivergences.KullbackLeibler(space, u, exact)));
            series[4].Add(snapshot.Energy);
            series[5].Add(problem.Energy.Value(exact, setting));
            for (int i = 0; i < n; i++)
            {
                w[i] = m[i] * u[i];
            }

            problem.Energy.FirstVariation(u, setting, xi);
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

            series[6].Add(projection.Dissipation);
            series[7].Add((0.5 * rateSquared) + (0.5 * lambda * hNorm));
            series[8].Add(0.5 * projection.Dissipation);
            series[9].Add(0.5 * rateSquared);
            series[10].Add(0.5 * projection.ForceNormSquared);
            series[11].Add(projection.Deficit);
            series[12].Add(ExactPathDissipation(setting, problem, exact, spherical));
        }, cancellation: cancellation);
        problem.Dispose();
        double[] S(int k) => [.. series[k]];
        return new GammaPathMeasurement(lambda, [.. times], S(0), S(1), S(2), S(3), S(4), S(5), S(6), S(7), S(8), S(9), S(10), S(11), S(12), clock.Elapsed.TotalSeconds);
    }

    /// <summary>D₀ = Σ mᵢuᵢ(ξᵢ − c)² of the exact flow (c the u-weighted mean of ξ in the spherical flow, else 0).</summary>
    private static double ExactPathDissipation(Flows.NodalSetting setting, FlowProblem problem, double[] exact, bool spherical)
    {
        var xi = new double[exact.Length];
        problem.Energy.FirstVariation(exact, setting, xi);
        ReadOnlySpan<double> m = setting.LumpedMass;
        double mass = 0, moment = 0;
        for (int i = 0; i < xi.Length; i++)
        {
            mass += m[i] * exact[i];
            moment += m[i] * exact[i] * xi[i];
        }

        double c = spherical ? moment / mass : 0, sum = 0;
        for (int i = 0; i < xi.Length; i++)
        {
            sum += m[i] * exact[i] * (xi[i] - c) * (xi[i] - c);
        }

        return sum;
    }
}
