using PdeFlows.Flows.Diagnostics;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using Xunit.Abstractions;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// The numbered examples under examples/ run end to end at reduced size (fewer cells, shorter end time,
/// larger step: the parsed definition is rewritten with <c>with</c>), each asserting its key number.
/// </summary>
public class ExampleCaseTests(ITestOutputHelper output)
{
    /// <summary>Loads examples/<paramref name="name"/> and reduces it.</summary>
    private static CaseDefinition Reduced(string name, int[] cells, double end, double step, double[] times)
    {
        var definition = CaseFileLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", name));
        return definition with
        {
            Domain = definition.Domain with { Cells = [.. cells] },
            Time = definition.Time with { End = end, Step = step },
            Output = definition.Output with { Times = [.. times] },
        };
    }

    private (RunSummary Summary, FlowProblem Problem) Run(CaseDefinition definition)
    {
        var problem = FlowProblemBuilder.Build(definition);
        var runner = new FlowRunner(problem);
        var state = runner.Run();
        var summary = RunSummary.From(definition, "test", problem.Mesh, runner.Recorder.Rows, RowLayout.Of(runner.Recorder, problem.Mesh.Dimension), runner.Recorder.ProbePoints, state.Step, 0, null);
        for (int k = 0; k < summary.Times.Length; k++)
        {
            string regions = string.Join(", ", summary.Regions.Select(r => $"{r.Key} {r.Value[k]:F5}"));
            output.WriteLine($"t={summary.Times[k]}: E={summary.Energy[k]:E4} mass={summary.Mass[k]:F12} mean=({string.Join(", ", summary.Mean[k].Select(v => v.ToString("F4")))}) D={summary.Dissipation[k]:E3} edb={summary.EdbDefect[k]:E3} min={summary.MinDensity[k]:E2} {regions}");
        }

        return (summary, problem);
    }

    private static void AssertDecreasing(double[] energy)
    {
        for (int k = 1; k < energy.Length; k++)
        {
            Assert.True(energy[k] < energy[k - 1], $"energy rose between outputs {k - 1} and {k}: {string.Join(", ", energy)}");
        }
    }

    /// <summary>00 (swfr, 1D double well), 300 cells, τ = 1e-2 to t = 1: mass stays 1 to 1e-12 (spherical), KL decreases.</summary>
    [Fact]
    public void Example_00_interfaces_conserves_mass()
    {
        var (summary, problem) = Run(Reduced("00-interfaces-example.toml", [300], 1, 1e-2, [0, 0.5, 1]));
        using var _ = problem;
        Assert.All(summary.Mass, m => Assert.Equal(1, m, 12));
        AssertDecreasing(summary.Energy);
    }

    /// <summary>
    /// 02 (Fokker–Planck, 1D), 200 cells, τ = 5e-2 to t = 6: mass conserved to 1e-12; the mean moves from −2 to
    /// within 0.05 of the target mean ≈ 1.01 (the gap is 0.18 at t = 3 and shrinks roughly like e^{−t}: the
    /// sin(3x) ripples of V slow the relaxation down; the measured gap is printed).
    /// </summary>
    [Fact]
    public void Example_02_fokker_planck_mean_approaches_the_target_mean()
    {
        var (summary, problem) = Run(Reduced("02-fokker-planck.toml", [200], 6, 5e-2, [0, 1, 3, 6]));
        using var _ = problem;
        double targetMean = DensityMoments.Compute(problem.Mesh, problem.Setting.Target).Mean[0];
        double gap = Math.Abs(summary.Mean[^1][0] - targetMean);
        output.WriteLine($"target mean {targetMean:F5}, final mean {summary.Mean[^1][0]:F5}, gap {gap:E3}");
        Assert.All(summary.Mass, m => Assert.Equal(1, m, 12));
        AssertDecreasing(summary.Energy);
        Assert.True(gap < 0.05, $"gap {gap:E3}");
    }

    /// <summary>04 (swfr, 2D mixture), 40 × 40 squares, τ = 2e-2 to t = 2: mass stays 1 to 1e-12, and the heavy (right) mode holds most of the mass.</summary>
    [Fact]
    public void Example_04_swfr_2d_mixture_fills_the_heavy_mode()
    {
        var (summary, problem) = Run(Reduced("04-swfr-2d-mixture.toml", [40, 40], 2, 2e-2, [0, 1, 2]));
        using var _ = problem;
        Assert.All(summary.Mass, m => Assert.Equal(1, m, 12));
        AssertDecreasing(summary.Energy);
        Assert.True(summary.Regions["right"][^1] > 0.6, $"right-mode mass {summary.Regions["right"][^1]}");
    }

    /// <summary>05 (wfr, unbalanced), 200 cells, τ = 2e-2 to t = 5: the mass relaxes from 3 to within 2e-2 of the target mass 1.</summary>
    [Fact]
    public void Example_05_wfr_unbalanced_mass_relaxes_to_one()
    {
        var (summary, problem) = Run(Reduced("05-wfr-unbalanced.toml", [200], 5, 2e-2, [0, 1, 5]));
        using var _ = problem;
        Assert.Equal(3, summary.Mass[0], 12);
        AssertDecreasing(summary.Energy);
        Assert.True(Math.Abs(summary.Mass[^1] - 1) < 2e-2, $"final mass {summary.Mass[^1]}");
    }
}
