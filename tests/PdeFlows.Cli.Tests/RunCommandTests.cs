using System.Text.Json;
using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary><c>pdeflows run</c>, <c>info</c> and <c>plot</c> through the command line: contract keys, exit codes, messages.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-cli-").FullName;

    private const string SmallCase = """
        name = "small-swfr"
        [domain]
        kind = "interval"
        lower = [-3.0]
        upper = [3.0]
        cells = [60]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-1)^2)"
        mass = 1.0
        [flow]
        kind = "swfr"
        [time]
        end = 0.5
        step = 0.01
        [output]
        times = [0, 0.25, 0.5]
        probes = [[0.0]]
        regions = { left = { lower = [-3.0], upper = [0.0] } }
        checkpoint_every = 10
        """;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Summary_has_every_field_of_the_contract_with_one_entry_per_output_time()
    {
        string casePath = Write("case.toml", SmallCase);
        string summary = Path.Combine(folder, "s.json");
        var (code, _, error) = Run("run", casePath, "--summary", summary, "--quiet");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(summary));
        var root = json.RootElement;
        Assert.Equal("small-swfr", root.GetProperty("case").GetString());
        Assert.Equal(61, root.GetProperty("dofs").GetInt32());
        Assert.Equal(60, root.GetProperty("cells").GetInt32());
        Assert.Equal(50, root.GetProperty("steps").GetInt32());
        foreach (string key in new[] { "times", "energy", "mass", "mean", "covariance", "dissipation", "edb_defect", "min_density" })
        {
            Assert.Equal(3, root.GetProperty(key).GetArrayLength());
        }

        Assert.Equal(3, root.GetProperty("regions").GetProperty("left").GetArrayLength());
        Assert.Equal(3, root.GetProperty("probes").GetProperty("values").GetArrayLength());
        // swfr conserves mass: 1e-12 relative (lumped mass is exact; round-off only).
        foreach (var m in root.GetProperty("mass").EnumerateArray())
        {
            Assert.Equal(1.0, m.GetDouble(), 12);
        }
    }

    [Fact]
    public void Result_directory_is_described_by_info_and_plotted()
    {
        string casePath = Write("case.toml", SmallCase);
        string result = Path.Combine(folder, "run");
        Assert.Equal(0, Run("run", casePath, "--out", result, "--quiet").Code);
        var (code, output, _) = Run("info", result);
        Assert.Equal(0, code);
        Assert.Contains("small-swfr", output);
        Assert.Contains("61 vertices", output);
        var plot = Run("plot", result, "--out", Path.Combine(folder, "plots"));
        Assert.Equal(0, plot.Code);
        Assert.Contains("density.png", plot.Output);
        Assert.True(new FileInfo(Path.Combine(folder, "plots", "density.png")).Length > 1000);
    }

    [Fact]
    public void Missing_case_file_exits_2_with_a_hint()
    {
        var (code, _, error) = Run("run", Path.Combine(folder, "nope.toml"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.toml", error);
        Assert.Contains("hint:", error);
    }

    [Fact]
    public void Case_file_error_exits_2_naming_file_line_and_key()
    {
        string casePath = Write("bad.toml", SmallCase.Replace("kind = \"swfr\"", "kind = \"swfr\"\nalpah = 2.0"));
        var (code, _, error) = Run("run", casePath, "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.toml:14", error);
        Assert.Contains("alpah", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    [Fact]
    public void Initial_density_negative_somewhere_exits_2_naming_the_key()
    {
        string casePath = Write("neg.toml", SmallCase.Replace("exp(-(x-1)^2)", "x"));
        var (code, _, error) = Run("run", casePath, "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("neg.toml:10", error);
        Assert.Contains("[initial] density", error);
    }

    [Fact]
    public void Existing_result_is_not_overwritten()
    {
        string casePath = Write("case.toml", SmallCase);
        string result = Path.Combine(folder, "run");
        Assert.Equal(0, Run("run", casePath, "--out", result, "--quiet").Code);
        var before = File.ReadAllBytes(Path.Combine(result, "result.h5"));
        var (code, _, error) = Run("run", casePath, "--out", result, "--quiet");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--resume", error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(result, "result.h5")));
    }

    [Fact]
    public void Info_on_a_missing_result_exits_2()
    {
        var (code, _, error) = Run("info", Path.Combine(folder, "missing"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", error);
    }
}
