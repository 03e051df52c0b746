namespace PdeFlows.Runs.Toml;

/// <summary>
/// One key of a TOML input file (a case or a study file), declared once in its file's key table
/// (<see cref="TomlKeyTable"/>): its section, its name, what it holds (the typed subclasses carry
/// type, range and default) and one line of documentation. The reader (<see cref="SectionReader"/>:
/// range checks, defaults), the writer, the documentation tables and the "did you mean" hints all
/// read it from here, so a key is spelled in one place only.
/// </summary>
public abstract class TomlKey
{
    /// <summary>Declares a key.</summary>
    /// <param name="section">The section (dotted for a nested table, e.g. <c>output.regions.NAME</c>); empty at the top level.</param>
    /// <param name="name">The key as written in the file.</param>
    /// <param name="meaning">One line of documentation (Markdown).</param>
    protected TomlKey(string section, string name, string meaning)
    {
        Section = section ?? throw new ArgumentNullException(nameof(section));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Meaning = meaning ?? throw new ArgumentNullException(nameof(meaning));
    }

    /// <summary>The section the key belongs to; empty at the top level.</summary>
    public string Section { get; }

    /// <summary>The key as written in the file.</summary>
    public string Name { get; }

    /// <summary>One line of documentation (Markdown).</summary>
    public string Meaning { get; }

    /// <summary>Whether the key must be written (a reader reports it missing otherwise).</summary>
    public bool Required { get; init; }

    /// <summary>The documented type when the typed description is not enough (e.g. "array of d numbers"); null: derived from the type.</summary>
    public string? TypeNote { get; init; }

    /// <summary>The documented default when it is not a plain value (e.g. "required (not for `gmsh`)"); null: derived.</summary>
    public string? DefaultNote { get; init; }

    /// <summary>The dotted path, e.g. <c>flow.alpha</c> (<c>name</c> at the top level).</summary>
    public string Path => Section.Length == 0 ? Name : $"{Section}.{Name}";

    /// <summary>The type column of the documentation table.</summary>
    public string DocumentedType => TypeNote ?? DescribeType();

    /// <summary>The default column of the documentation table.</summary>
    public string DocumentedDefault => DefaultNote ?? (Required ? "required" : DescribeDefault() ?? "none");

    /// <summary>The type as derived from the typed declaration.</summary>
    /// <returns>Markdown text.</returns>
    protected abstract string DescribeType();

    /// <summary>The default value as Markdown, or null when there is none.</summary>
    /// <returns>Markdown text or null.</returns>
    protected abstract string? DescribeDefault();

    /// <inheritdoc />
    public override string ToString() => Path;
}
