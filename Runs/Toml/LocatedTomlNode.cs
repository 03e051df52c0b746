namespace PdeFlows.Runs.Toml;

/// <summary>
/// A TOML value with the place it was written: the case loader's own view of the Tomlyn
/// syntax tree, with dotted keys and table headers already resolved into nested tables.
/// </summary>
internal abstract class LocatedTomlNode(SourceLocation location)
{
    /// <summary>Where the value starts (for a table: its header or its opening brace).</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The TOML type for messages: <c>string</c>, <c>integer</c>, <c>float</c>, <c>boolean</c>, <c>date-time</c>, <c>array</c>, <c>table</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>The value as shown in a message, e.g. <c>"one"</c> or <c>-1</c>.</summary>
    public abstract string Display { get; }
}

/// <summary>One <c>key = value</c> of a table.</summary>
internal sealed record LocatedTomlEntry(string Key, SourceLocation KeyLocation, LocatedTomlNode Value);

/// <summary>A table: a section, an inline table or a table implied by a dotted key.</summary>
internal sealed class LocatedTomlTable(SourceLocation location) : LocatedTomlNode(location)
{
    /// <summary>Entries in the order they were written.</summary>
    public OrderedDictionary<string, LocatedTomlEntry> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a <c>[header]</c> for this table was written (a second one is a duplicate).</summary>
    public bool HasHeader { get; set; }

    /// <inheritdoc />
    public override string TypeName => "table";

    /// <inheritdoc />
    public override string Display => "a table";
}

/// <summary>An array.</summary>
internal sealed class LocatedTomlArray(SourceLocation location, IReadOnlyList<LocatedTomlNode> items) : LocatedTomlNode(location)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<LocatedTomlNode> Items { get; } = items;

    /// <inheritdoc />
    public override string TypeName => "array";

    /// <inheritdoc />
    public override string Display => $"an array of {Items.Count}";
}

/// <summary>A string, integer, float, boolean or date-time.</summary>
internal sealed class LocatedTomlScalar(SourceLocation location, object value, string typeName, string rawText) : LocatedTomlNode(location)
{
    /// <summary>The parsed value: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or a date.</summary>
    public object Value { get; } = value;

    /// <summary>The token as written, quotes included for a string.</summary>
    public string RawText { get; } = rawText;

    /// <inheritdoc />
    public override string TypeName { get; } = typeName;

    /// <inheritdoc />
    public override string Display => RawText;

    /// <summary>
    /// For a single-line string without escapes, the location of character <paramref name="column"/>
    /// (1-based) of its content; otherwise the location of the string itself.
    /// </summary>
    public SourceLocation LocateInsideString(int column)
    {
        if (Value is string text && RawText.Length == text.Length + 2 && RawText[1..^1] == text)
        {
            return Location.ShiftedBy(column); // +1 for the opening quote, -1 for 1-based columns
        }

        return Location;
    }
}
