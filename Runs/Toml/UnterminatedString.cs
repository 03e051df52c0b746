namespace PdeFlows.Runs.Toml;

/// <summary>
/// Finds a single-line TOML string that is not closed on its line. Tomlyn continues such a string
/// over the line end and reports the first token after the next quote, lines later; when the
/// parser reports an error, this scan gives the line and column where the string was opened.
/// Comments, escapes and multi-line strings (<c>"""</c>, <c>'''</c>) are followed.
/// </summary>
internal static class UnterminatedString
{
    /// <summary>The 1-based line and column of the first unterminated single-line string, or null.</summary>
    /// <param name="text">The TOML text.</param>
    /// <returns>Where the string opens, or null when every string is closed.</returns>
    public static (int Line, int Column)? Find(string text)
    {
        string? multiLine = null; // the delimiter of the multi-line string we are in
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            int i = 0;
            while (i < line.Length)
            {
                if (multiLine is not null)
                {
                    int end = line.IndexOf(multiLine, i, StringComparison.Ordinal);
                    if (multiLine == "\"\"\"")
                    {
                        // Skip escaped characters inside a multi-line basic string.
                        while (end > 0 && CountBackslashes(line, end) % 2 == 1)
                        {
                            end = line.IndexOf(multiLine, end + 1, StringComparison.Ordinal);
                        }
                    }

                    if (end < 0)
                    {
                        break;
                    }

                    i = end + 3;
                    multiLine = null;
                    continue;
                }

                char c = line[i];
                if (c == '#')
                {
                    break;
                }

                if (c is '"' or '\'')
                {
                    string triple = new(c, 3);
                    if (string.CompareOrdinal(line, i, triple, 0, 3) == 0)
                    {
                        multiLine = triple;
                        i += 3;
                        continue;
                    }

                    int close = i + 1;
                    while (close < line.Length && !(line[close] == c && (c == '\'' || CountBackslashes(line, close) % 2 == 0)))
                    {
                        close++;
                    }

                    if (close >= line.Length)
                    {
                        return (n + 1, i + 1);
                    }

                    i = close + 1;
                    continue;
                }

                i++;
            }
        }

        return null;
    }

    /// <summary>The number of backslashes right before <paramref name="index"/>.</summary>
    private static int CountBackslashes(string line, int index)
    {
        int count = 0;
        for (int k = index - 1; k >= 0 && line[k] == '\\'; k--)
        {
            count++;
        }

        return count;
    }
}
