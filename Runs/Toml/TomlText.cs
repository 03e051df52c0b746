using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PdeFlows.Runs.Toml;

/// <summary>Numbers and strings as TOML text (for the writers) and as short text (for messages and documentation).</summary>
public static class TomlText
{
    /// <summary>A TOML float with round-trip digits, always with a '.' or an exponent (so it reads back as a float).</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>E.g. <c>1.0</c>, <c>0.25</c>, <c>1e-06</c>.</returns>
    public static string Number(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e", StringComparison.Ordinal) : text + ".0";
    }

    /// <summary>A TOML array of floats.</summary>
    /// <param name="values">The values.</param>
    /// <returns>E.g. <c>[0.0, 1.5]</c>.</returns>
    public static string Numbers(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(Number))}]";

    /// <summary>A TOML array of integers.</summary>
    /// <param name="values">The values.</param>
    /// <returns>E.g. <c>[8, 4]</c>.</returns>
    public static string Integers(ImmutableArray<int> values) => $"[{string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]";

    /// <summary>A TOML integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its decimal digits.</returns>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in messages: round-trip digits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>E.g. <c>-1</c>, <c>0.1</c>.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number in documentation: round-trip digits, exponents written as <c>1e-6</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>E.g. <c>1</c>, <c>0.5</c>, <c>1e-11</c>.</returns>
    public static string Plain(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : $"{text[..e]}e{int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture)}";
    }

    /// <summary>A TOML basic string (quoted, escaped).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The quoted string.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>A key as written in TOML: bare when it can be, else quoted.</summary>
    /// <param name="name">The key.</param>
    /// <returns>The key text.</returns>
    public static string Key(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-') ? name : Quote(name);
}
