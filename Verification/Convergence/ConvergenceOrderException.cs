namespace PdeFlows.Verification.Convergence;

/// <summary>Thrown by <see cref="ConvergenceTable.AssertOrder"/> when the observed order misses the expected one; the message holds the whole table.</summary>
public sealed class ConvergenceOrderException : Exception
{
    /// <summary>Creates the exception from a failed verdict.</summary>
    public ConvergenceOrderException(OrderVerdict verdict)
        : base(verdict?.Message)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Verdict = verdict;
    }

    /// <summary>The failed verdict.</summary>
    public OrderVerdict Verdict { get; }
}
