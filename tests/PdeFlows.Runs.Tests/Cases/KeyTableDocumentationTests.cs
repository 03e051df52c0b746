using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Studies;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>
/// docs/case-file.md and docs/verification-studies.md show, under the heading of each section, the
/// table generated from the key table the readers use (<see cref="CaseKeys"/>, <see cref="StudyKeys"/>):
/// every key, type, range, default and meaning, no more, no fewer. To refresh the pages after a
/// change of a key table, run the tests with PDEFLOWS_UPDATE_DOCS=1 (the tables are rewritten in place).
/// </summary>
public class KeyTableDocumentationTests
{
    public static TheoryData<string, string> Pages => new() { { "case-file.md", "case" }, { "verification-studies.md", "study" } };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_section_of_the_key_table_is_documented_with_its_generated_table(string page, string table)
    {
        string path = Path.Combine(RepositoryRoot(), "docs", page);
        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var problems = new List<string>();
        foreach (TomlSection section in Table(table).Sections)
        {
            string expected = TomlKeyTableMarkdown.Table(section);
            if (DocumentedTable(text, section.Heading) is not (int start, int length))
            {
                problems.Add($"no heading '{section.Heading}' followed by a key table");
                continue;
            }

            if (text.Substring(start, length) != expected)
            {
                problems.Add($"{section.Heading}: the table differs from the key table; expected:\n{expected}");
                text = text[..start] + expected + text[(start + length)..];
            }
        }

        if (problems.Count > 0 && Environment.GetEnvironmentVariable("PDEFLOWS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(problems.Count == 0, $"docs/{page} is out of date with its key table (rerun with PDEFLOWS_UPDATE_DOCS=1 to regenerate):\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void The_comparison_notices_a_changed_a_missing_and_an_extra_row()
    {
        TomlSection flow = CaseKeys.Table.Section("flow");
        string table = TomlKeyTableMarkdown.Table(flow);
        string page = $"## [flow]\n\nSome prose.\n\n{table}\nMore prose.\n";
        Assert.Equal((page.IndexOf("| key", StringComparison.Ordinal), table.Length), DocumentedTable(page, flow.Heading));

        string changed = page.Replace("| 1 |", "| 2 |", StringComparison.Ordinal);
        string missing = page.Replace(table.Split('\n')[3] + "\n", "", StringComparison.Ordinal);
        string extra = page.Replace(table, table + "| `gamma` | number | 0 | a key the reader does not know |\n", StringComparison.Ordinal);
        foreach (string wrong in new[] { changed, missing, extra })
        {
            Assert.NotEqual(page, wrong);
            var (start, length) = DocumentedTable(wrong, flow.Heading)!.Value;
            Assert.NotEqual(table, wrong.Substring(start, length));
        }

        Assert.Null(DocumentedTable(page, "[kernel]"));
    }

    [Fact]
    public void Generated_rows_carry_type_range_default_and_meaning_from_the_declarations()
    {
        string flow = TomlKeyTableMarkdown.Table(CaseKeys.Table.Section("flow"));
        Assert.Contains("| `alpha` | number ≥ 0 | 1 | transport weight α; > 0 for `w`; α = 0 makes `wfr` / `swfr` the reaction-only flow `fr` / `sfr` |", flow, StringComparison.Ordinal);
        Assert.Contains("| `kind` | `\"fr\"` \\| `\"sfr\"` \\| `\"w\"` \\| `\"wfr\"` \\| `\"swfr\"` | required |", flow, StringComparison.Ordinal);
        string solver = TomlKeyTableMarkdown.Table(CaseKeys.Table.Section("solver"));
        Assert.Contains("| `reaction_tolerance` | number > 0 | 1e-11 |", solver, StringComparison.Ordinal);
        string domain = TomlKeyTableMarkdown.Table(CaseKeys.Table.Section("domain"));
        Assert.Contains("| `refine` | integer 0…12 | 0 |", domain, StringComparison.Ordinal);
    }

    /// <summary>Where the key table under the heading <paramref name="heading"/> starts and how long it is (its lines that start with '|').</summary>
    private static (int Start, int Length)? DocumentedTable(string page, string heading)
    {
        string[] lines = page.Split('\n');
        int offset = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if ((line == $"## {heading}" || line == $"### {heading}") && TableAfter(lines, i + 1, offset + lines[i].Length + 1) is { } table)
            {
                return table;
            }

            offset += lines[i].Length + 1;
        }

        return null;
    }

    /// <summary>The first table after line <paramref name="from"/> (which starts at <paramref name="offset"/>), before the next heading.</summary>
    private static (int Start, int Length)? TableAfter(string[] lines, int from, int offset)
    {
        for (int i = from; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            if (lines[i].StartsWith("| key ", StringComparison.Ordinal))
            {
                int length = 0;
                for (int j = i; j < lines.Length && lines[j].StartsWith('|'); j++)
                {
                    length += lines[j].Length + 1;
                }

                return (offset, length);
            }

            offset += lines[i].Length + 1;
        }

        return null;
    }

    private static TomlKeyTable Table(string name) => name == "case" ? CaseKeys.Table : StudyKeys.Table;

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (PdeFlows.sln) was not found above the test's base directory");
    }
}
