using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>The writer walks the key table: every key it can write appears, in the table's order, and the text reads back to the same case.</summary>
public class CaseFileWriterTests
{
    /// <summary>A case that writes every key but the two excluded by its choices (a box has no file; a density target has no potential).</summary>
    private const string Full = """
        name = "every key"
        [domain]
        kind = "box"
        lower = [0, 0, 0]
        upper = [1, 1, 1]
        cells = [2, 2, 2]
        refine = 1
        [target]
        density = "1 + x*y*z"
        [initial]
        density = "1"
        mass = 2.5
        [flow]
        kind = "swfr"
        energy = "kl"
        alpha = 0.5
        beta = 2
        reaction = "kernel-fr-spherical"
        source = "exp(-t) * x"
        epsilon = 1e-4
        [kernel]
        kind = "imq"
        bandwidth = "median"
        lambda = 1e-3
        [time]
        end = 1
        step = 0.25
        scheme = "strang"
        [solver]
        linear = "managed"
        reaction_tolerance = 1e-7
        [output]
        times = [0, 1]
        probes = [[0.5, 0.5, 0.5]]
        regions = { "corner box" = { lower = [0, 0, 0], upper = [0.5, 0.5, 0.5] } }
        checkpoint_every = 3
        [particles]
        count = 10
        seed = 7
        step = 0.125
        method = "svgd"
        density_bandwidth = 0.3
        """;

    /// <summary>A key added to <see cref="CaseKeys"/> without a writer entry makes the writer throw, so this test fails.</summary>
    [Fact]
    public void Every_key_of_the_table_is_written_in_table_order_and_reads_back()
    {
        CaseDefinition original = CaseFileLoader.Parse(Full, "full.toml");
        string text = CaseFileWriter.ToToml(original);
        var lines = text.Split('\n');
        var written = new List<string>();
        string section = "";
        foreach (string line in lines.Where(l => l.Length > 0))
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']');
                continue;
            }

            written.Add((section.Length == 0 ? "" : section + ".") + line[..line.IndexOf(" = ", StringComparison.Ordinal)]);
        }

        string[] expected = [.. CaseKeys.Table.Sections.Where(s => !s.IsNested).SelectMany(s => s.Keys).Select(k => k.Path)
            .Where(p => p is not "domain.file" and not "target.potential")];
        Assert.Equal(expected, written);

        CaseDefinition again = CaseFileLoader.Parse(text, "written.toml");
        Assert.Equal(text, CaseFileWriter.ToToml(again));
        Assert.Equal(original.Solver, again.Solver);
        Assert.Equal(original.Kernel, again.Kernel);
        Assert.Equal(original.Particles, again.Particles);
        Assert.Equal(original.Time, again.Time);
        Assert.Equal(original.Flow with { Source = null }, again.Flow with { Source = null });
        Assert.Equal("corner box", Assert.Single(again.Output.Regions).Name);
        Assert.Equal(1e-7, again.Solver.ReactionTolerance);
    }
}
