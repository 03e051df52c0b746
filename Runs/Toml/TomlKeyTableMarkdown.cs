using System.Text;

namespace PdeFlows.Runs.Toml;

/// <summary>
/// The documentation tables of a key table (docs/case-file.md, docs/verification-studies.md): one
/// Markdown table per section, <c>| key | type | default | meaning |</c>, generated from the table
/// so that the pages cannot drift from what the readers accept (a test compares them).
/// </summary>
public static class TomlKeyTableMarkdown
{
    /// <summary>The header of every generated table.</summary>
    public const string Header = "| key | type | default | meaning |\n|---|---|---|---|\n";

    /// <summary>The Markdown table of one section.</summary>
    /// <param name="section">The section.</param>
    /// <returns>The table, one line per key, ending with a line break.</returns>
    public static string Table(TomlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = new StringBuilder(Header);
        foreach (TomlKey key in section.Keys)
        {
            text.Append($"| `{key.Name}` | {key.DocumentedType} | {key.DocumentedDefault} | {key.Meaning} |\n");
        }

        return text.ToString();
    }
}
