using System.Text;
using System.Diagnostics;
using PdeFlows.KernelApprox;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Gamma;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>
/// The built-in study <c>gamma-fr</c> (kernel.md §5): λ-FRk against exact FR and spherical λ-FRk
/// against exact SFR on the same 1D nodes (KL energy, double-well target), for a λ sweep, several
/// kernels and bandwidths, and both regimes (well- and ill-prepared initial data). For each λ it
/// reports sup-in-time L¹, Hellinger, MMD and KL errors, the relative EDB residual, the rate and slope
/// parts of 𝔇_λ against their Fisher–Rao values, the identity R_λ = R*_λ, the dissipation deficit,
/// and the liminf inequality 𝔇_λ ≥ 𝔇₀; per sweep the floor, monotonicity and the fitted rate
/// (<see cref="GammaSweepAnalysis"/>). Checks that must hold (EDB residual &lt; 1e-6, rate part ≥
/// and slope part ≤ their FR values, monotone decrease before the floor, the identity for the
/// non-spherical flow) are failures when missed (<see cref="GammaFisherRaoReport"/>). Each run goes
/// through the one <see cref="FlowRunner"/> (<see cref="FlowRuns"/>, densities kept), and its path
/// quantities are computed from the recorded rows by <see cref="GammaPathSampler"/>.
/// </summary>
public static class GammaFisherRaoStudy
{
    /// <summary>The built-in name.</summary>
    public const string Name = "gamma-fr";

    /// <summary>One line for the list of built-ins.</summary>
    public const string Description = "λ-FRk vs FR and spherical λ-FRk vs SFR (1D double well), λ sweep 1e-1…1e-8, two kernels × two bandwidths, well- and ill-prepared data";

    /// <summary>Runs the study into <paramref name="directory"/>.</summary>
    public static BuiltinStudyOutcome Run(GammaFisherRaoOptions options, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var report = new StringBuilder();
        var failures = new List<string>();
        var all = new List<(string Key, GammaPathMeasurement Measurement)>();
        GammaPathMeasurement[] measurements = MeasureAll(options, progress, cancellation);

        int next = 0;
        foreach (GammaRegime regime in options.Regimes)
        {
            report.AppendLine($"## {regime.Name}: {regime.Description}").AppendLine();
            foreach (bool spherical in new[] { true, false })
            {
                string flow = FlowName(spherical);
                var kernels = KernelsOf(options, regime, spherical);
                var curves = new List<NamedCurve>();
                foreach (GammaKernel kernel in kernels)
                {
                    var sweep = measurements.Skip(next).Take(options.Lambdas.Count).ToList();
                    next += options.Lambdas.Count;
                    all.AddRange(sweep.Select(m => ($"{regime.Name}/{(spherical ? "sfr" : "fr")}/{CaseChoiceNames.NameOf(kernel.Kind)}-{kernel.Bandwidth:G3}/{m.Lambda:E0}", m)));
                    string title = $"{regime.Name}, {flow}, {kernel}";
                    report.Append(GammaFisherRaoReport.Section(title, options.Lambdas, sweep, spherical, regime.Name == options.Regimes[0].Name, failures));
                    curves.Add(new NamedCurve(kernel.ToString(), options.Lambdas, sweep.Select(m => m.L1.Max()).ToArray()));
                    if (kernel == kernels[0])
                    {
                        string stem = $"{regime.Name}-{(spherical ? "sfr" : "fr")}";
                        WriteEnergyAndDeficitPlots(directory, stem, title, sweep);
                        report.AppendLine($"![energy]({stem}-energy.png) ![deficit]({stem}-deficit.png)").AppendLine();
                    }
                }

                string errorPlot = $"{regime.Name}-{(spherical ? "sfr" : "fr")}-l1.png";
                CurvePlot.Write(Path.Combine(directory, errorPlot), curves, new CurvePlotLabels($"{regime.Name}, {flow}: sup-in-time L¹ error", "λ", "sup_t ‖u_λ − u‖₁", AlwaysShowLegend: true), logX: true, logY: true);
                report.AppendLine($"![L1 errors]({errorPlot})").AppendLine();
            }
        }

        GammaFisherRaoReport.WriteHdf(Path.Combine(directory, "gamma-fr.h5"), all);
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToString());
        return new BuiltinStudyOutcome(Name, report.ToString(), failures);
    }

    /// <summary>All kernels for the spherical flow of the first regime; the first kernel elsewhere (run time).</summary>
    private static IReadOnlyList<GammaKernel> KernelsOf(GammaFisherRaoOptions options, GammaRegime regime, bool spherical) =>
        spherical && regime == options.Regimes[0] ? options.Kernels : options.Kernels.Take(1).ToList();

    private static string FlowName(bool spherical) => spherical ? "spherical λ-FRk vs SFR" : "λ-FRk vs FR";

    private static void WriteEnergyAndDeficitPlots(string directory, string stem, string title, IReadOnlyList<GammaPathMeasurement> sweep)
    {
        var times = sweep[0].Times;
        var energyCurves = sweep.Where((_, k) => k % 2 == 0).Select(s => ($"λ = {s.Lambda:G1}", (IReadOnlyList<double>)s.Energy)).ToList();
        energyCurves.Add(("exact", sweep[0].ExactEnergy));
        TimeSeriesPlot.Write(Path.Combine(directory, $"{stem}-energy.png"), $"{title}: E(μ_λ(t)) and E(μ(t))", "E", times, energyCurves, logY: true);
        TimeSeriesPlot.Write(
            Path.Combine(directory, $"{stem}-deficit.png"), $"{title}: deficit λ⟨ξ,(K_μ+λ)⁻¹ξ⟩ along μ_λ", "deficit", times,
            sweep.Select(s => ($"λ = {s.Lambda:G1}", (IReadOnlyList<double>)s.Deficit)), logY: true);
    }

    /// <summary>
    /// Every run of the study, in report order (regime, flow, kernel, λ), measured in parallel; each
    /// run's numbers do not depend on how many run at once.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="progress">Receives one line per finished run, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The measurements.</returns>
    public static GammaPathMeasurement[] MeasureAll(GammaFisherRaoOptions options, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jobs = new List<(GammaRegime Regime, bool Spherical, GammaKernel Kernel, double Lambda)>();
        foreach (GammaRegime regime in options.Regimes)
        {
            foreach (bool spherical in new[] { true, false })
            {
                foreach (GammaKernel kernel in KernelsOf(options, regime, spherical))
                {
                    jobs.AddRange(options.Lambdas.Select(lambda => (regime, spherical, kernel, lambda)));
                }
            }
        }

        var measurements = new GammaPathMeasurement[jobs.Count];
        var gate = new object();
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, j =>
        {
            var (regime, spherical, kernel, lambda) = jobs[j];
            CaseDefinition definition = CaseFileLoader.Parse(options.CaseText(regime, spherical, kernel, lambda), "gamma-fr.toml");
            var measurement = Measure(definition, options.MetricBandwidth, cancellation);
            measurements[j] = measurement;
            lock (gate)
            {
                progress?.WriteLine($"  {regime.Name}, {FlowName(spherical)}, {kernel}, λ = {lambda:G1}: sup L¹ {measurement.L1.Max():E2}, EDB {measurement.EdbResidual:E1}, {measurement.WallSeconds:F1} s");
            }
        });
        return measurements;
    }

    /// <summary>Runs one λ-FRk case through the one runner (densities kept) and measures its path quantities at every output time.</summary>
    /// <param name="definition">The λ-FRk case (reaction kernel-fr or kernel-fr-spherical, a fixed bandwidth).</param>
    /// <param name="metricKernelBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The measurement.</returns>
    public static GammaPathMeasurement Measure(CaseDefinition definition, double metricKernelBandwidth, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var clock = Stopwatch.StartNew();
        FlowRunRecord run = FlowRuns.Execute(definition, keepDensities: true, cancellation);
        var discretization = run.Discretization;
        var kernel = CaseKernelComponents.Resolve(definition.Kernel!, new PointSet(discretization.Mesh.Coordinates, discretization.Mesh.Dimension));
        var sampler = new GammaPathSampler(
            discretization.Space, discretization.Setting, run.Energy, discretization.InitialDensity.AsSpan(), definition.Flow.Beta,
            kernel, definition.Kernel!.Lambda, definition.Flow.IsSpherical, metricKernelBandwidth);
        var samples = run.Rows.Select(row => sampler.Sample(row.Time, row.DensityArray(), row.Energy)).ToArray();
        return new GammaPathMeasurement(definition.Kernel.Lambda, samples, clock.Elapsed.TotalSeconds);
    }
}
