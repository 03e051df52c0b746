using PdeFlows.Runs.Cases;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace PdeFlows.Runs.Toml;

/// <summary>
/// Parses TOML text with Tomlyn's lossless syntax parser (which keeps line and column spans)
/// and builds a <see cref="LocatedTomlTable"/> tree. Tomlyn's object mapping is not used: it
/// ignores unknown keys silently, and every error here must name its line.
/// </summary>
internal static class LocatedTomlBuilder
{
    /// <summary>Parses <paramref name="text"/>; the root table's location is line 1, column 1.</summary>
    /// <exception cref="CaseFileException">A TOML syntax error, a duplicate key or an array of tables.</exception>
    public static LocatedTomlTable Build(string text, string file)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, file, validate: true);
        }
        catch (Exception exception) when (exception is not CaseFileException)
        {
            throw new CaseFileException(file, 1, null, null, $"TOML syntax error: {exception.Message}", exception);
        }

        foreach (DiagnosticMessage diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
            {
                // Tomlyn runs an unclosed string on over the line end and complains lines later.
                SourceLocation location = Locate(diagnostic.Span.Start, file);
                if (UnterminatedString.Find(text) is (int line, int column) && line <= location.Line)
                {
                    throw new CaseFileException(new SourceLocation(file, line, column), null, "TOML syntax error: the string opened here is not closed on its line (a \" or ' is missing)");
                }

                throw new CaseFileException(location, null, $"TOML syntax error: {diagnostic.Message}");
            }
        }

        var root = new LocatedTomlTable(new SourceLocation(file, 1, 1));
        foreach (KeyValueSyntax keyValue in document.KeyValues)
        {
            AddKeyValue(root, "", keyValue, file);
        }

        foreach (TableSyntaxBase table in document.Tables)
        {
            SourceLocation header = Locate(table.Span.Start, file);
            List<(string Name, SourceLocation Location)> name = KeyParts(table.Name!, file);
            string path = string.Join('.', name.Select(n => n.Name));
            if (table is TableArraySyntax)
            {
                throw new CaseFileException(header, path, "arrays of tables ([[...]]) are not used in case or study files");
            }

            LocatedTomlTable target = root;
            string prefix = "";
            for (int k = 0; k < name.Count; k++)
            {
                target = Descend(target, prefix, name[k].Name, name[k].Location, header);
                prefix = Join(prefix, name[k].Name);
            }

            if (target.HasHeader)
            {
                throw new CaseFileException(header, path, "the section is written twice");
            }

            target.HasHeader = true;
            foreach (KeyValueSyntax keyValue in table.Items)
            {
                AddKeyValue(target, path, keyValue, file);
            }
        }

        return root;
    }

    private static void AddKeyValue(LocatedTomlTable table, string tablePath, KeyValueSyntax keyValue, string file)
    {
        List<(string Name, SourceLocation Location)> parts = KeyParts(keyValue.Key!, file);
        LocatedTomlTable target = table;
        string prefix = tablePath;
        for (int k = 0; k < parts.Count - 1; k++)
        {
            target = Descend(target, prefix, parts[k].Name, parts[k].Location, parts[k].Location);
            prefix = Join(prefix, parts[k].Name);
        }

        (string last, SourceLocation keyLocation) = parts[^1];
        if (target.Entries.ContainsKey(last))
        {
            throw new CaseFileException(keyLocation, Join(prefix, last), "the key is written twice");
        }

        LocatedTomlNode value = Convert(keyValue.Value!, file, Join(prefix, last));
        target.Entries.Add(last, new LocatedTomlEntry(last, keyLocation, value));
    }

    /// <summary>The child table <paramref name="name"/> of <paramref name="table"/>, created when absent.</summary>
    private static LocatedTomlTable Descend(LocatedTomlTable table, string prefix, string name, SourceLocation keyLocation, SourceLocation tableLocation)
    {
        if (table.Entries.TryGetValue(name, out LocatedTomlEntry? existing))
        {
            if (existing.Value is LocatedTomlTable child)
            {
                return child;
            }

            throw new CaseFileException(keyLocation, Join(prefix, name), $"already set to {existing.Value.TypeName} {existing.Value.Display} on line {existing.KeyLocation.Line}");
        }

        var created = new LocatedTomlTable(tableLocation);
        table.Entries.Add(name, new LocatedTomlEntry(name, keyLocation, created));
        return created;
    }

    private static LocatedTomlNode Convert(ValueSyntax value, string file, string path)
    {
        SourceLocation location = Locate(value.Span.Start, file);
        switch (value)
        {
            case StringValueSyntax s:
                return new LocatedTomlScalar(location, s.Value ?? "", "string", s.Token?.Text ?? $"\"{s.Value}\"");
            case IntegerValueSyntax i:
                return new LocatedTomlScalar(location, i.Value, "integer", i.Token?.Text ?? i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case FloatValueSyntax f:
                return new LocatedTomlScalar(location, f.Value, "float", f.Token?.Text ?? f.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            case BooleanValueSyntax b:
                return new LocatedTomlScalar(location, b.Value, "boolean", b.Value ? "true" : "false");
            case DateTimeValueSyntax d:
                return new LocatedTomlScalar(location, d.Value, "date-time", d.Token?.Text ?? "a date");
            case ArraySyntax a:
                var items = new List<LocatedTomlNode>();
                foreach (ArrayItemSyntax item in a.Items)
                {
                    items.Add(Convert(item.Value!, file, path));
                }

                return new LocatedTomlArray(location, items);
            case InlineTableSyntax t:
                var table = new LocatedTomlTable(location);
                foreach (InlineTableItemSyntax item in t.Items)
                {
                    AddKeyValue(table, path, item.KeyValue!, file);
                }

                return table;
            default:
                throw new CaseFileException(location, path, $"unsupported TOML value '{value}'");
        }
    }

    private static List<(string Name, SourceLocation Location)> KeyParts(KeySyntax key, string file)
    {
        var parts = new List<(string, SourceLocation)> { (KeyText(key.Key!), Locate(key.Key!.Span.Start, file)) };
        foreach (DottedKeyItemSyntax dotted in key.DotKeys)
        {
            parts.Add((KeyText(dotted.Key!), Locate(dotted.Key!.Span.Start, file)));
        }

        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => key.ToString() ?? "",
    };

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static SourceLocation Locate(TextPosition position, string file) => new(file, position.Line + 1, position.Column + 1);
}
