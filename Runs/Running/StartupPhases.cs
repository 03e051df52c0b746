using System.Diagnostics;

namespace PdeFlows.Runs.Running;

/// <summary>
/// Where a run's first few hundred milliseconds go: with the environment variable
/// <c>PDEFLOWS_PHASES=1</c>, <c>pdeflows run</c> prints on stderr, after it finishes, the end of each
/// phase (milliseconds since the process started) and its length (docs/performance.md, start-up).
/// Without it each mark is one static read.
/// </summary>
public static class StartupPhases
{
    private const int Capacity = 32;
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PDEFLOWS_PHASES") == "1";
    private static readonly string[] Names = new string[Capacity];
    private static readonly long[] Stamps = new long[Capacity];
    private static int count;

    /// <summary>Marks the end of the phase <paramref name="phase"/> (ignored unless enabled, and after the first 32 marks).</summary>
    /// <param name="phase">What the process has just finished, e.g. <c>mesh</c>.</param>
    public static void Mark(string phase)
    {
        if (!Enabled || count >= Capacity)
        {
            return;
        }

        Stamps[count] = Stopwatch.GetTimestamp();
        Names[count++] = phase;
    }

    /// <summary>Prints the phases to <paramref name="writer"/> when enabled.</summary>
    /// <param name="writer">Where to print (stderr).</param>
    public static void Report(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Enabled)
        {
            return;
        }

        // The runtime's start-up before Main has no mark of its own: it is measured from the process start.
        double sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        long now = Stopwatch.GetTimestamp();
        writer.WriteLine($"{"phase",-44} {"ends at [ms]",12} {"takes [ms]",12}");
        double previous = 0;
        for (int k = 0; k < count; k++)
        {
            double at = sinceStart - ((now - Stamps[k]) * 1000.0 / Stopwatch.Frequency);
            writer.WriteLine($"{Names[k],-44} {at,12:F1} {at - previous,12:F1}");
            previous = at;
        }
    }
}
