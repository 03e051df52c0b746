namespace PdeFlows.Mesh;

/// <summary>
/// A mesh file could not be read: names the file, the line (1-based, 0 when not tied to a line)
/// and what was expected, in the form <c>file:line: message</c>.
/// </summary>
public sealed class MeshFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MeshFormatException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0.</summary>
    public int Line { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }
}
