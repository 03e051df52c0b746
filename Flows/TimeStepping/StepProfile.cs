using System.Diagnostics;

namespace PdeFlows.Flows.TimeStepping;

/// <summary>
/// Where the time of accepted and rejected steps goes, by phase (set <see cref="SplittingFlowSolver.Profile"/>
/// to collect it; `pdeflows bench --profile` prints it). Timestamps cost ~20 ns each, a few per step.
/// </summary>
public sealed class StepProfile
{
    private readonly long[] ticks = new long[Enum.GetValues<StepPhase>().Length];

    /// <summary>Steps taken (accepted and rejected).</summary>
    public long Steps { get; internal set; }

    /// <summary>Seconds spent in <paramref name="phase"/>.</summary>
    public double Seconds(StepPhase phase) => (double)ticks[(int)phase] / Stopwatch.Frequency;

    internal void Add(StepPhase phase, long start, long end) => ticks[(int)phase] += end - start;
}

/// <summary>The phases of a splitting step.</summary>
public enum StepPhase
{
    /// <summary>The reaction substeps (both halves for `strang`).</summary>
    Reaction,

    /// <summary>The transport step (right-hand sides, linear solves, mass correction).</summary>
    Transport,

    /// <summary>Energy and dissipation of the new state for the EDB defect.</summary>
    Diagnostics,

    /// <summary>The per-step callback (progress, checkpoints).</summary>
    Callback,
}
