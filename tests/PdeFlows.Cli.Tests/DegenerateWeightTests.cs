using System.Text.Json;
using PdeFlows.IO;
using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// Issue 13 item 1: α = 0 and β = 0 are valid weights of <c>wfr</c> and <c>swfr</c> (case-file.md:
/// "number ≥ 0"). With α = 0 the transport term α∇·(u∇ξ) vanishes and the flow is the reaction-only
/// flow of the same kind's reaction (<c>fr</c> for wfr, <c>sfr</c> for swfr); with β = 0 the reaction
/// term vanishes and it is the transport-only flow <c>w</c>. Both runs go through <c>pdeflows run</c>
/// (in process), and every field at every output time and every number of the summary must agree.
/// </summary>
public sealed class DegenerateWeightTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Agreement required, relative to the largest magnitude of the compared quantity. The two runs
    /// solve the same equations with the same parts (a degenerate weight removes that part of the
    /// splitting), so the only admissible difference is round-off: 1e-12 is the issue's bound.
    /// </summary>
    private const double Tolerance = 1e-12;

    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-degenerate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Case(string kind, string energy, double alpha, double beta, string scheme) => $$"""
        name = "degenerate-{{kind}}-{{energy}}"
        [domain]
        kind = "interval"
        lower = [-3.0]
        upper = [3.0]
        cells = [60]
        [target]
        potential = "{{(energy == "kl" ? "(x^2 - 1)^2 + 0.3*x" : "0.5*(x - 0.2)^2")}}"
        [initial]
        density = "exp(-(x-1.5)^2/0.5) + 0.1"
        mass = 1.3
        [flow]
        kind = "{{kind}}"
        energy = "{{energy}}"
        alpha = {{alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}
        beta = {{beta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}
        [time]
        end = 0.5
        step = 0.01
        scheme = "{{scheme}}"
        [output]
        times = [0, 0.1, 0.25, 0.5]
        probes = [[0.0], [1.0]]
        regions = { left = { lower = [-3.0], upper = [0.0] } }
        """;

    public static TheoryData<string, string, string, string> Combinations => new()
    {
        // degenerate kind, energy, weight set to 0, the flow it must equal
        { "wfr", "kl", "alpha", "fr" },
        { "wfr", "chi2", "alpha", "fr" },
        { "swfr", "kl", "alpha", "sfr" },
        { "swfr", "chi2", "alpha", "sfr" },
        { "wfr", "kl", "beta", "w" },
        { "wfr", "chi2", "beta", "w" },
        { "swfr", "kl", "beta", "w" },
        { "swfr", "chi2", "beta", "w" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void A_zero_weight_gives_the_flow_without_that_part(string kind, string energy, string zero, string equivalent)
    {
        // Weights other than 1 so that a mix-up of α and β would show; χ² with Strang exercises the
        // integrated (DOPRI5) spherical reaction and TR-BDF2, KL with Lie the closed forms and implicit Euler.
        // χ² gets a target with a moderate ratio u/π ≤ ~10² on the domain: the double-well target's
        // π(±3) ~ e^{-64} makes u/π ~ 1e27 there, a reaction too stiff for the explicit integrator and
        // a transport TR-BDF2 step that loses positivity at any step size (exit 1, NumericalFailureTests).
        string scheme = energy == "kl" ? "lie-ie" : "strang";
        double alpha = zero == "alpha" ? 0.0 : 0.7, beta = zero == "beta" ? 0.0 : 1.3;
        var degenerate = RunCase($"{kind}-{energy}-{zero}", Case(kind, energy, alpha, beta, scheme));
        var reference = RunCase($"{equivalent}-{energy}-{zero}", Case(equivalent, energy, zero == "alpha" ? 1.0 : alpha, zero == "beta" ? 1.0 : beta, scheme));

        double worst = 0;
        using (var a = ResultReader.Open(degenerate.Run))
        using (var b = ResultReader.Open(reference.Run))
        {
            Assert.Equal(4, a.Steps.Count);
            Assert.Equal(b.Times, a.Times);
            for (int k = 0; k < a.Steps.Count; k++)
            {
                foreach (string field in new[] { "u", "g", "log_g" })
                {
                    worst = Math.Max(worst, AssertClose(b.ReadField(k, field), a.ReadField(k, field), $"{field} at output {k}"));
                }
            }
        }

        using var left = JsonDocument.Parse(File.ReadAllText(degenerate.Summary));
        using var right = JsonDocument.Parse(File.ReadAllText(reference.Summary));
        int compared = 0;
        foreach (string key in new[] { "times", "energy", "mass", "mean", "covariance", "dissipation", "edb_defect", "min_density" })
        {
            compared += CompareNumbers(right.RootElement.GetProperty(key), left.RootElement.GetProperty(key), key);
        }

        compared += CompareNumbers(right.RootElement.GetProperty("regions"), left.RootElement.GetProperty("regions"), "regions");
        compared += CompareNumbers(right.RootElement.GetProperty("probes"), left.RootElement.GetProperty("probes"), "probes");
        Assert.Equal(right.RootElement.GetProperty("steps").GetInt32(), left.RootElement.GetProperty("steps").GetInt32());
        Assert.True(compared >= 4 * 9, $"only {compared} numbers compared");

        // The degenerate flow really moved (the comparison is not between two unchanged densities).
        using var moved = ResultReader.Open(degenerate.Run);
        double change = moved.ReadField(0, "u").Zip(moved.ReadField(3, "u"), (x, y) => Math.Abs(x - y)).Max();
        Assert.True(change > 1e-3, $"the density changed by only {change:E2}");
        output.WriteLine($"{kind} {energy} {zero} = 0 vs {equivalent}: largest field difference {worst:E2} (relative to the field's maximum), {compared} summary numbers within {Tolerance:E0}");
    }

    [Fact]
    public void Both_weights_zero_is_refused_naming_the_key()
    {
        string path = Path.Combine(folder, "both.toml");
        File.WriteAllText(path, Case("swfr", "kl", 0.0, 0.0, "lie-ie"));
        var (code, _, error) = Run("run", path, "--quiet");
        Assert.True(code == 2, error);
        Assert.Contains("both.toml:", error);
        Assert.Contains("[flow] beta: alpha and beta are both 0", error);
    }

    private (string Run, string Summary) RunCase(string name, string text)
    {
        string path = Path.Combine(folder, name + ".toml");
        File.WriteAllText(path, text);
        string run = Path.Combine(folder, name + "-run");
        string summary = Path.Combine(folder, name + ".json");
        var (code, _, error) = Run("run", path, "--out", run, "--summary", summary, "--quiet");
        Assert.True(code == 0, $"{name}: exit {code}\n{error}");
        return (run, summary);
    }

    private static double AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs), worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(expected[i] - actual[i]) / scale;
            Assert.True(difference <= Tolerance, $"{what}, node {i}: {actual[i]:R} vs {expected[i]:R}");
            worst = Math.Max(worst, difference);
        }

        return worst;
    }

    /// <summary>Compares every number in two JSON values of the same shape; returns how many.</summary>
    private static int CompareNumbers(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                double e = expected.GetDouble(), a = actual.GetDouble();
                Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{path}: {a:R} vs {e:R}");
                return 1;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                return expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((pair, i) => CompareNumbers(pair.First, pair.Second, $"{path}[{i}]")).Sum();
            case JsonValueKind.Object:
                return expected.EnumerateObject().Sum(p => CompareNumbers(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}"));
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                return 0;
        }
    }
}
