using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// A user error in a case or study file. The message names the file, the line (and column when known) and
/// the key: <c>case.toml:12:9: [flow] alpha: must be ≥ 0, got -1</c>.
/// </summary>
public sealed class CaseFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file name as displayed.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column, or <c>null</c> when unknown.</param>
    /// <param name="key">The dotted key path (<c>flow.alpha</c>, a section <c>kernel</c>, <c>name</c>), or <c>null</c> for an error of the whole file (TOML syntax, unreadable file).</param>
    /// <param name="reason">What is wrong, without the location prefix.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CaseFileException(string file, int line, int? column, string? key, string reason, Exception? innerException = null)
        : base(Format(file, line, column, key, reason), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Reason = reason;
    }

    /// <summary>Creates the exception at <paramref name="location"/>.</summary>
    /// <param name="location">Where the error is.</param>
    /// <param name="key">The dotted key path, or <c>null</c>.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CaseFileException(SourceLocation location, string? key, string reason, Exception? innerException = null)
        : this(location.File, location.Line, location.Column, key, reason, innerException)
    {
    }

    /// <summary>The file name as displayed.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, or <c>null</c> when unknown.</summary>
    public int? Column { get; }

    /// <summary>The dotted key path (e.g. <c>flow.alpha</c>), or <c>null</c> for an error of the whole file (TOML syntax, unreadable file).</summary>
    public string? Key { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    /// <summary>
    /// The key as shown in messages: <c>[flow] alpha</c> for a key in a section, <c>[kernel]</c> for
    /// a section, <c>name</c> for a top-level key.
    /// </summary>
    /// <param name="key">A dotted key path.</param>
    /// <returns>The display form.</returns>
    public static string DisplayKey(string key)
    {
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return CaseKeys.Table.IsSection(key) ? $"[{key}]" : key;
        }

        return $"[{key[..dot]}] {key[(dot + 1)..]}";
    }

    private static string Format(string file, int line, int? column, string? key, string reason)
    {
        string where = column is int c ? $"{file}:{line}:{c}" : $"{file}:{line}";
        return key is null ? $"{where}: {reason}" : $"{where}: {DisplayKey(key)}: {reason}";
    }
}
