namespace PdeFlows.IO;

/// <summary>
/// A result file, step file, series file or checkpoint could not be read: names the file and what
/// is wrong with it, in the form <c>file: problem</c>. Every read failure of the io layer (not an
/// HDF5 file, truncated, a missing dataset, a wrong type or shape, a forbidden NaN) surfaces as
/// this exception; the library's own exception, if any, is kept as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class ResultFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file that was being read.</param>
    /// <param name="problem">What is wrong, without the file name.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public ResultFormatException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
