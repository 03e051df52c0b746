using PdeFlows.Runs.Cases;
using PdeFlows.Verification.Convergence;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>A particle-count sweep: particles of the case's [particles] method against the mesh solution of the same case.</summary>
public class ParticleCountStudyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "particle-count-study.toml"));

    [Fact]
    public void Mmd_to_the_mesh_solution_falls_like_a_Monte_Carlo_error()
    {
        var result = StudyRunner.Run(StudyFileLoader.Parse(Text, "particle-count-study.toml"));
        output.WriteLine(result.Table.ToMarkdown());
        var mmd = result.Table.Metrics.First(m => m.Kind == MetricKind.MaximumMeanDiscrepancy);
        double[] errors = result.Table.Errors(mmd);
        // Seeded birth–death Langevin, N = 50, 200, 800: sampling error dominates, ∝ N^{-1/2}. The fitted
        // slope (measured −0.46) must be clearly negative and not steeper than −1 (which would mean the
        // errors are not Monte-Carlo-like); a wide window since three seeded samples are noisy.
        double slope = result.Table.FittedOrder(mmd);
        Assert.InRange(slope, -1.0, -0.2);
        Assert.True(errors[^1] < errors[0], $"MMD did not fall: {string.Join(", ", errors)}");
    }

    [Fact]
    public void Grid_metrics_are_refused_for_a_particle_sweep()
    {
        var error = Assert.Throws<CaseFileException>(() => StudyFileLoader.Parse(Text.Replace("names = [\"mmd\", \"mean\"]", "names = [\"mmd\", \"l1\"]"), "p.toml"));
        Assert.Contains("p.toml:15", error.Message);
        Assert.Contains("'l1' is not defined between particles", error.Message);
    }

    [Fact]
    public void A_particle_sweep_needs_a_particles_section()
    {
        string text = Text[..Text.IndexOf("[particles]", StringComparison.Ordinal)];
        var error = Assert.Throws<CaseFileException>(() => StudyFileLoader.Parse(text, "p.toml"));
        Assert.Contains("needs a [particles] section", error.Message);
    }
}
