using System.Collections.Immutable;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Toml;

/// <summary>
/// Typed, located access to one table of a case or study file, driven by the file's key table:
/// <c>reader.Read(CaseKeys.Flow.Alpha)</c> checks the type and range the key declares and returns
/// its default when it is not written. Every failure is a <see cref="CaseFileException"/> at the
/// value's line and column naming the key.
/// </summary>
internal sealed partial class SectionReader(LocatedTomlTable table, string path, TomlKeyTable keys)
{
    /// <summary>The table's dotted path, e.g. <c>flow</c> or <c>output.regions.left</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The table read.</summary>
    public LocatedTomlTable Table { get; } = table;

    /// <summary>The key table of the file.</summary>
    public TomlKeyTable Keys { get; } = keys;

    /// <summary>Whether <paramref name="key"/> was written.</summary>
    public bool Has(TomlKey key) => Table.Entries.ContainsKey(key.Name);

    /// <summary>The dotted path of the key <paramref name="name"/> in this table.</summary>
    public string KeyPath(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>An error at the value of <paramref name="key"/> (at the table when it was not written).</summary>
    public CaseFileException Error(TomlKey key, string reason) => Error(key.Name, reason);

    /// <summary>An error at the value of the key <paramref name="name"/> (at the table when it was not written).</summary>
    public CaseFileException Error(string name, string reason) =>
        new(Table.Entries.TryGetValue(name, out LocatedTomlEntry? entry) ? entry.Value.Location : Table.Location, KeyPath(name), reason);

    /// <summary>The error for a required key that was not written, at the table's header.</summary>
    public CaseFileException Missing(TomlKey key, string? why = null) =>
        new(Table.Location, KeyPath(key.Name), why is null ? "missing required key" : $"missing required key ({why})");

    /// <summary>Rejects every key not declared in <paramref name="section"/>, with a hint from the key table.</summary>
    public void RejectUnknownKeys(TomlSection section)
    {
        IReadOnlyList<string> allowed = section.KeyNames;
        string? current = section.IsTopLevel ? null : section.Name.Split('.')[0];
        foreach (LocatedTomlEntry entry in Table.Entries.Values)
        {
            if (!allowed.Contains(entry.Key))
            {
                throw new CaseFileException(entry.KeyLocation, KeyPath(entry.Key), $"unknown key{Keys.SuggestKey(entry.Key, allowed, current)}");
            }
        }
    }

    /// <summary>A number in the key's range; its default (or null) when not written; an error when required and not written.</summary>
    public double? Read(NumberKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : key.Default;
        }

        double value = ToNumber(entry.Value, key.Name, "");
        return key.Range.Contains(value) ? value : throw Error(key, $"must be {key.Range.Describe()}, got {TomlText.Format(value)}");
    }

    /// <summary>A number that has a default or is required.</summary>
    public double Value(NumberKey key) => Read(key) ?? throw new InvalidOperationException($"{key.Path} has no default");

    /// <summary>An integer in the key's range; its default (or null) when not written.</summary>
    public long? Read(IntegerKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : key.Default;
        }

        return ToInteger(entry.Value, key.Name, "", key.Minimum, key.Maximum);
    }

    /// <summary>An integer that has a default or is required.</summary>
    public long Value(IntegerKey key) => Read(key) ?? throw new InvalidOperationException($"{key.Path} has no default");

    /// <summary>A string, or null when not written.</summary>
    public string? Read(TextKey key) => ReadString(key);

    /// <summary>One of the key's spellings; its default (or null) when not written.</summary>
    public TChoice? Read<TChoice>(ChoiceKey<TChoice> key)
        where TChoice : struct, Enum
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key, Alternatives(key.Spellings.Names)) : key.Default;
        }

        return ToChoice(entry.Value, key.Name, key.Spellings, "");
    }

    /// <summary>A choice that has a default or is required.</summary>
    public TChoice Value<TChoice>(ChoiceKey<TChoice> key)
        where TChoice : struct, Enum => Read(key) ?? throw new InvalidOperationException($"{key.Path} has no default");

    /// <summary>An array of the key's spellings, or null when not written.</summary>
    public ImmutableArray<TChoice>? Read<TChoice>(ChoiceArrayKey<TChoice> key)
        where TChoice : struct, Enum
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : null;
        }

        if (entry.Value is not LocatedTomlArray array)
        {
            throw Error(key, $"expected an array of strings, got {Describe(entry.Value)}");
        }

        var values = ImmutableArray.CreateBuilder<TChoice>(array.Items.Count);
        for (int k = 0; k < array.Items.Count; k++)
        {
            values.Add(ToChoice(array.Items[k], key.Name, key.Spellings, $"item {k + 1}: "));
        }

        return values.MoveToImmutable();
    }

    /// <summary>An expression in <paramref name="space"/> (and <c>t</c> when the key allows it), compiled; null when not written.</summary>
    public CompiledExpression? Read(ExpressionKey key, ExpressionVariables space)
    {
        string? text = ReadString(key);
        if (text is null)
        {
            return null;
        }

        try
        {
            return ExpressionCompiler.Compile(text, key.UsesTime ? space | ExpressionVariables.T : space);
        }
        catch (ExpressionException exception)
        {
            var scalar = (LocatedTomlScalar)Table.Entries[key.Name].Value;
            throw new CaseFileException(scalar.LocateInsideString(exception.Column), KeyPath(key.Name), $"in \"{text}\": {exception.Message}", exception);
        }
    }

    /// <summary>An array of numbers in the key's range; null when not written or when the key's word is written instead.</summary>
    public ImmutableArray<double>? Read(NumberArrayKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : null;
        }

        if (key.Word is string word && entry.Value is LocatedTomlScalar { Value: string text })
        {
            return text == word ? null : throw Error(key, $"must be \"{word}\" or an array of numbers, got string \"{text}\"");
        }

        ImmutableArray<double> values = ToVector(entry.Value, key.Name, "");
        for (int k = 0; k < values.Length; k++)
        {
            if (!key.Range.Contains(values[k]))
            {
                throw Error(key, $"item {k + 1}: must be {key.Range.Describe()}, got {TomlText.Format(values[k])}");
            }
        }

        return values;
    }

    /// <summary>An array of integers ≥ the key's minimum, or null when not written.</summary>
    public ImmutableArray<int>? Read(IntegerArrayKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return key.Required ? throw Missing(key) : null;
        }

        if (entry.Value is not LocatedTomlArray array)
        {
            throw Error(key, $"expected an array of integers, got {Describe(entry.Value)}");
        }

        var values = ImmutableArray.CreateBuilder<int>(array.Items.Count);
        for (int k = 0; k < array.Items.Count; k++)
        {
            values.Add((int)ToInteger(array.Items[k], key.Name, $"item {k + 1}: ", key.Minimum, int.MaxValue));
        }

        return values.MoveToImmutable();
    }

    /// <summary>A number in the key's range, or null for the key's word (written or by default).</summary>
    public double? Read(NumberOrWordKey key)
    {
        if (!Table.Entries.TryGetValue(key.Name, out LocatedTomlEntry? entry))
        {
            return null;
        }

        if (entry.Value is LocatedTomlScalar { Value: string text })
        {
            string number = key.Range == NumberRange.Positive ? "a positive number" : $"a number {key.Range.Describe()}";
            return text == key.Word ? null : throw Error(key, $"expected {number} or \"{key.Word}\", got string \"{text}\"");
        }

        double value = ToNumber(entry.Value, key.Name, "");
        return key.Range.Contains(value) ? value : throw Error(key, $"must be {key.Range.Describe()} (or \"{key.Word}\"), got {TomlText.Format(value)}");
    }

    /// <summary>The sub-table <paramref name="name"/>, or <c>null</c> when not written.</summary>
    public SectionReader? SubTable(string name)
    {
        if (!Table.Entries.TryGetValue(name, out LocatedTomlEntry? entry))
        {
            return null;
        }

        return entry.Value is LocatedTomlTable child
            ? new SectionReader(child, KeyPath(name), Keys)
            : throw Error(name, $"expected a table, got {Describe(entry.Value)}");
    }
}
