namespace PdeFlows.Mesh;

/// <summary>Reads a .msh file line by line, skipping blank lines and counting line numbers (1-based) for error messages.</summary>
internal sealed class GmshLineReader
{
    private readonly TextReader reader;
    private int lineNumber;

    public GmshLineReader(TextReader reader, string file)
    {
        this.reader = reader;
        File = file;
    }

    /// <summary>The file name used in error messages.</summary>
    public string File { get; }

    /// <summary>Lines read so far, blank ones included.</summary>
    public int LinesRead => lineNumber;

    /// <summary>The next non-blank line, or null at the end of the file.</summary>
    public GmshLine? TryNext()
    {
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                return new GmshLine(File, lineNumber, text);
            }
        }

        return null;
    }

    /// <summary>The next non-blank line; at the end of the file, throws naming what was <paramref name="expected"/>.</summary>
    public GmshLine Next(string expected) =>
        TryNext() ?? throw new MeshFormatException(File, lineNumber + 1, $"unexpected end of file: expected {expected} (the file is truncated)");

    /// <summary>Reads the next line and throws unless it is exactly <paramref name="marker"/>.</summary>
    public GmshLine Expect(string marker, string context)
    {
        var line = Next(marker);
        return line.Text == marker ? line : throw line.Error($"expected {marker} {context}, found '{Shorten(line.Text)}'");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
