using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[time]</c>: final time, step and splitting scheme.</summary>
/// <param name="End">Final time, finite and &gt; 0.</param>
/// <param name="Step">Time step, finite, &gt; 0 and ≤ <paramref name="End"/>.</param>
/// <param name="Scheme">The splitting scheme (default <c>lie-ie</c>).</param>
public sealed record TimeSection(double End, double Step, SplittingScheme Scheme);
