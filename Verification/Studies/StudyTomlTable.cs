using System.Globalization;
using PdeFlows.Flows.Cases;
using Tomlyn.Syntax;

namespace PdeFlows.Verification.Studies;

/// <summary>
/// One table of a study file read from Tomlyn's syntax tree, keeping the line and column of every
/// key and value so that each error names the file, the line and the key. Values are read on
/// demand by typed accessors; <see cref="RejectUnknownKeys"/> rejects anything not in the schema.
/// </summary>
internal sealed class StudyTomlTable
{
    private readonly Dictionary<string, (ValueSyntax Value, SourceLocation Location)> entries = new(StringComparer.Ordinal);

    /// <summary>Creates the table <paramref name="name"/> whose header is at <paramref name="header"/>.</summary>
    public StudyTomlTable(string name, SourceLocation header)
    {
        Name = name;
        Header = header;
    }

    /// <summary>The table name (e.g. <c>sweep</c>).</summary>
    public string Name { get; }

    /// <summary>Where the table header is.</summary>
    public SourceLocation Header { get; }

    /// <summary>Adds a key; a second occurrence is an error.</summary>
    public void Add(string key, ValueSyntax value, SourceLocation location)
    {
        if (!entries.TryAdd(key, (value, location)))
        {
            throw Error(key, location, "the key is written twice");
        }
    }

    /// <summary>Whether the key is present.</summary>
    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>Rejects keys not in <paramref name="allowed"/>.</summary>
    public void RejectUnknownKeys(IReadOnlyList<string> allowed)
    {
        foreach (var (key, (_, location)) in entries)
        {
            if (!allowed.Contains(key))
            {
                throw Error(key, location, $"unknown key; allowed in [{Name}]: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>An error at the key (or at the header when the key is absent).</summary>
    public CaseFileException Error(string key, string reason) =>
        Error(key, entries.TryGetValue(key, out var entry) ? entry.Location : Header, reason);

    /// <summary>A string value, or null when absent.</summary>
    public string? OptionalString(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.Value is StringValueSyntax s ? s.Value ?? "" : throw Error(key, $"must be a string, got {Describe(entry.Value)}");
    }

    /// <summary>A required string value.</summary>
    public string String(string key) => OptionalString(key) ?? throw Error(key, "missing required key");

    /// <summary>A number (integer or float), or null when absent.</summary>
    public double? OptionalNumber(string key) =>
        entries.TryGetValue(key, out var entry) ? ToNumber(key, entry.Value) : null;

    /// <summary>A positive integer, or null when absent.</summary>
    public int? OptionalPositiveInteger(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.Value is IntegerValueSyntax i && i.Value is > 0 and <= int.MaxValue
            ? (int)i.Value
            : throw Error(key, $"must be a positive integer, got {Describe(entry.Value)}");
    }

    /// <summary>Whether the value is a string (for keys that take a string or an array).</summary>
    public bool IsString(string key) => entries.TryGetValue(key, out var entry) && entry.Value is StringValueSyntax;

    /// <summary>An array of numbers, or null when absent.</summary>
    public double[]? OptionalNumbers(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not ArraySyntax array)
        {
            throw Error(key, $"must be an array of numbers, got {Describe(entry.Value)}");
        }

        return array.Items.Select(item => ToNumber(key, item.Value!)).ToArray();
    }

    /// <summary>An array of strings, or null when absent.</summary>
    public string[]? OptionalStrings(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not ArraySyntax array)
        {
            throw Error(key, $"must be an array of strings, got {Describe(entry.Value)}");
        }

        return array.Items.Select(item => item.Value is StringValueSyntax s
            ? s.Value ?? ""
            : throw Error(key, $"must be an array of strings; an element is {Describe(item.Value!)}")).ToArray();
    }

    /// <summary>A short description of a value for messages.</summary>
    public static string Describe(ValueSyntax value) => value switch
    {
        StringValueSyntax s => $"the string \"{s.Value}\"",
        IntegerValueSyntax i => $"the integer {i.Value.ToString(CultureInfo.InvariantCulture)}",
        FloatValueSyntax f => $"the number {f.Value.ToString("R", CultureInfo.InvariantCulture)}",
        BooleanValueSyntax b => $"the boolean {(b.Value ? "true" : "false")}",
        ArraySyntax a => $"an array of {a.Items.ChildrenCount}",
        InlineTableSyntax => "an inline table",
        _ => "a value of another type",
    };

    private double ToNumber(string key, ValueSyntax value) => value switch
    {
        IntegerValueSyntax i => i.Value,
        FloatValueSyntax f when double.IsFinite(f.Value) => f.Value,
        _ => throw Error(key, $"must be a finite number, got {Describe(value)}"),
    };

    private CaseFileException Error(string key, SourceLocation location, string reason) =>
        new(location, $"{Name}.{key}", reason);
}
