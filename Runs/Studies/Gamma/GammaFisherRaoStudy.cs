using System.Diagnostics;
using System.Text;
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
/// kernels and bandwidths, and two initial data (broad: asymptotic; concentrated: pre-asymptotic).
/// Each run goes through the one <see cref="FlowRunner"/> (<see cref="FlowRuns"/>, densities kept);
/// its path quantities, and those of the limit path (the closed form on the same nodes,
/// <see cref="FisherRaoLimitPath"/>), are computed from the recorded rows by
/// <see cref="GammaPathSampler"/>; the report, theorem checks and findings come from
/// <see cref="GammaFisherRaoReport"/>.
/// </summary>
public static class GammaFisherRaoStudy
{
    /// <summary>The built-in name.</summary>
    public const string Name = "gamma-fr";

    /// <summary>One line for the list of built-ins.</summary>
    public const string Description = "λ-FRk vs FR and spherical λ-FRk vs SFR (1D double well), λ sweep 1e-1…1e-8, two kernels × two bandwidths, broad and concentrated data; theorem checks against the limit path";

    /// <summary>The setup, for the results page (configuration only; kernel.md §5).</summary>
    public const string Setup = """
        λ-FRk against exact FR, and spherical λ-FRk against exact SFR, on the same 101 nodes of [−2.5, 2.5]
        (target π ∝ exp(−2(x² − 1)²), KL energy, β = 1, T = 4), λ = 1e-1 … 1e-8. Kernels: Gaussian and
        Matérn-5/2 with σ = 0.3 and 0.6 for the spherical flow with broad data, the Gaussian σ = 0.3
        elsewhere. Initial data, both well-prepared (μ_λ(0) = μ₀): broad μ₀ = N(0, 1), and concentrated
        μ₀ = N(−1, 0.02) in the left well (density ratio e^{−100} at the right well: pre-asymptotic). Path
        quantities are sampled at 381 times (Δ = 0.002 on [0, 0.4], 0.02 after) and integrated by composite
        Simpson per segment. The limit path μ is the exact flow's closed form on the same nodes; its rate
        R_FR(μ, μ̇) comes from the closed form's time derivative. R_λ is the primal potential evaluated from
        the rate (docs/kernel.md, "Dissipation potentials on the nodes"), R*_λ the dual from the force, β in
        both. Theorem checks: liminf over the λ sequence of ∫R_λ, ∫R*_λ, 𝔇_λ and E(μ_λ(t)) (every output
        time) against the limit path's values, the lower limit estimated from the last 4 values (Aitken Δ²
        where the increments shrink geometrically, else a monotone bound), tolerance 10 × the largest
        energy–dissipation defect of the tail runs and the limit path. Exit code 1 if a check fails, if a
        path-functional check of the broad data is inconclusive, or if the solver consistency (EDB residual
        ≤ 1e-6, R_λ = R*_λ and stationarity ≤ 1e-8 relative) is out of bounds. MMD metric: Gaussian σ = 0.5.
        """;

    /// <summary>Runs the study into <paramref name="directory"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The report and the missed checks.</returns>
    public static BuiltinStudyOutcome Run(GammaFisherRaoOptions options, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var sections = new StringBuilder();
        var summaries = new List<string>();
        var failures = new List<string>();
        var all = new List<(string Key, GammaPathMeasurement Measurement)>();
        GammaPathMeasurement[] measurements = MeasureAll(options, progress, cancellation);

        int next = 0;
        foreach (GammaRegime regime in options.Regimes)
        {
            sections.AppendLine($"## {regime.Name}: {regime.Description}").AppendLine();
            foreach (bool spherical in new[] { true, false })
            {
                string flow = FlowName(spherical);
                var kernels = KernelsOf(options, regime, spherical);
                var curves = new List<NamedCurve>();
                var gaps = new List<NamedCurve>();
                foreach (GammaKernel kernel in kernels)
                {
                    var sweep = measurements.Skip(next).Take(options.Lambdas.Count).ToList();
                    next += options.Lambdas.Count;
                    all.AddRange(sweep.Select(m => ($"{regime.Name}/{(spherical ? "sfr" : "fr")}/{CaseChoiceNames.NameOf(kernel.Kind)}-{kernel.Bandwidth:G3}/{m.Lambda:E0}", m)));
                    string title = $"{regime.Name}, {flow}, {kernel}";
                    var (section, summary) = GammaFisherRaoReport.Section(title, options.Lambdas, sweep, spherical, regime.MustConverge, failures);
                    sections.Append(section);
                    summaries.Add(summary);
                    curves.Add(new NamedCurve(kernel.ToString(), options.Lambdas, sweep.Select(m => m.L1.Max()).ToArray()));
                    gaps.Add(new NamedCurve(kernel.ToString(), options.Lambdas, sweep.Select(m => Math.Abs(m.DissipationFunctional - m.LimitDissipationFunctional) / m.LimitDissipationFunctional).ToArray()));
                    if (kernel == kernels[0])
                    {
                        string stem = $"{regime.Name}-{(spherical ? "sfr" : "fr")}";
                        WriteEnergyAndDeficitPlots(directory, stem, title, sweep);
                        sections.AppendLine($"![energy]({stem}-energy.png) ![deficit]({stem}-deficit.png)").AppendLine();
                    }
                }

                string stemFlow = $"{regime.Name}-{(spherical ? "sfr" : "fr")}";
                CurvePlot.Write(Path.Combine(directory, $"{stemFlow}-l1.png"), curves, new CurvePlotLabels($"{regime.Name}, {flow}: sup-in-time L¹ error", "λ", "sup_t ‖u_λ − u‖₁", AlwaysShowLegend: true), logX: true, logY: true);
                CurvePlot.Write(Path.Combine(directory, $"{stemFlow}-dissipation.png"), gaps, new CurvePlotLabels($"{regime.Name}, {flow}: |𝔇_λ − 𝔇₀| / 𝔇₀", "λ", "relative gap", AlwaysShowLegend: true), logX: true, logY: true);
                sections.AppendLine($"![L1 errors]({stemFlow}-l1.png) ![dissipation gap]({stemFlow}-dissipation.png)").AppendLine();
            }
        }

        GammaStudyHdf.Write(Path.Combine(directory, "gamma-fr.h5"), all);
        var report = new StringBuilder();
        report.AppendLine("## Summary (generated)").AppendLine();
        foreach (string summary in summaries)
        {
            report.AppendLine($"- {summary}");
        }

        report.AppendLine().AppendLine(failures.Count == 0 ? "No theorem check failed, every path-functional check of the asymptotic (broad) data holds, and the solver consistency is within its bounds (exit code 0); inconclusive checks are listed in their sections." : $"{failures.Count} check(s) missed (exit code 1): see the sections.").AppendLine();
        report.Append(sections);
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
        energyCurves.Add(("limit μ", sweep[0].LimitEnergy));
        TimeSeriesPlot.Write(Path.Combine(directory, $"{stem}-energy.png"), $"{title}: E(μ_λ(t)) and E(μ(t))", "E", times, energyCurves, logY: true);
        TimeSeriesPlot.Write(
            Path.Combine(directory, $"{stem}-deficit.png"), $"{title}: deficit βλ⟨ξ,(K_μ+λ)⁻¹ξ⟩ along μ_λ", "deficit", times,
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
            Func<FlowDiscretization, FisherRaoLimitPath>? planted = options.PlantedLimitBeta is double beta
                ? d => new FisherRaoLimitPath(d.Setting, d.InitialDensity.AsSpan(), beta, spherical)
                : null;
            var measurement = Measure(definition, options.MetricBandwidth, planted, cancellation);
            measurements[j] = measurement;
            lock (gate)
            {
                progress?.WriteLine($"  {regime.Name}, {FlowName(spherical)}, {kernel}, λ = {lambda:G1}: sup L¹ {measurement.L1.Max():E2}, EDB {measurement.EdbResidual:E1}, {measurement.WallSeconds:F1} s");
            }
        });
        return measurements;
    }

    /// <summary>Runs one λ-FRk case through the one runner (densities kept) and measures its path quantities and the limit path's at every output time.</summary>
    /// <param name="definition">The λ-FRk case (reaction kernel-fr or kernel-fr-spherical, a fixed bandwidth).</param>
    /// <param name="metricKernelBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
    /// <param name="limitPath">The limit path on the run's discretization; null: the exact FR/SFR flow of the case (same β, target and initial density).</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The measurement.</returns>
    public static GammaPathMeasurement Measure(CaseDefinition definition, double metricKernelBandwidth, Func<FlowDiscretization, FisherRaoLimitPath>? limitPath = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var clock = Stopwatch.StartNew();
        FlowRunRecord run = FlowRuns.Execute(definition, keepDensities: true, cancellation);
        var discretization = run.Discretization;
        bool spherical = definition.Flow.IsSpherical;
        var limit = limitPath?.Invoke(discretization) ?? new FisherRaoLimitPath(discretization.Setting, discretization.InitialDensity.AsSpan(), definition.Flow.Beta, spherical);
        var kernel = CaseKernelComponents.Resolve(definition.Kernel!, new PointSet(discretization.Mesh.Coordinates, discretization.Mesh.Dimension));
        var sampler = new GammaPathSampler(
            discretization.Space, discretization.Setting, run.Energy, definition.Flow.Beta,
            kernel, definition.Kernel!.Lambda, spherical, metricKernelBandwidth);
        var samples = run.Rows.Select(row =>
        {
            double[] exact = limit.Density(row.Time);
            return sampler.Sample(row.Time, row.DensityArray(), row.Energy, new GammaLimitState(exact, limit.RateDensity(row.Time, exact)));
        }).ToArray();
        return new GammaPathMeasurement(definition.Kernel.Lambda, samples, clock.Elapsed.TotalSeconds);
    }
}
