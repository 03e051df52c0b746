namespace PdeFlows.Cli;

/// <summary>Exit codes of the <c>pdeflows</c> command (the contract of docs/interfaces).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A numerical failure the run could not recover from.</summary>
    public const int NumericalFailure = 1;

    /// <summary>Bad input or usage; the message names the file, line and field.</summary>
    public const int BadInput = 2;
}
