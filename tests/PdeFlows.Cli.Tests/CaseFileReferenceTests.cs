using System.Text.RegularExpressions;
using PdeFlows.Flows.Cases;

namespace PdeFlows.Cli.Tests;

/// <summary>docs/case-file.md documents exactly the keys the loader accepts (<see cref="CaseFileSchema"/>): no more, no fewer.</summary>
public partial class CaseFileReferenceTests
{
    [Fact]
    public void Every_key_in_the_code_is_documented_and_every_documented_key_exists()
    {
        var documented = DocumentedKeys(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "case-file.md")));
        var code = CodeKeys();
        var missing = code.Except(documented).Order().ToArray();
        var extra = documented.Except(code).Order().ToArray();
        Assert.True(missing.Length == 0 && extra.Length == 0,
            $"docs/case-file.md is out of date. In the code but not documented: [{string.Join(", ", missing)}]; documented but not in the code: [{string.Join(", ", extra)}]");
    }

    [Fact]
    public void The_parser_of_the_reference_finds_rows_and_notices_a_missing_one()
    {
        const string page = """
            ## Top level
            | key | type | default | meaning |
            |---|---|---|---|
            | `name` | string | x | y |
            ## [time]
            | key | type | default | meaning |
            |---|---|---|---|
            | `end` | number | required | T |
            ### [output] regions.NAME
            | `lower` | a | b | c |
            """;
        var keys = DocumentedKeys(page);
        Assert.Equal(new HashSet<string> { "name", "time.end", "output.regions.NAME.lower" }, keys);
        Assert.NotEmpty(CodeKeys().Except(keys));
    }

    /// <summary>"section.key" for each table row under a "## [section]" heading ("key" under "## Top level").</summary>
    private static HashSet<string> DocumentedKeys(string markdown)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.Trim();
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                section = heading.Groups["section"].Success
                    ? heading.Groups["section"].Value + (heading.Groups["sub"].Success ? "." + heading.Groups["sub"].Value : string.Empty)
                    : heading.Groups["top"].Success ? string.Empty : null;
                continue;
            }

            var row = Row().Match(line);
            if (row.Success && section is not null)
            {
                keys.Add(section.Length == 0 ? row.Groups["key"].Value : $"{section}.{row.Groups["key"].Value}");
            }
        }

        return keys;
    }

    private static HashSet<string> CodeKeys()
    {
        var keys = new HashSet<string>(CaseFileSchema.TopLevelKeys, StringComparer.Ordinal);
        foreach (var (section, sectionKeys) in CaseFileSchema.Sections)
        {
            keys.UnionWith(sectionKeys.Select(k => $"{section}.{k}"));
        }

        keys.UnionWith(CaseFileSchema.RegionKeys.Select(k => $"output.regions.NAME.{k}"));
        return keys;
    }

    private static string RepositoryRoot()
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

    [GeneratedRegex(@"^#{2,3}\s+(?:(?<top>Top level)|\[(?<section>[a-z_]+)\](?:\s+(?<sub>[a-z_]+\.NAME))?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|\s*`(?<key>[a-z_]+)`\s*\|")]
    private static partial Regex Row();
}
