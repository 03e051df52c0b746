using System.Diagnostics;
using System.Text;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Particles;
using PdeFlows.Runs.Expressions;
using PdeFlows.Verification.ClosedForms;
using PdeFlows.Verification.Gamma;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>The settings of <see cref="GammaParticleStudy"/>.</summary>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Potential">V(x), π ∝ e^{−V}.</param>
/// <param name="InitialDensity">f₀, u₀ ∝ f₀ of mass 1.</param>
/// <param name="Counts">N, increasing.</param>
/// <param name="Lambdas">λ, decreasing.</param>
/// <param name="Seeds">The seeds averaged over.</param>
/// <param name="Kernel">The RKHS kernel of the projection (fixed).</param>
/// <param name="MetricBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
/// <param name="Step">The particle time step τ (exponential Euler in the weights).</param>
/// <param name="OutputTimes">The times of the errors (multiples of τ).</param>
/// <param name="DensityBandwidth">The KDE bandwidth, or null for Silverman's rule (the case-file default).</param>
/// <param name="MaxDegreeOfParallelism">Runs at once; −1: one per processor.</param>
public sealed record GammaParticleOptions(
    double Lower, double Upper, string Potential, string InitialDensity, IReadOnlyList<int> Counts, IReadOnlyList<double> Lambdas, IReadOnlyList<int> Seeds,
    GammaKernel Kernel, double MetricBandwidth, double Step, IReadOnlyList<double> OutputTimes, double? DensityBandwidth = null, int MaxDegreeOfParallelism = -1)
{
    /// <summary>The built-in settings: the gamma-fr case (1D double well, broad u₀), N = 100 … 1600, λ = 1e-2 … 1e-4, 8 seeds, τ = 0.05, T = 1.</summary>
    public static GammaParticleOptions Default { get; } = new(
        -2.5, 2.5, "2*(x^2 - 1)^2", "exp(-x^2/2)", [100, 200, 400, 800, 1600], [1e-2, 1e-3, 1e-4], [1, 2, 3, 4, 5, 6, 7, 8],
        new GammaKernel(KernelKind.Gaussian, 0.3), 0.5, 0.05, [0.25, 0.5, 0.75, 1.0]);
}

/// <summary>
/// The particle half of <c>gamma-fr-mesh</c> (kernel.md §5 point 7, §3b), run by the built-in
/// <c>gamma-fr-particles</c>: N particles sampled (seeded) from the continuum u₀, then (a) weighted
/// particles with the exact SFR reweighting, the exact flow restricted to the sampled positions (the N
/// part of the error), and (b) the particle spherical λ-FRk (<see cref="ParticleKernelFisherRao"/>: KDE
/// force with Silverman's bandwidth, its own parameter, never the RKHS bandwidth), for N → ∞ and λ → 0,
/// each against the continuum SFR flow (<see cref="ContinuumRelativeEntropyFlow"/>) by MMD and moments.
/// </summary>
public static class GammaParticleStudy
{
    /// <summary>The built-in name.</summary>
    public const string Name = "gamma-fr-particles";

    /// <summary>One line for the list of built-ins.</summary>
    public const string Description = "weighted particles and particle λ-FRk for N → ∞, λ → 0 against the continuum SFR flow of KL (MMD, moments; Silverman KDE bandwidth)";

    /// <summary>The setup, for the results page (configuration only).</summary>
    public const string Setup = """
        The gamma-fr case (double well on [−2.5, 2.5], broad u₀ = N(0, 1), SFR of KL, β = 1): N = 100 … 1600
        particles sampled (seeds 1 … 8, errors averaged) from the continuum u₀, then (a) the exact SFR reweighting of the same
        particles, wᵢ(t) ∝ (π/u₀)(xᵢ)^{1−e^{−t}} (the N part of the error: sampling alone), and (b) the particle
        spherical λ-FRk (weights by exponential Euler, τ = 0.05, force log μ̂ + V with a Gaussian kernel
        density estimate of bandwidth by Silverman's rule on the initial particles; RKHS kernel Gaussian
        σ = 0.3), λ = 1e-2 … 1e-4, to T = 1. Errors against the continuum flow at t = 0.25, 0.5, 0.75, 1: MMD
        (Gaussian σ = 0.5; the continuum as a 1200-point Gauss–Legendre measure) and the mean and variance
        errors; the method part is the MMD between (b) and (a) on the same positions. Exit code 1 if the
        total weight drifts by more than 1e-12 or the N part does not decrease from the smallest N to the largest.
        """;

    /// <summary>Runs the study into <paramref name="directory"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The report and the missed checks.</returns>
    public static BuiltinStudyOutcome Run(GammaParticleOptions options, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        var (section, summary) = GammaParticleReport.Section(Measure(options, progress, cancellation), directory, failures);
        var report = new StringBuilder();
        report.AppendLine("## Summary (generated)").AppendLine().AppendLine($"- {summary}").AppendLine();
        report.AppendLine(failures.Count == 0 ? "Every check held (exit code 0)." : $"{failures.Count} check(s) missed (exit code 1).").AppendLine();
        report.Append(section);
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToString());
        return new BuiltinStudyOutcome(Name, report.ToString(), failures);
    }

    /// <summary>Runs every (N, seed) with the exact weights and every λ, and averages over the seeds.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The sweep.</returns>
    public static GammaParticleSweep Measure(GammaParticleOptions options, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var potential = ExpressionCompiler.Compile(options.Potential, ExpressionVariables.X);
        var initial = ExpressionCompiler.Compile(options.InitialDensity, ExpressionVariables.X);
        // Integrals of the continuum flow on a fine rule; the MMD against it on a coarser one (1200 points: the
        // metric kernel σ = 0.5 and u are smooth, so its error is far below the particles').
        var continuum = new ContinuumRelativeEntropyFlow(new BoxQuadrature([options.Lower], [options.Upper], 2000, 6), x => potential.At(x), x => initial.At(x), 1.0, 1.0, spherical: true);
        var measureRule = new BoxQuadrature([options.Lower], [options.Upper], 300, 4);
        var measureFlow = new ContinuumRelativeEntropyFlow(measureRule, x => potential.At(x), x => initial.At(x), 1.0, 1.0, spherical: true);
        var reference = options.OutputTimes.Select(t =>
        {
            var (mass, mean, covariance) = continuum.Moments(t);
            double[] values = measureFlow.AtQuadraturePoints(t);
            return (Mean: mean[0], Variance: covariance[0], Weights: values.Select((v, k) => v * measureRule.Weights[k]).ToArray());
        }).ToArray();
        var quadraturePoints = new PointSet(measureRule.Points, 1);
        var metric = new GaussianKernel(options.MetricBandwidth);
        var kernel = KernelFactory.Create(options.Kernel.Kind, options.Kernel.Bandwidth);
        var initialDensity = continuum.At(0);
        double bound = 1.01 * continuum.AtQuadraturePoints(0).Max();

        var jobs = options.Counts.SelectMany(n => options.Seeds.Select(seed => (Count: n, Seed: seed))).OrderByDescending(j => j.Count).ToList();
        var results = new Dictionary<(int, int), (double Bandwidth, double ExactMmd, double ExactMoments, (double Total, double Method, double Moments, double Drift)[] Runs)>();
        var gate = new object();
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, job =>
        {
            var clock = Stopwatch.StartNew();
            var ensemble = ParticleSampling.Rejection(job.Count, x => initialDensity(x), [options.Lower], [options.Upper], bound, new Random(job.Seed));
            ensemble.NormalizeWeights(1.0);
            double bandwidth = options.DensityBandwidth ?? KernelDensityEstimate.SilvermanBandwidth(ensemble);
            var points = ensemble.ToPointSet();
            // Exact reweighting: w(t) ∝ (π/u₀)^{1−e^{−t}} at the particles (β = 1).
            double[] logRatio = [.. Enumerable.Range(0, job.Count).Select(i => Math.Log(continuum.Target(ensemble.Position(i)) / initialDensity(ensemble.Position(i))))];
            double[][] exactWeights = [.. options.OutputTimes.Select(t => Normalized(logRatio.Select(r => (1 - Math.Exp(-t)) * r).ToArray()))];
            double exactMmd = 0, exactMoments = 0;
            for (int j = 0; j < options.OutputTimes.Count; j++)
            {
                exactMmd = Math.Max(exactMmd, MaximumMeanDiscrepancy.Distance(metric, points, exactWeights[j], quadraturePoints, reference[j].Weights));
                exactMoments = Math.Max(exactMoments, MomentError(ensemble, exactWeights[j], reference[j].Mean, reference[j].Variance));
            }

            var target = new ParticleTarget(1, x => potential.At(x), (x, g) => g[0] = (potential.At([x[0] + 1e-6]) - potential.At([x[0] - 1e-6])) / 2e-6);
            var runs = options.Lambdas.Select(lambda =>
            {
                var particles = ensemble.Clone();
                var method = new ParticleKernelFisherRao(kernel, options.Step, 1.0, lambda, bandwidth);
                double time = 0, total = 0, difference = 0, moments = 0, drift = 0;
                for (int j = 0; j < options.OutputTimes.Count; j++)
                {
                    int steps = (int)Math.Round((options.OutputTimes[j] - time) / options.Step);
                    for (int s = 0; s < steps; s++)
                    {
                        method.Advance(particles, target);
                        drift = Math.Max(drift, Math.Abs(particles.TotalWeight - 1));
                    }

                    time = options.OutputTimes[j];
                    double[] w = particles.Weights.ToArray();
                    total = Math.Max(total, MaximumMeanDiscrepancy.Distance(metric, points, w, quadraturePoints, reference[j].Weights));
                    difference = Math.Max(difference, MaximumMeanDiscrepancy.Distance(metric, points, w, points, exactWeights[j]));
                    moments = Math.Max(moments, MomentError(particles, w, reference[j].Mean, reference[j].Variance));
                }

                return (total, difference, moments, drift);
            }).ToArray();
            lock (gate)
            {
                results[(job.Count, job.Seed)] = (bandwidth, exactMmd, exactMoments, runs);
                progress?.WriteLine($"  N = {job.Count}, seed {job.Seed}: N part {exactMmd:E2}, {clock.Elapsed.TotalSeconds:F1} s");
            }
        });

        var counts = options.Counts.Select(n =>
        {
            var seeds = options.Seeds.Select(s => results[(n, s)]).ToArray();
            var runs = options.Lambdas.Select((lambda, k) => new GammaParticleRun(
                lambda, seeds.Average(r => r.Runs[k].Total), seeds.Average(r => r.Runs[k].Method), seeds.Average(r => r.Runs[k].Moments), seeds.Max(r => r.Runs[k].Drift))).ToList();
            return new GammaParticleCount(n, [.. seeds.Select(r => r.Bandwidth)], seeds.Average(r => r.ExactMmd), (seeds.Min(r => r.ExactMmd), seeds.Max(r => r.ExactMmd)), seeds.Average(r => r.ExactMoments), runs);
        }).ToList();
        return new GammaParticleSweep(options.Lambdas, counts, options.Seeds, options.Step);
    }

    private static double[] Normalized(double[] logWeights)
    {
        double largest = logWeights.Max();
        double[] w = [.. logWeights.Select(v => Math.Exp(v - largest))];
        double total = w.Sum();
        return [.. w.Select(v => v / total)];
    }

    /// <summary>|mean − m| + |variance − v| of the weighted particles.</summary>
    private static double MomentError(ParticleEnsemble ensemble, double[] weights, double mean, double variance)
    {
        double m = 0, v = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            m += weights[i] * ensemble.Position(i)[0];
        }

        for (int i = 0; i < weights.Length; i++)
        {
            double x = ensemble.Position(i)[0] - m;
            v += weights[i] * x * x;
        }

        return Math.Abs(m - mean) + Math.Abs(v - variance);
    }
}
