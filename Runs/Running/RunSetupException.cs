namespace PdeFlows.Runs.Running;

/// <summary>
/// A run cannot start as asked: the result directory already holds a result, there is no checkpoint
/// to resume from, or a checkpoint does not fit the case. Bad input (exit code 2), with a hint.
/// </summary>
public sealed class RunSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">What to try instead, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RunSetupException(string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
    }

    /// <summary>What to try instead, or null.</summary>
    public string? Hint { get; }
}
