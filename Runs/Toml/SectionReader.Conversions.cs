using System.Collections.Immutable;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Toml;

/// <summary>The conversions of located TOML values behind the typed reads.</summary>
internal sealed partial class SectionReader
{
    /// <summary>The value as named in a type error: <c>string "one"</c>, <c>boolean true</c>, <c>an array of 2</c>.</summary>
    public static string Describe(LocatedTomlNode node) =>
        node is LocatedTomlScalar ? $"{node.TypeName} {node.Display}" : node.Display;

    /// <summary>The number in <paramref name="node"/>: an integer or a finite float; <paramref name="what"/> prefixes messages (e.g. "item 2: ").</summary>
    public double ToNumber(LocatedTomlNode node, string name, string what)
    {
        double value = node switch
        {
            LocatedTomlScalar { Value: long integer } => integer,
            LocatedTomlScalar { Value: double real } => real,
            _ => throw new CaseFileException(node.Location, KeyPath(name), $"{what}expected a number, got {Describe(node)}"),
        };
        if (!double.IsFinite(value))
        {
            throw new CaseFileException(node.Location, KeyPath(name), $"{what}must be finite, got {node.Display}");
        }

        return value;
    }

    /// <summary>Reads <paramref name="node"/> as an array of finite numbers.</summary>
    public ImmutableArray<double> ToVector(LocatedTomlNode node, string name, string what)
    {
        if (node is not LocatedTomlArray array)
        {
            throw new CaseFileException(node.Location, KeyPath(name), $"{what}expected an array of numbers, got {Describe(node)}");
        }

        var values = ImmutableArray.CreateBuilder<double>(array.Items.Count);
        for (int k = 0; k < array.Items.Count; k++)
        {
            values.Add(ToNumber(array.Items[k], name, $"{what}item {k + 1}: "));
        }

        return values.MoveToImmutable();
    }

    /// <summary>"a, b or c".</summary>
    private static string Alternatives(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Join("", names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private string? ReadString(TomlKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : null;
        }

        return entry.Value is LocatedTomlScalar { Value: string text }
            ? text
            : throw Error(key, $"expected a string, got {Describe(entry.Value)}");
    }

    private TChoice ToChoice<TChoice>(LocatedTomlNode node, string name, ChoiceSpellings<TChoice> spellings, string what)
        where TChoice : struct, Enum
    {
        if (node is not LocatedTomlScalar { Value: string text })
        {
            throw new CaseFileException(node.Location, KeyPath(name), $"{what}expected a string, got {Describe(node)}");
        }

        if (spellings.TryParse(text, out TChoice value))
        {
            return value;
        }

        string? closest = EditDistance.Closest(text, spellings.Names);
        string hint = closest is null ? "" : $"; did you mean \"{closest}\"?";
        throw new CaseFileException(node.Location, KeyPath(name), $"{what}unknown value \"{text}\" (allowed: {string.Join(", ", spellings.Names.Select(a => $"\"{a}\""))}){hint}");
    }

    private long ToInteger(LocatedTomlNode node, string name, string what, long minimum, long maximum)
    {
        if (node is not LocatedTomlScalar { Value: long value })
        {
            string got = node is LocatedTomlScalar { Value: double } ? $"the float {node.Display}" : Describe(node);
            throw new CaseFileException(node.Location, KeyPath(name), $"{what}expected an integer, got {got}");
        }

        if (value < minimum || value > maximum)
        {
            // Beyond int.MaxValue (no documented bound) the value cannot be stored: say so, not "must be ≥ min".
            string range = maximum != int.MaxValue ? $"must be in [{minimum}, {maximum}]"
                : value < minimum ? $"must be ≥ {minimum}"
                : $"must be at most {int.MaxValue} (the largest integer PdeFlows stores)";
            throw new CaseFileException(node.Location, KeyPath(name), $"{what}{range}, got {node.Display}");
        }

        return value;
    }
}
