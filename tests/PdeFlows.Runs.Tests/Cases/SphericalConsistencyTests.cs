using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>
/// Spherical (mass-preserving) and unbalanced flow kinds against the reaction and the particle method
/// (docs/kernel-reactions.md): λ-FRk has its spherical form under its own name, so a mismatch is refused
/// naming both keys; <c>frk</c> and <c>mmd</c> run their spherical forms under <c>sfr</c>/<c>swfr</c>
/// and keep the mass; every particle method keeps the total weight, so an unbalanced kind is refused.
/// </summary>
public class SphericalConsistencyTests
{
    private static string Edit(string old, string replacement) => CaseFileDefaultsTests.Minimal.Replace(old, replacement, StringComparison.Ordinal);

    public static TheoryData<string, string> Refused => new()
    {
        {
            Edit("kind = \"fr\"", "kind = \"sfr\"\nreaction = \"kernel-fr\"") + "\n[kernel]",
            "case.toml:15:12: [flow] reaction: reaction = \"kernel-fr\" is the unbalanced λ-FRk (it changes the mass), but [flow] kind = \"sfr\" is spherical; use [flow] reaction = \"kernel-fr-spherical\" (its mass-preserving form) or [flow] kind = \"fr\""
        },
        {
            Edit("kind = \"fr\"", "kind = \"swfr\"\nreaction = \"kernel-fr\"") + "\n[kernel]",
            "case.toml:15:12: [flow] reaction: reaction = \"kernel-fr\" is the unbalanced λ-FRk (it changes the mass), but [flow] kind = \"swfr\" is spherical; use [flow] reaction = \"kernel-fr-spherical\" (its mass-preserving form) or [flow] kind = \"wfr\""
        },
        {
            Edit("kind = \"fr\"", "kind = \"fr\"\nreaction = \"kernel-fr-spherical\"") + "\n[kernel]",
            "case.toml:15:12: [flow] reaction: reaction = \"kernel-fr-spherical\" keeps the mass, but [flow] kind = \"fr\" is unbalanced; use [flow] reaction = \"kernel-fr\" or [flow] kind = \"sfr\""
        },
        {
            CaseFileDefaultsTests.Minimal + "\n[kernel]\n[particles]\ncount = 10\nmethod = \"kernel-fr\"",
            "case.toml:22:10: [particles] method: method = \"kernel-fr\" keeps the total weight (a mass-preserving flow), but [flow] kind = \"fr\" changes mass; use [flow] kind = \"sfr\", \"swfr\" or \"w\""
        },
        {
            Edit("kind = \"fr\"", "kind = \"wfr\"") + "\n[particles]\ncount = 10",
            "[particles] method: method = \"birth-death-langevin\" keeps the total weight (a mass-preserving flow), but [flow] kind = \"wfr\" changes mass; use [flow] kind = \"sfr\", \"swfr\" or \"w\""
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_mismatch_is_refused_naming_both_keys(string text, string message)
    {
        var error = Assert.Throws<CaseFileException>(() => CaseFileLoader.Parse(text, "case.toml"));
        Assert.EndsWith(message, error.Message);
        Assert.StartsWith("case.toml:", error.Message);
    }

    private static string Case(string kind, string reaction, string energy = "kl") => $$"""
        name = "spherical"
        [domain]
        kind = "interval"
        lower = [-2.5]
        upper = [2.5]
        cells = [40]
        [target]
        potential = "2*(x^2 - 1)^2"
        [initial]
        density = "exp(-x^2/2)"
        mass = 1.0
        [flow]
        kind = "{{kind}}"
        energy = "{{energy}}"
        reaction = "{{reaction}}"
        epsilon = 1e-3
        [kernel]
        kind = "gaussian"
        bandwidth = 0.4
        lambda = 1e-3
        [time]
        end = 1.0
        step = 0.05
        [output]
        times = [0, 0.25, 0.5, 0.75, 1.0]
        """;

    /// <summary>
    /// The spherical forms keep the mass to 1e-12 relative at every output time: their rate has zero
    /// w-mean at every state (the log-variable DOPRI5 keeps Σmᵢuᵢ only to its local error, ≤ 1e-11 per
    /// step; measured drift below 1e-13 here), while the unbalanced FRk moves it by more than 1e-3 (below).
    /// The reaction must also move the density: the energy falls by more than 1%.
    /// </summary>
    [Theory]
    [InlineData("sfr", "frk", "kl")]
    [InlineData("swfr", "frk", "kl")]
    [InlineData("sfr", "mmd", "mmd")] // the MMD geometry with its own energy (½MMD² has no transport part)
    [InlineData("sfr", "kernel-fr-spherical", "kl")]
    [InlineData("swfr", "kernel-fr-spherical", "kl")]
    public void Spherical_forms_keep_the_mass(string kind, string reaction, string energy)
    {
        var run = FlowRuns.Execute(CaseFileLoader.Parse(Case(kind, reaction, energy), "s.toml"), keepDensities: false);
        double mass = run.Rows[0].Mass;
        Assert.Equal(1.0, mass, 12);
        foreach (var row in run.Rows)
        {
            Assert.True(Math.Abs(row.Mass - mass) <= 1e-12 * mass, $"{kind}/{reaction}: mass {row.Mass:R} at t = {row.Time} (drift {row.Mass - mass:E2})");
        }

        Assert.True(run.Rows[^1].Energy < 0.99 * run.Rows[0].Energy, $"the energy did not fall: {run.Rows[0].Energy} → {run.Rows[^1].Energy}");
    }

    [Fact]
    public void Unbalanced_frk_changes_the_mass_where_spherical_frk_keeps_it()
    {
        // The same case with kind = "fr": the plain FRk rate is not mean-free, so the mass moves by far more than round-off.
        var run = FlowRuns.Execute(CaseFileLoader.Parse(Case("fr", "frk"), "s.toml"), keepDensities: false);
        Assert.True(Math.Abs(run.Rows[^1].Mass - 1.0) > 1e-3, $"mass {run.Rows[^1].Mass}");
    }

    [Fact]
    public void The_density_bandwidth_is_its_own_key_with_silverman_by_default()
    {
        string particles = "\n[particles]\ncount = 50\nmethod = \"kernel-fr\"";
        var byDefault = CaseFileLoader.Parse(Case("sfr", "exact") + particles, "p.toml");
        Assert.Null(byDefault.Particles!.DensityBandwidth);
        var given = CaseFileLoader.Parse(Case("sfr", "exact") + particles + "\ndensity_bandwidth = 0.15", "p.toml");
        Assert.Equal(0.15, given.Particles!.DensityBandwidth);
        Assert.Equal(0.4, given.Kernel!.Bandwidth.Value); // the RKHS bandwidth is a different key
        var word = CaseFileLoader.Parse(Case("sfr", "exact") + particles + "\ndensity_bandwidth = \"silverman\"", "p.toml");
        Assert.Null(word.Particles!.DensityBandwidth);
        var error = Assert.Throws<CaseFileException>(() => CaseFileLoader.Parse(Case("sfr", "exact") + particles + "\ndensity_bandwidth = -1", "p.toml"));
        Assert.Contains("[particles] density_bandwidth: must be > 0", error.Message);
    }
}
