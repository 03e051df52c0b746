namespace PdeFlows.Runs.Toml;

/// <summary>One section of a key table: its name, whether it must be written, and its keys in documentation order.</summary>
/// <param name="Name">The section name; empty for the top-level keys; dotted for a nested table (<c>output.regions.NAME</c>).</param>
/// <param name="Required">Whether the section must be written.</param>
/// <param name="Keys">Its keys, in documentation order.</param>
public sealed record TomlSection(string Name, bool Required, IReadOnlyList<TomlKey> Keys)
{
    /// <summary>Whether these are the keys outside any section.</summary>
    public bool IsTopLevel => Name.Length == 0;

    /// <summary>Whether this is a table nested in a section (e.g. one named region of <c>[output] regions</c>).</summary>
    public bool IsNested => Name.Contains('.', StringComparison.Ordinal);

    /// <summary>The heading in the documentation: <c>Top level</c>, <c>[flow]</c>, <c>[output] regions.NAME</c>.</summary>
    public string Heading
    {
        get
        {
            if (IsTopLevel)
            {
                return "Top level";
            }

            int dot = Name.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? $"[{Name}]" : $"[{Name[..dot]}] {Name[(dot + 1)..]}";
        }
    }

    /// <summary>The names of the keys.</summary>
    public IReadOnlyList<string> KeyNames => Keys.Select(k => k.Name).ToArray();
}

/// <summary>
/// The declarative key table of one kind of input file (case file, study file): every section and
/// every key once, with type, range, default and documentation. Readers take their keys, ranges and
/// defaults from it, writers their order and names, the documentation its tables
/// (<see cref="TomlKeyTableMarkdown"/>), and the "unknown key" messages their hints.
/// </summary>
public sealed class TomlKeyTable
{
    private readonly Dictionary<string, TomlSection> byName;

    /// <summary>Creates the table.</summary>
    /// <param name="sections">The sections in documentation order (at most one top-level pseudo-section).</param>
    /// <exception cref="ArgumentException">A section is listed twice, or a key's section disagrees with the section it is listed in, or a key is listed twice in one section.</exception>
    public TomlKeyTable(IEnumerable<TomlSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        Sections = sections.ToArray();
        byName = new Dictionary<string, TomlSection>(StringComparer.Ordinal);
        foreach (TomlSection section in Sections)
        {
            if (!byName.TryAdd(section.Name, section))
            {
                throw new ArgumentException($"section '{section.Name}' is listed twice", nameof(sections));
            }

            foreach (TomlKey key in section.Keys.Where(k => k.Section != section.Name))
            {
                throw new ArgumentException($"key {key.Path} is listed in section '{section.Name}'", nameof(sections));
            }

            if (section.KeyNames.Distinct(StringComparer.Ordinal).Count() != section.Keys.Count)
            {
                throw new ArgumentException($"section '{section.Name}' lists a key twice", nameof(sections));
            }
        }
    }

    /// <summary>Every section, in documentation order (the top-level keys and nested tables included).</summary>
    public IReadOnlyList<TomlSection> Sections { get; }

    /// <summary>The sections written as <c>[name]</c> (not the top level, not nested tables).</summary>
    public IEnumerable<TomlSection> TopSections => Sections.Where(s => !s.IsTopLevel && !s.IsNested);

    /// <summary>The keys allowed outside any section.</summary>
    public IReadOnlyList<string> TopLevelKeys => byName.TryGetValue("", out TomlSection? top) ? top.KeyNames : [];

    /// <summary>Every key of every section.</summary>
    public IEnumerable<TomlKey> Keys => Sections.SelectMany(s => s.Keys);

    /// <summary>Whether <paramref name="name"/> is a section written as <c>[name]</c>.</summary>
    /// <param name="name">A name such as <c>flow</c>.</param>
    /// <returns><c>true</c> for a known section.</returns>
    public bool IsSection(string name) => byName.TryGetValue(name, out TomlSection? section) && !section.IsTopLevel && !section.IsNested;

    /// <summary>The section <paramref name="name"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The section.</returns>
    /// <exception cref="KeyNotFoundException">No such section.</exception>
    public TomlSection Section(string name) => byName[name];

    /// <summary>
    /// The hint appended to an "unknown key" message: the section where that key belongs
    /// (<c>'end' belongs in [time]</c>), else a close key of the same section (<c>did you mean 'alpha'?</c>).
    /// </summary>
    /// <param name="key">The unknown key.</param>
    /// <param name="allowed">The keys allowed where it was written.</param>
    /// <param name="currentSection">The section it was written in, or <c>null</c> at the top level.</param>
    /// <returns>The hint, starting with "; ", or an empty string.</returns>
    public string SuggestKey(string key, IReadOnlyList<string> allowed, string? currentSection)
    {
        string[] homes = TopSections.Where(s => s.Name != currentSection && s.KeyNames.Contains(key)).Select(s => $"[{s.Name}]").ToArray();
        if (homes.Length > 0)
        {
            return $"; '{key}' belongs in {string.Join(" or ", homes)}";
        }

        string? closest = EditDistance.Closest(key, allowed);
        if (closest is not null)
        {
            return $"; did you mean '{closest}'?";
        }

        if (currentSection is null && IsSection(key))
        {
            return $"; [{key}] is a section: write it as a table";
        }

        return $"; allowed: {string.Join(", ", allowed)}";
    }

    /// <summary>The hint appended to an "unknown section" message.</summary>
    /// <param name="section">The unknown section name.</param>
    /// <returns>The hint, starting with "; ".</returns>
    public string SuggestSection(string section)
    {
        string[] names = TopSections.Select(s => s.Name).ToArray();
        string? closest = EditDistance.Closest(section, names);
        return closest is not null
            ? $"; did you mean [{closest}]?"
            : $"; sections are {string.Join(", ", names.Select(s => $"[{s}]"))}";
    }
}
