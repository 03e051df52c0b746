using System.Collections.Immutable;
using System.Globalization;
using PdeFlows.Flows.Cases.Toml;
using PdeFlows.Flows.Expressions;

namespace PdeFlows.Flows.Cases;

/// <summary>
/// Typed, located access to the keys of one table of a case file. Every failure is a
/// <see cref="CaseFileException"/> at the value's line and column naming the key.
/// </summary>
internal sealed class SectionReader(LocatedTomlTable table, string path)
{
    /// <summary>The table's dotted path, e.g. <c>flow</c> or <c>output.regions.left</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The table read.</summary>
    public LocatedTomlTable Table { get; } = table;

    /// <summary>Whether <paramref name="key"/> was written.</summary>
    public bool Has(string key) => Table.Entries.ContainsKey(key);

    /// <summary>The dotted path of <paramref name="key"/>.</summary>
    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>An error at the value of <paramref name="key"/> (at the table when it was not written).</summary>
    public CaseFileException Error(string key, string reason) =>
        new(Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry) ? entry.Value.Location : Table.Location, KeyPath(key), reason);

    /// <summary>The error for a required key that was not written, at the table's header.</summary>
    public CaseFileException Missing(string key, string? why = null) =>
        new(Table.Location, KeyPath(key), why is null ? "missing required key" : $"missing required key ({why})");

    /// <summary>Rejects every key not in <paramref name="allowed"/>, with a suggestion.</summary>
    public void RejectUnknownKeys(IReadOnlyList<string> allowed, string? section)
    {
        foreach (LocatedTomlEntry entry in Table.Entries.Values)
        {
            if (!allowed.Contains(entry.Key))
            {
                string hint = CaseFileSchema.SuggestKey(entry.Key, allowed, section);
                throw new CaseFileException(entry.KeyLocation, KeyPath(entry.Key), $"unknown key{hint}");
            }
        }
    }

    /// <summary>A finite number (integer or float), or <c>null</c> when not written.</summary>
    public double? OptionalNumber(string key)
    {
        if (!Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return ToNumber(entry.Value, key, "");
    }

    /// <summary>A required finite number.</summary>
    public double Number(string key) => OptionalNumber(key) ?? throw Missing(key);

    /// <summary>A TOML integer in [<paramref name="minimum"/>, int.MaxValue], or <c>null</c> when not written.</summary>
    public long? OptionalInteger(string key, long minimum, long maximum = int.MaxValue)
    {
        if (!Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return ToInteger(entry.Value, key, "", minimum, maximum);
    }

    /// <summary>A string, or <c>null</c> when not written.</summary>
    public string? OptionalString(string key)
    {
        if (!Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return entry.Value is LocatedTomlScalar { Value: string text }
            ? text
            : throw Error(key, $"expected a string, got {Describe(entry.Value)}");
    }

    /// <summary>One of the spellings of <typeparamref name="TChoice"/>, or <paramref name="fallback"/> when not written.</summary>
    public TChoice Choice<TChoice>(string key, TChoice fallback)
        where TChoice : struct, Enum
    {
        string? name = OptionalString(key);
        if (name is null)
        {
            return fallback;
        }

        if (CaseChoiceNames.TryParse(name, out TChoice value))
        {
            return value;
        }

        IReadOnlyList<string> allowed = CaseChoiceNames.AllowedNames<TChoice>();
        string? closest = EditDistance.Closest(name, allowed);
        string hint = closest is null ? "" : $"; did you mean \"{closest}\"?";
        throw Error(key, $"unknown value \"{name}\" (allowed: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}){hint}");
    }

    /// <summary>An array of finite numbers, or <c>null</c> when not written.</summary>
    public ImmutableArray<double>? OptionalVector(string key)
    {
        if (!Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return ToVector(entry.Value, key, "");
    }

    /// <summary>Reads <paramref name="node"/> as an array of finite numbers; <paramref name="what"/> prefixes messages (e.g. "probe 2: ").</summary>
    public ImmutableArray<double> ToVector(LocatedTomlNode node, string key, string what)
    {
        if (node is not LocatedTomlArray array)
        {
            throw new CaseFileException(node.Location, KeyPath(key), $"{what}expected an array of numbers, got {Describe(node)}");
        }

        var values = ImmutableArray.CreateBuilder<double>(array.Items.Count);
        for (int k = 0; k < array.Items.Count; k++)
        {
            values.Add(ToNumber(array.Items[k], key, $"{what}item {k + 1}: "));
        }

        return values.MoveToImmutable();
    }

    /// <summary>An expression compiled with <paramref name="allowed"/> variables, or <c>null</c> when not written.</summary>
    public CompiledExpression? OptionalExpression(string key, ExpressionVariables allowed)
    {
        string? text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        try
        {
            return ExpressionCompiler.Compile(text, allowed);
        }
        catch (ExpressionException exception)
        {
            var scalar = (LocatedTomlScalar)Table.Entries[key].Value;
            throw new CaseFileException(scalar.LocateInsideString(exception.Column), KeyPath(key), $"in \"{text}\": {exception.Message}", exception);
        }
    }

    /// <summary>The sub-table <paramref name="key"/>, or <c>null</c> when not written.</summary>
    public SectionReader? OptionalTable(string key)
    {
        if (!Table.Entries.TryGetValue(key, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return entry.Value is LocatedTomlTable child
            ? new SectionReader(child, KeyPath(key))
            : throw Error(key, $"expected a table, got {Describe(entry.Value)}");
    }

    /// <summary>The number in <paramref name="node"/>: an integer or a finite float.</summary>
    public double ToNumber(LocatedTomlNode node, string key, string what)
    {
        double value = node switch
        {
            LocatedTomlScalar { Value: long integer } => integer,
            LocatedTomlScalar { Value: double real } => real,
            _ => throw new CaseFileException(node.Location, KeyPath(key), $"{what}expected a number, got {Describe(node)}"),
        };
        if (!double.IsFinite(value))
        {
            throw new CaseFileException(node.Location, KeyPath(key), $"{what}must be finite, got {node.Display}");
        }

        return value;
    }

    private long ToInteger(LocatedTomlNode node, string key, string what, long minimum, long maximum)
    {
        if (node is not LocatedTomlScalar { Value: long value })
        {
            string got = node is LocatedTomlScalar { Value: double } ? $"the float {node.Display}" : Describe(node);
            throw new CaseFileException(node.Location, KeyPath(key), $"{what}expected an integer, got {got}");
        }

        if (value < minimum || value > maximum)
        {
            string range = maximum == int.MaxValue ? $"must be ≥ {minimum}" : $"must be in [{minimum}, {maximum}]";
            throw new CaseFileException(node.Location, KeyPath(key), $"{what}{range}, got {node.Display}");
        }

        return value;
    }

    /// <summary>Reads <paramref name="node"/> as an array of integers ≥ <paramref name="minimum"/>.</summary>
    public ImmutableArray<int> ToIntegerVector(LocatedTomlNode node, string key, long minimum)
    {
        if (node is not LocatedTomlArray array)
        {
            throw new CaseFileException(node.Location, KeyPath(key), $"expected an array of integers, got {Describe(node)}");
        }

        var values = ImmutableArray.CreateBuilder<int>(array.Items.Count);
        for (int k = 0; k < array.Items.Count; k++)
        {
            values.Add((int)ToInteger(array.Items[k], key, $"item {k + 1}: ", minimum, int.MaxValue));
        }

        return values.MoveToImmutable();
    }

    /// <summary>The value as named in a type error: <c>string "one"</c>, <c>boolean true</c>, <c>an array of 2</c>.</summary>
    public static string Describe(LocatedTomlNode node) =>
        node is LocatedTomlScalar ? $"{node.TypeName} {node.Display}" : node.Display;

    /// <summary>Formats a number for messages with round-trip precision.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
