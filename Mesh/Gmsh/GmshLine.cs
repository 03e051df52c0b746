using System.Globalization;

namespace PdeFlows.Mesh;

/// <summary>One non-blank line of a .msh file, split into whitespace-separated fields, with typed field access that reports errors at this line.</summary>
internal sealed class GmshLine
{
    private static readonly char[] Separators = [' ', '\t'];

    public GmshLine(string file, int number, string text)
    {
        File = file;
        Number = number;
        Text = text.Trim();
        Fields = Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The file, for error messages.</summary>
    public string File { get; }

    /// <summary>1-based line number.</summary>
    public int Number { get; }

    /// <summary>The trimmed text.</summary>
    public string Text { get; }

    /// <summary>The whitespace-separated fields.</summary>
    public string[] Fields { get; }

    /// <summary>True for a section marker such as <c>$Nodes</c> or <c>$EndNodes</c>.</summary>
    public bool IsSectionMarker => Text.StartsWith('$');

    /// <summary>An error at this line.</summary>
    public MeshFormatException Error(string problem) => new(File, Number, problem);

    /// <summary>Throws unless the line has exactly <paramref name="count"/> fields.</summary>
    public void ExpectFieldCount(int count, string what)
    {
        if (IsSectionMarker)
        {
            throw Error($"expected {what}, found '{Shorten(Text)}': the section ended early, so a count in its header disagrees with the data");
        }

        if (Fields.Length != count)
        {
            throw Error($"expected {what} ({count} fields), found {Fields.Length} fields: '{Shorten(Text)}'");
        }
    }

    /// <summary>Throws unless the line has at least <paramref name="count"/> fields.</summary>
    public void ExpectAtLeast(int count, string what)
    {
        if (IsSectionMarker)
        {
            throw Error($"expected {what}, found '{Shorten(Text)}': the section ended early, so a count in its header disagrees with the data");
        }

        if (Fields.Length < count)
        {
            throw Error($"expected {what} (at least {count} fields), found {Fields.Length} fields: '{Shorten(Text)}'");
        }
    }

    /// <summary>Field <paramref name="index"/> as a 32-bit integer.</summary>
    public int Int(int index, string what)
    {
        string field = Field(index, what);
        return int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Error($"expected an integer for {what}, found '{Shorten(field)}'");
    }

    /// <summary>Field <paramref name="index"/> as a non-negative count.</summary>
    public int Count(int index, string what)
    {
        int value = Int(index, what);
        return value >= 0 ? value : throw Error($"expected a non-negative count for {what}, found {value}");
    }

    /// <summary>Field <paramref name="index"/> as a 64-bit tag.</summary>
    public long Tag(int index, string what)
    {
        string field = Field(index, what);
        return long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Error($"expected an integer for {what}, found '{Shorten(field)}'");
    }

    /// <summary>Field <paramref name="index"/> as a finite real number.</summary>
    public double Real(int index, string what)
    {
        string field = Field(index, what);
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw Error($"expected a number for {what}, found '{Shorten(field)}'");
        }

        return double.IsFinite(value) ? value : throw Error($"expected a finite number for {what}, found '{field}'");
    }

    private string Field(int index, string what) =>
        index >= 0 && index < Fields.Length ? Fields[index] : throw Error($"expected {what} in field {index + 1}, but the line has {Fields.Length} fields: '{Shorten(Text)}'");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
