namespace PdeFlows.Cli.Tests;

/// <summary>
/// Valid case files whose flow cannot be computed are numerical failures (exit code 1, the message
/// names the step and why), never "internal error". Found while testing issue 13 item 1.
/// </summary>
public sealed class NumericalFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-failure-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// SFR of χ² towards a double-well target on [−3, 3]: π(±3) ~ e^{−64}, so r = u/π ~ 1e27 at the ends
    /// and ṙ = −βr(r − 1 − c) has a time scale of 1e-27: the explicit Dormand–Prince integrator's step
    /// size underflows in the first step. That used to escape as an InvalidOperationException
    /// ("internal error ... this is a bug"); it is a numerical failure of the run at step 1.
    /// </summary>
    [Theory]
    [InlineData("lie-ie")]
    [InlineData("strang")]
    public void A_reaction_too_stiff_for_the_integrator_is_a_numerical_failure_at_step_1(string scheme)
    {
        string path = Path.Combine(folder, $"stiff-{scheme}.toml");
        File.WriteAllText(path, $$"""
            name = "stiff-sfr-chi2"
            [domain]
            kind = "interval"
            lower = [-3.0]
            upper = [3.0]
            cells = [60]
            [target]
            potential = "(x^2 - 1)^2 + 0.3*x"
            [initial]
            density = "exp(-(x-1.5)^2/0.5) + 0.1"
            [flow]
            kind = "sfr"
            energy = "chi2"
            [time]
            end = 0.5
            step = 0.01
            scheme = "{{scheme}}"
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["run", path, "--quiet"], stdout, stderr);
        string error = stderr.ToString();
        Assert.True(code == ExitCodes.NumericalFailure, $"exit {code}: {error}");
        Assert.StartsWith("pdeflows run: the flow failed at step 1 (t = 0): the reaction could not be integrated", error);
        Assert.Contains("step size underflow", error);
        Assert.DoesNotContain("internal error", error);
    }
}
