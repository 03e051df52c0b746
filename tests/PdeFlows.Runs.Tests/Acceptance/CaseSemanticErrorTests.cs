using PdeFlows.Runs.Cases;
using static PdeFlows.Runs.Tests.Acceptance.FlowCases;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>Case errors that need the mesh: each names the file, line and key (interfaces.md).</summary>
public class CaseSemanticErrorTests
{
    private static CaseFileException Error(string target, string initial, string flow = "kind = \"swfr\"") =>
        Assert.Throws<CaseFileException>(() => Build(Text(Interval(-1, 1, 10), target, initial, flow, Time(1, 0.1, "lie-ie"))));

    [Fact]
    public void Target_that_is_zero_everywhere_is_not_normalizable()
    {
        var e = Error("density = \"0*x\"", "density = \"1\"");
        Assert.Contains("test.toml:8", e.Message);
        Assert.Contains("density", e.Message);
        Assert.Contains("not normalizable", e.Message);
    }

    [Fact]
    public void Target_density_negative_at_a_node_is_rejected()
    {
        var e = Error("density = \"x\"", "density = \"1\"");
        Assert.Contains("test.toml:8", e.Message);
        Assert.Contains("≥ 0", e.Message);
    }

    [Fact]
    public void Potential_that_is_infinite_at_a_node_is_rejected()
    {
        var e = Error("potential = \"1/x\"", "density = \"1\"");
        Assert.Contains("test.toml:8", e.Message);
        Assert.Contains("potential", e.Message);
    }

    [Fact]
    public void Initial_density_zero_everywhere_is_rejected()
    {
        var e = Error("potential = \"x^2\"", "density = \"0\"");
        Assert.Contains("test.toml:10", e.Message);
        Assert.Contains("zero at every node", e.Message);
    }

    [Fact]
    public void Initial_density_negative_somewhere_is_rejected()
    {
        var e = Error("potential = \"x^2\"", "density = \"x\"");
        Assert.Contains("test.toml:10", e.Message);
        Assert.Contains("≥ 0 everywhere", e.Message);
    }

    [Fact]
    public void Source_without_transport_is_rejected()
    {
        var e = Error("potential = \"x^2\"", "density = \"1\"", "kind = \"fr\"\nsource = \"x\"");
        Assert.Contains("source", e.Message);
        Assert.Contains("transport", e.Message);
    }
}
