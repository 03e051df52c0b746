namespace PdeFlows.Cli;

/// <summary>A usage or input error with a message for the user (exit code 2, no stack trace).</summary>
public sealed class UserError : Exception
{
    /// <summary>Creates the error; <paramref name="hint"/> is printed on a second line when given.</summary>
    public UserError(string message, string? hint = null)
        : base(message)
    {
        Hint = hint;
    }

    /// <summary>What to try instead.</summary>
    public string? Hint { get; }
}
