namespace PdeFlows.Cli.Tests;

/// <summary>A flow kind that does not match its reaction's or particle method's mass behaviour is refused by <c>pdeflows run</c> with exit 2, naming both keys.</summary>
public sealed class SphericalMismatchCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-spherical-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Case(string kind, string reaction, string extra = "") => $$"""
        name = "mismatch"
        [domain]
        kind = "interval"
        lower = [-2.0]
        upper = [2.0]
        cells = [20]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-x^2)"
        [flow]
        kind = "{{kind}}"
        reaction = "{{reaction}}"
        [kernel]
        bandwidth = 0.5
        [time]
        end = 0.1
        step = 0.05
        {{extra}}
        """;

    private (int Code, string Error) Run(string text)
    {
        string path = Path.Combine(folder, "case.toml");
        File.WriteAllText(path, text);
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["run", path, "--out", Path.Combine(folder, "out"), "--quiet"], new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    [Theory]
    [InlineData("sfr", "kernel-fr")]
    [InlineData("swfr", "kernel-fr")]
    [InlineData("fr", "kernel-fr-spherical")]
    [InlineData("wfr", "kernel-fr-spherical")]
    public void A_mismatched_kernel_reaction_exits_2_naming_both_keys(string kind, string reaction)
    {
        var (code, error) = Run(Case(kind, reaction));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("case.toml:13:12: [flow] reaction:", error);
        Assert.Contains($"[flow] kind = \"{kind}\"", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    /// <summary>
    /// frk and mmd have spherical forms (mean-free rates): under a spherical kind they run and keep the mass to
    /// 1e-12 relative at every output time of the JSON summary (measured ≤ 1e-14: round-off of the nodal sums);
    /// the same case under kind = "fr" moves it by more than 1e-3, so the check can see a non-spherical rate.
    /// </summary>
    [Theory]
    [InlineData("sfr", "frk", true)]
    [InlineData("swfr", "frk", true)]
    [InlineData("sfr", "mmd", true)]
    [InlineData("swfr", "mmd", true)]
    [InlineData("fr", "frk", false)]
    public void Frk_and_mmd_under_a_spherical_kind_keep_the_mass_through_the_cli(string kind, string reaction, bool spherical)
    {
        string path = Path.Combine(folder, "case.toml"), summary = Path.Combine(folder, "summary.json");
        File.WriteAllText(path, Case(kind, reaction));
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["run", path, "--out", Path.Combine(folder, "out"), "--summary", summary, "--quiet"], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
        double[] mass = [.. json.RootElement.GetProperty("mass").EnumerateArray().Select(m => m.GetDouble())];
        double drift = mass.Max(m => Math.Abs(m - mass[0])) / mass[0];
        Assert.True(spherical ? drift <= 1e-12 : drift > 1e-3, $"{kind}/{reaction}: relative mass drift {drift:E2}");
    }

    [Fact]
    public void A_particle_method_beside_an_unbalanced_flow_exits_2_naming_both_keys()
    {
        var (code, error) = Run(Case("fr", "exact", "[particles]\ncount = 20\nmethod = \"kernel-fr\""));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("[particles] method:", error);
        Assert.Contains("[flow] kind = \"fr\"", error);
    }

    [Fact]
    public void A_results_page_needs_a_builtin_study()
    {
        string study = Path.Combine(folder, "s.toml");
        File.WriteAllText(study, "[study]\n");
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["verify", study, "--page", Path.Combine(folder, "page.md")], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--page", stderr.ToString());
    }
}
