namespace PdeFlows.Flows.TimeStepping;

/// <summary>A numerical failure the run could not recover from; the message says which step and why (CLI exit code 1).</summary>
public sealed class FlowFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlowFailedException(double time, int step, string reason)
        : base($"the flow failed at step {step} (t = {time:G6}): {reason}")
    {
        Time = time;
        Step = step;
    }

    /// <summary>Time of the failed step.</summary>
    public double Time { get; }

    /// <summary>Index of the failed step.</summary>
    public int Step { get; }
}
