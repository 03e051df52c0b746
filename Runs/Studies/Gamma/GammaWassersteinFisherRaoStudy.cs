using System.Diagnostics;
using System.Globalization;
using System.Text;
using PdeFlows.Flows;
using PdeFlows.KernelApprox;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Gamma;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>The settings of <see cref="GammaWassersteinFisherRaoStudy"/>.</summary>
/// <param name="Cells">Cells per axis of the square [−2, 2]².</param>
/// <param name="Lambdas">λ, decreasing.</param>
/// <param name="Bandwidth">σ of the Gaussian RKHS kernel.</param>
/// <param name="Step">The splitting step τ after <paramref name="EarlyEnd"/> (and the spacing of the samples there: every step is an output).</param>
/// <param name="End">T.</param>
/// <param name="EarlyEnd">End of the initial transient, sampled (and stepped: outputs shorten the steps) at <paramref name="EarlyStep"/>.</param>
/// <param name="EarlyStep">The step and sample spacing on [0, EarlyEnd].</param>
/// <param name="MetricBandwidth">Bandwidth of the Gaussian kernel of the MMD metric.</param>
/// <param name="MaxDegreeOfParallelism">Runs at once; −1: one per processor.</param>
public sealed record GammaWassersteinFisherRaoOptions(int Cells, IReadOnlyList<double> Lambdas, double Bandwidth, double Step, double End, double EarlyEnd, double EarlyStep, double MetricBandwidth, int MaxDegreeOfParallelism = -1)
{
    /// <summary>
    /// The built-in settings (the case of the former study file gamma-wfr.toml): 24×24 cells, λ = 1e-1 … 1e-5,
    /// σ = 0.4, lie-ie τ = 0.02 to T = 1, with τ = 0.002 on the initial transient [0, 0.2] where the broad u₀
    /// collapses onto the narrow modes and the dissipation changes fastest.
    /// </summary>
    public static GammaWassersteinFisherRaoOptions Default { get; } = new(24, [1e-1, 1e-2, 1e-3, 1e-4, 1e-5], 0.4, 0.02, 1.0, 0.2, 0.002, 0.5);

    /// <summary>The output (and sample) times: EarlyStep on [0, EarlyEnd], Step after; an even number of intervals on each.</summary>
    public double[] OutputTimes()
    {
        int early = (int)Math.Round(EarlyEnd / EarlyStep), late = (int)Math.Round((End - EarlyEnd) / Step);
        return [.. Enumerable.Range(0, early + 1).Select(k => k * EarlyEnd / early), .. Enumerable.Range(1, late).Select(k => EarlyEnd + (k * (End - EarlyEnd) / late))];
    }

    /// <summary>The case: kernel-approximate SWFR (<paramref name="lambda"/> given) or exact SWFR (null).</summary>
    /// <param name="lambda">λ, or null for the exact reaction.</param>
    /// <returns>The TOML text.</returns>
    public string CaseText(double? lambda)
    {
        string times = string.Join(", ", OutputTimes().Select(F));
        return $$"""
            name = "gamma-wfr"
            [domain]
            kind = "rectangle"
            lower = [-2.0, -2.0]
            upper = [2.0, 2.0]
            cells = [{{Cells}}, {{Cells}}]
            [target]
            density = "exp(-((x+0.8)^2 + y^2)/0.3) + exp(-((x-0.8)^2 + (y-0.5)^2)/0.3)"
            [initial]
            density = "exp(-(x^2 + y^2)/1.5)"
            mass = 1.0
            [flow]
            kind = "swfr"
            energy = "kl"
            alpha = 1.0
            beta = 1.0
            reaction = "{{(lambda is null ? "exact" : "kernel-fr-spherical")}}"
            [kernel]
            kind = "gaussian"
            bandwidth = {{F(Bandwidth)}}
            lambda = {{F(lambda ?? 1.0)}}
            [time]
            end = {{F(End)}}
            step = {{F(Step)}}
            [output]
            times = [{{times}}]
            """;
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The built-in study <c>gamma-wfr</c>: kernel-approximate SWFR (exact finite-element transport +
/// spherical λ-FRk reaction) against exact SWFR on the same mesh and time grid, so the difference
/// isolates the kernel error; the same treatment as <c>gamma-fr</c> (<see cref="GammaFisherRaoReport"/>):
/// path functionals with β, the transport/reaction split of the dissipation (𝔇 = ∫D_W + ∫R_λ + ∫R*_λ),
/// the EDB residual, the theorem checks against the limit path (the exact run) and the findings
/// from the numbers. Every splitting step is an output, so the path integrals are Simpson's rule on τ.
/// </summary>
public static class GammaWassersteinFisherRaoStudy
{
    /// <summary>The built-in name.</summary>
    public const string Name = "gamma-wfr";

    /// <summary>One line for the list of built-ins.</summary>
    public const string Description = "kernel-approximate SWFR vs exact SWFR on a 24×24 mesh, λ sweep; transport/reaction split, theorem checks against the exact run";

    /// <summary>The setup, for the results page (configuration only).</summary>
    public const string Setup = """
        Kernel-approximate SWFR (exact finite-element transport + spherical λ-FRk reaction, Gaussian kernel
        σ = 0.4) against exact SWFR on the same 24×24 mesh of [−2, 2]² (625 nodes) and time grid (lie-ie,
        τ = 0.002 on the initial transient [0, 0.2], 0.02 to T = 1; every step an output), bimodal target,
        broad Gaussian u₀, α = β = 1, λ = 1e-1 … 1e-5.
        The difference isolates the kernel error. The dissipation functional is split into its transport
        part ∫D_W (the same exact transport in both runs) and its reaction part ∫(R_λ + R*_λ); the limit path
        is the exact run, whose reaction rate is β(ξ − ⟨ξ⟩_u). Theorem checks and solver consistency as in
        gamma-fr; the EDB bound is twice the exact run's own residual (the splitting's O(τ)) plus 1e-6.
        """;

    /// <summary>Runs the study into <paramref name="directory"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The report and the missed checks.</returns>
    public static BuiltinStudyOutcome Run(GammaWassersteinFisherRaoOptions options, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var limit = Record(CaseFileLoader.Parse(options.CaseText(null), "gamma-wfr.toml"), cancellation);
        progress?.WriteLine($"  exact SWFR: {limit.Seconds:F1} s");
        var sweep = new GammaPathMeasurement[options.Lambdas.Count];
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var gate = new object();
        Parallel.For(0, options.Lambdas.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, k =>
        {
            sweep[k] = Measure(CaseFileLoader.Parse(options.CaseText(options.Lambdas[k]), "gamma-wfr.toml"), limit, options.MetricBandwidth, cancellation);
            lock (gate)
            {
                progress?.WriteLine($"  λ = {options.Lambdas[k]:G1}: sup L¹ {sweep[k].L1.Max():E2}, EDB {sweep[k].EdbResidual:E1}, {sweep[k].WallSeconds:F1} s");
            }
        });

        // The λ-runs share the exact run's splitting: their EDB residual may not exceed twice its own
        // (the kernel reaction adds no defect of its own beyond the solve) plus 1e-6.
        double limitResidual = Math.Abs(sweep[0].LimitEdbDefect) / Math.Abs(sweep[0].LimitEnergy[0] - sweep[0].LimitEnergy[^1]);
        var failures = new List<string>();
        var (section, summary) = GammaFisherRaoReport.Section(
            $"kernel-approximate SWFR vs exact SWFR, gaussian σ = {options.Bandwidth:G3}", options.Lambdas, sweep, spherical: true, mustConverge: true, failures,
            (2 * limitResidual + 1e-6, $"twice the exact run's own {limitResidual:E1} (lie-ie splitting, O(τ)) plus 1e-6"),
            "the exact SWFR run on the same mesh and time grid, its reaction rate β(ξ − ⟨ξ⟩_u) from its force, so R_FR = R*_FR by construction; its EDB residual is the lie-ie splitting's O(τ) defect plus Simpson's error");
        GammaStudyHdf.Write(Path.Combine(directory, "gamma-wfr.h5"), [.. sweep.Select(m => ($"{m.Lambda:E0}", m))]);
        var times = sweep[0].Times;
        TimeSeriesPlot.Write(Path.Combine(directory, "energy.png"), "kernel-approximate SWFR: E(μ_λ(t)) and E(μ(t))", "E", times,
            [.. sweep.Select(s => ($"λ = {s.Lambda:G1}", (IReadOnlyList<double>)s.Energy)), ("exact SWFR", sweep[0].LimitEnergy)], logY: true);
        TimeSeriesPlot.Write(Path.Combine(directory, "dissipation.png"), "transport D_W and reaction β⟨ξ,r⟩ parts of the dissipation", "D", times,
            [.. sweep.SelectMany(s => new[] { ($"D_W, λ = {s.Lambda:G1}", (IReadOnlyList<double>)s.TransportDissipation), ($"reaction, λ = {s.Lambda:G1}", (IReadOnlyList<double>)s.SlopePotential.Select(v => 2 * v).ToArray()) })], logY: true);
        CurvePlot.Write(Path.Combine(directory, "convergence.png"), [new NamedCurve("sup L¹", options.Lambdas, [.. sweep.Select(s => s.L1.Max())]), new NamedCurve("sup Hellinger", options.Lambdas, [.. sweep.Select(s => s.Hellinger.Max())])],
            new CurvePlotLabels("kernel-approximate SWFR vs exact SWFR", "λ", "sup_t error", AlwaysShowLegend: true), logX: true, logY: true);
        var report = new StringBuilder();
        report.AppendLine("## Summary (generated)").AppendLine().AppendLine($"- {summary}").AppendLine();
        report.AppendLine($"- transport part of 𝔇: ∫D_W = {sweep[^1].TransportIntegral:E4} along μ_λ at λ = {options.Lambdas[^1]:G3} against {sweep[0].LimitTransportIntegral:E4} along the exact run; reaction part ∫(R_λ + R*_λ) = {sweep[^1].RateIntegral + sweep[^1].SlopeIntegral:E4} against {sweep[0].LimitRateIntegral + sweep[0].LimitSlopeIntegral:E4}").AppendLine();
        report.AppendLine(failures.Count == 0 ? "No theorem check failed, every path-functional check holds and the solver consistency is within its bounds (exit code 0)." : $"{failures.Count} check(s) missed (exit code 1): see below.").AppendLine();
        report.Append(section);
        report.AppendLine("![convergence](convergence.png) ![energy](energy.png) ![dissipation](dissipation.png)").AppendLine();
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToString());
        return new BuiltinStudyOutcome(Name, report.ToString(), failures);
    }

    /// <summary>The exact run, densities kept (its transport dissipation is the sampler's, on the same mesh).</summary>
    private static (FlowRunRecord Run, double Seconds) Record(CaseDefinition definition, CancellationToken cancellation)
    {
        var run = FlowRuns.Execute(definition, keepDensities: true, cancellation);
        return (run, run.WallSeconds);
    }

    private static GammaPathMeasurement Measure(CaseDefinition definition, (FlowRunRecord Run, double Seconds) limit, double metricBandwidth, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using FlowProblem problem = FlowProblemBuilder.Build(definition);
        var runner = new FlowRunner(problem, keepDensities: true);
        runner.Run(cancellation: cancellation);
        var discretization = problem.Discretization;
        var setting = discretization.Setting;
        double beta = definition.Flow.Beta;
        var kernel = CaseKernelComponents.Resolve(definition.Kernel!, new PointSet(discretization.Mesh.Coordinates, discretization.Mesh.Dimension));
        var transport = problem.Transport!;
        var sampler = new GammaPathSampler(discretization.Space, setting, problem.Energy, beta, kernel, definition.Kernel!.Lambda, spherical: true, metricBandwidth, u => transport.Dissipation(u));
        var force = new double[setting.Count];
        var samples = runner.Recorder.Rows.Select((row, k) =>
        {
            // The limit's reaction rate is that of the exact SWFR reaction, v = β(ξ − ⟨ξ⟩_u).
            double[] exact = limit.Run.Rows[k].DensityArray();
            problem.Energy.FirstVariation(exact, setting, force);
            double mean = setting.WeightedMean(exact, force);
            return sampler.Sample(row.Time, row.DensityArray(), row.Energy, new GammaLimitState(exact, [.. force.Select(v => beta * (v - mean))]));
        }).ToArray();
        return new GammaPathMeasurement(definition.Kernel.Lambda, samples, clock.Elapsed.TotalSeconds);
    }
}
