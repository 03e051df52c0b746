using PdeFlows.Flows;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Studies.Gamma;
using PdeFlows.Verification.Gamma;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>
/// The Γ-convergence studies end to end on tiny settings (25 nodes, T = 1): the report holds every
/// theorem check against the limit path with its numbers and verdict, and the checks fail on a planted
/// wrong limit (the exact flow with another β or another target) with the numbers in the message.
/// </summary>
public class GammaStudyTests
{
    /// <summary>
    /// 25 nodes, T = 1, samples at Δ = 0.002 on [0, 0.4] and 0.02 after, as the built-in. The dissipation changes
    /// fastest at first (nodes near ±2.5, where log(u₀/π) ≈ 50, relax at rate ≈ 50): with Δ = 0.004 on [0, 0.4]
    /// Simpson's error on ∫D is 2e-6 relative, with 0.01 on [0, 0.2] 1e-4 — above the 1e-6 EDB bound.
    /// λ = 1e-1 … 1e-8 (the tail 1e-5 … 1e-8 reaches within the tolerance of the limit), one kernel, the broad initial datum.
    /// </summary>
    private static GammaFisherRaoOptions Tiny(double? plantedBeta = null)
    {
        var defaults = GammaFisherRaoOptions.Default;
        return defaults with
        {
            Cells = 24,
            End = 1.0,
            SampleStep = 0.02,
            EarlyEnd = 0.4,
            EarlyStep = 0.002,
            Lambdas = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8],
            Kernels = [new GammaKernel(KernelKind.Gaussian, 0.4)],
            Regimes = [defaults.Regimes[0]],
            PlantedLimitBeta = plantedBeta,
        };
    }

    [Fact]
    public void A_tiny_gamma_fr_run_holds_every_check_and_reports_the_limit_path_values()
    {
        using var folder = new TemporaryDirectory("gamma-fr");
        var outcome = GammaFisherRaoStudy.Run(Tiny(), folder.Path);
        Assert.True(outcome.Passed, string.Join(Environment.NewLine, outcome.Failures));
        string report = File.ReadAllText(folder.File("report.md"));
        Assert.Equal(outcome.Markdown, report);
        foreach (string expected in new[] { "**limit μ**", "(𝔇₀)", "∫R_FR(μ, μ̇)", "| 𝔇_λ ≥ 𝔇₀ | Aitken Δ²", "**Solver consistency**", "local slopes", "R_λ = R*_λ along each λ-flow" })
        {
            Assert.Contains(expected, report);
        }

        Assert.DoesNotContain("FAILS", report);
        Assert.True(File.Exists(folder.File("gamma-fr.h5")));
        Assert.True(File.Exists(folder.File("broad-sfr-l1.png")));
    }

    [Fact]
    public void A_planted_faster_limit_fails_the_dissipation_check_with_its_numbers()
    {
        // The exact flow with β = 2 dissipates more by T: 𝔇₀(planted) > lim 𝔇_λ, so liminf 𝔇_λ ≥ 𝔇₀ fails.
        using var folder = new TemporaryDirectory("gamma-fr-planted");
        var outcome = GammaFisherRaoStudy.Run(Tiny(plantedBeta: 2.0), folder.Path);
        Assert.False(outcome.Passed);
        string dissipation = Assert.Single(outcome.Failures, f => f.StartsWith("broad, spherical", StringComparison.Ordinal) && f.Contains(": 𝔇_λ ≥ 𝔇₀:", StringComparison.Ordinal));
        Assert.Contains("FAILS", dissipation);
        Assert.Matches(@"limit path \d\.\d{6}E[+-]\d{3}, tolerance", dissipation);
    }

    [Fact]
    public void A_planted_slower_limit_or_another_target_fails_the_energy_checks()
    {
        var options = Tiny();
        var sweepSlower = new List<GammaPathMeasurement>();
        var sweepShifted = new List<GammaPathMeasurement>();
        var sweepTrue = new List<GammaPathMeasurement>();
        foreach (double lambda in options.Lambdas)
        {
            var definition = CaseFileLoader.Parse(options.CaseText(options.Regimes[0], true, options.Kernels[0], lambda), "tiny.toml");
            sweepTrue.Add(GammaFisherRaoStudy.Measure(definition, options.MetricBandwidth));
            // β = 0.5: the limit path lags, its energy stays higher, liminf E(μ_λ(t)) ≥ E(μ(t)) fails.
            sweepSlower.Add(GammaFisherRaoStudy.Measure(definition, options.MetricBandwidth, d => new FisherRaoLimitPath(d.Setting, d.InitialDensity.AsSpan(), 0.5, spherical: true)));
            // Another target: π shifted by 0.3 (same lumped masses), so the limit path goes elsewhere.
            sweepShifted.Add(GammaFisherRaoStudy.Measure(definition, options.MetricBandwidth, d => new FisherRaoLimitPath(Shifted(d.Setting, d.Mesh.Coordinates.ToArray()), d.InitialDensity.AsSpan(), 1.0, spherical: true)));
        }

        var trueChecks = GammaTheoremChecks.Of(sweepTrue);
        Assert.All(trueChecks.Functionals, c => Assert.Equal(LiminfVerdict.Holds, c.Verdict));
        Assert.Equal(0, trueChecks.EnergyCounts.Fails);

        var slower = GammaTheoremChecks.Of(sweepSlower);
        Assert.True(slower.EnergyCounts.Fails > slower.Energies.Count / 2, $"only {slower.EnergyCounts.Fails} of {slower.Energies.Count} energy checks fail");
        Assert.Contains("FAILS", slower.Energies[^1].Describe());

        var shifted = GammaTheoremChecks.Of(sweepShifted);
        Assert.Contains(shifted.All, c => c.Verdict == LiminfVerdict.Fails);
        var failures = new List<string>();
        GammaFisherRaoReport.Section("planted target", options.Lambdas, sweepShifted, spherical: true, mustConverge: true, failures);
        Assert.NotEmpty(failures);
    }

    /// <summary>π(x − 0.3) renormalized by the lumped masses.</summary>
    private static NodalSetting Shifted(NodalSetting setting, double[] x)
    {
        double[] target = [.. x.Select(v => Math.Exp(-2 * (((v - 0.3) * (v - 0.3)) - 1) * (((v - 0.3) * (v - 0.3)) - 1)))];
        double mass = setting.Integrate(target);
        return new NodalSetting(setting.LumpedMass, [.. target.Select(v => v / mass)]);
    }

    [Fact]
    public void A_tiny_gamma_fr_mesh_run_writes_the_tables_and_plots_and_passes()
    {
        using var folder = new TemporaryDirectory("gamma-fr-mesh");
        var options = new GammaMeshOptions(
        [
            new("1d", [-2.5], [2.5], [10, 20, 40, 80], "2*(x^2 - 1)^2", "exp(-x^2/2)", [1e-1, 1e-2, 1e-3, 1e-4, 1e-5], new GammaKernel(KernelKind.Gaussian, 0.4), 0.5, 0.1),
            new("2d", [-2.0, -2.0], [2.0, 2.0], [2, 4, 8], "(x^2 - 1)^2 + y^2", "exp(-(x^2 + y^2)/1.5)", [1e-1, 1e-2, 1e-3], new GammaKernel(KernelKind.Gaussian, 0.8), 0.3, 0.1),
        ]);
        var outcome = GammaMeshStudy.Run(options, folder.Path);
        Assert.True(outcome.Passed, string.Join(Environment.NewLine, outcome.Failures));
        foreach (string expected in new[] { "| h | nodes | h part | λ = 0.1 |", "λ part sup_t", "Energy gap at T", "theorem check along the diagonal", "dominant part" })
        {
            Assert.Contains(expected, outcome.Markdown);
        }

        foreach (string plot in new[] { "1d-total.png", "1d-lambda-part.png", "1d-h-part.png", "2d-total.png" })
        {
            Assert.True(File.Exists(folder.File(plot)), plot);
        }

        Assert.Contains("the h part's sequence continued on 2 finer meshes", outcome.Markdown);

        // The h part of P1 with lumped masses against the continuum: second order in h (math.md §6), on the kernel
        // levels and on the two finer ones where only the nodal exact flow is computed (160, 320 cells).
        var sweep = GammaMeshStudy.MeasureAll(options with { Domains = [options.Domains[0]] })[0];
        Assert.InRange(GammaSweepAnalysis.Of([.. sweep.Levels.Select(l => l.MeshSize)], sweep.SupHPart).FittedRate, 1.8, 2.2);
        Assert.Equal([160, 320], sweep.FinerLevels!.Select(l => l.Cells));
        Assert.InRange(GammaSweepAnalysis.Of([.. sweep.AllLevels.Select(l => l.MeshSize)], [.. sweep.AllLevels.Select(l => l.HPart.Max())]).FittedRate, 1.8, 2.2);
        Assert.True(sweep.TriangleExcess <= 1e-12);
    }

    /// <summary>
    /// The measure-level study with β = 2 in the flow and the limit paths holds (β reaches the runs: the λ part of the
    /// energy gap stays small); with the limit paths at β = 0.5 (a planted slower limit: its energy stays higher) the
    /// diagonal energy check fails with its numbers. 1D only, 10 … 80 cells, T = 0.5.
    /// </summary>
    [Fact]
    public void The_mesh_study_carries_beta_into_the_runs_and_fails_a_planted_slower_limit()
    {
        var domain = new GammaMeshDomain("1d", [-2.5], [2.5], [10, 20, 40, 80], "2*(x^2 - 1)^2", "exp(-x^2/2)", [1e-1, 1e-2, 1e-3, 1e-4], new GammaKernel(KernelKind.Gaussian, 0.4), 0.5, 0.1);
        using var folder = new TemporaryDirectory("gamma-fr-mesh-beta");
        var sweep = GammaMeshStudy.MeasureAll(new GammaMeshOptions([domain], Beta: 2.0))[0];
        var failures = new List<string>();
        var (section, _) = GammaMeshReport.Section(sweep, folder.Path, "h", failures);
        Assert.Empty(failures);
        Assert.DoesNotContain("FAILS", section);
        // The λ part at λ = 1e-4 on the finest mesh is the kernel error only (measured 2.5e-3); were the runs at β = 1
        // against β = 2 limit paths, it would stall at their distance (measured 1.9e-1).
        Assert.True(sweep.SupLambdaPart[^1][^1] < 1e-2, $"λ part {sweep.SupLambdaPart[^1][^1]:E2} at the finest (h, λ)");

        var planted = GammaMeshStudy.Run(new GammaMeshOptions([domain], Beta: 2.0, PlantedLimitBeta: 0.5), folder.Path);
        Assert.False(planted.Passed);
        string energy = Assert.Single(planted.Failures, f => f.Contains("E(μ_{h,λ}(t)) ≥ E(μ(t)) at t = 0.5", StringComparison.Ordinal));
        Assert.Contains("FAILS", energy);
        Assert.Matches(@"limit path \d\.\d{6}E[+-]\d{3}, tolerance", energy);
    }

    [Fact]
    public void A_tiny_particle_run_keeps_the_weight_and_its_sampling_error_falls_with_n()
    {
        using var folder = new TemporaryDirectory("gamma-fr-particles");
        var options = GammaParticleOptions.Default with { Counts = [50, 200, 800], Lambdas = [1e-2, 1e-3], Seeds = [1, 2], OutputTimes = [0.25, 0.5] };
        var outcome = GammaParticleStudy.Run(options, folder.Path);
        Assert.True(outcome.Passed, string.Join(Environment.NewLine, outcome.Failures));
        Assert.Contains("KDE h (Silverman)", outcome.Markdown);
        Assert.True(File.Exists(folder.File("particles-mmd.png")));
    }
}
