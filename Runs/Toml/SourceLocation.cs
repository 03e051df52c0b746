namespace PdeFlows.Runs.Toml;

/// <summary>A place in a case file: the file name as displayed, a 1-based line and a 1-based column.</summary>
/// <param name="File">The file name as it appears in messages (e.g. <c>case.toml</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <remarks>
/// A class, not a struct: every case file fills a dictionary and lists of locations, and collections
/// of a value type are generic instantiations that ReadyToRun cannot precompile, so the JIT compiled
/// them at every start (docs/performance.md, start-up).
/// </remarks>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>Moves the column by <paramref name="offset"/> characters on the same line.</summary>
    /// <param name="offset">Number of characters to the right.</param>
    /// <returns>The shifted location.</returns>
    public SourceLocation ShiftedBy(int offset) => this with { Column = Column + offset };

    /// <summary><c>file:line:column</c>.</summary>
    /// <returns>The location as a compiler-style prefix.</returns>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
