using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static PdeFlows.Cli.Tests.CliInvocation;

namespace PdeFlows.Cli.Tests;

/// <summary><c>pdeflows reference</c>: its files and provenance, its sharded form, and its usage errors.</summary>
public sealed class ReferenceCommandTests : IDisposable
{
    private const string Case = """
        name = "fr-reference-cli"
        [domain]
        kind = "interval"
        lower = [-1.0]
        upper = [2.0]
        cells = [12]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-0.5)^2)"
        mass = 2.0
        [flow]
        kind = "fr"
        [time]
        end = 1.0
        step = 0.25
        [output]
        times = [0, 0.5, 1]
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-reference-").FullName;

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string In(string name) => Path.Combine(folder, name);

    [Fact]
    public void Reference_writes_json_markdown_csv_and_plot_with_provenance()
    {
        File.WriteAllText(In("case.toml"), Case);
        var (code, output, error) = Run("reference", In("case.toml"), "--levels", "3", "--out", In("ref"));
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("| energy | 0.5 |", output, StringComparison.Ordinal);
        Assert.Contains("extrapolated", error, StringComparison.Ordinal);
        foreach (string file in new[] { "reference.json", "reference.md", "reference.csv", "convergence.png" })
        {
            Assert.True(File.Exists(In("ref/" + file)), file);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(In("ref/reference.json")));
        var root = json.RootElement;
        Assert.Equal("pdeflows-reference", root.GetProperty("format").GetString());
        var provenance = root.GetProperty("provenance");
        // The hash is of the file's text, computed here independently.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Case))), provenance.GetProperty("case_sha256").GetString());
        Assert.Equal(3, provenance.GetProperty("levels").GetInt32());
        Assert.False(string.IsNullOrEmpty(provenance.GetProperty("pdeflows_version").GetString()));
        var levels = root.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal([0.25, 0.0625, 0.015625], levels.Select(l => l.GetProperty("tau").GetDouble()));
        Assert.Equal([13, 25, 49], levels.Select(l => l.GetProperty("nodes").GetInt32()));
        var energy = root.GetProperty("quantities").EnumerateArray().First(q => q.GetProperty("name").GetString() == "energy" && q.GetProperty("time").GetDouble() == 1);
        Assert.Equal("extrapolated", energy.GetProperty("status").GetString());
        Assert.True(energy.GetProperty("estimated_error").GetDouble() > 0);
        Assert.Equal(3, energy.GetProperty("level_values").GetArrayLength());
        string csv = File.ReadAllLines(In("ref/reference.csv"))[0];
        Assert.Equal("quantity,time,status,value,estimated_error,observed_order,remainder_order,finest_value,level_0,level_1,level_2", csv);
    }

    [Fact]
    public void Reference_shards_merge_to_the_same_tables()
    {
        File.WriteAllText(In("case.toml"), Case);
        Assert.Equal(ExitCodes.Success, Run("reference", In("case.toml"), "--out", In("whole"), "--quiet").Code);
        Assert.Equal(ExitCodes.Success, Run("reference", In("case.toml"), "--shard", "1/2", "--out", In("p1"), "--quiet").Code);
        Assert.Equal(ExitCodes.Success, Run("reference", In("case.toml"), "--shard", "2/2", "--out", In("p2"), "--quiet").Code);
        var merged = Run("merge", In("p1"), In("p2"), "--out", In("merged"));
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Equal(File.ReadAllText(In("whole/reference.md")).TrimEnd(), merged.Output.TrimEnd());
        Assert.Equal(File.ReadAllBytes(In("whole/reference.csv")), File.ReadAllBytes(In("merged/reference.csv")));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("13")]
    public void Levels_out_of_range_exit_2(string levels)
    {
        File.WriteAllText(In("case.toml"), Case);
        var (code, _, error) = Run("reference", In("case.toml"), "--levels", levels);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--levels {levels}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_bad_case_file_exits_2_naming_it()
    {
        Assert.Equal(ExitCodes.BadInput, Run("reference", In("none.toml")).Code);
        File.WriteAllText(In("bad.toml"), Case.Replace("kind = \"fr\"", "kind = \"fr\"\nbeat = 1", StringComparison.Ordinal));
        var (code, _, error) = Run("reference", In("bad.toml"), "--out", In("bad"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.toml:", error, StringComparison.Ordinal);
        Assert.Contains("beat", error, StringComparison.Ordinal);
    }
}
