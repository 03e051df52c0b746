using System.Diagnostics;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Running;

namespace PdeFlows.Cli.Running;

/// <summary>
/// Progress of a run on stderr: nothing for runs shorter than a second; then, on a terminal, one
/// live line (bar, time, step, energy, ETA) redrawn in place, and otherwise a plain line every few
/// seconds (logs and CI stay readable). <c>--quiet</c> turns it off.
/// </summary>
internal sealed class ProgressReporter : IRunProgress
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly TextWriter output;
    private readonly bool interactive;
    private readonly bool enabled;
    private double startTime;
    private double endTime;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastReport = TimeSpan.Zero;
    private bool drewLiveLine;

    /// <summary>Creates the reporter; the run's times come with <see cref="Begin"/>.</summary>
    public ProgressReporter(TextWriter output, bool quiet, bool interactive)
    {
        this.output = output;
        this.interactive = interactive;
        enabled = !quiet;
    }

    /// <inheritdoc/>
    public void Begin(double startTime, double endTime)
    {
        this.startTime = startTime;
        this.endTime = endTime;
    }

    /// <inheritdoc/>
    public void Step(FlowState state, Func<double> energy) => Report(state.Time, state.Step, energy);

    /// <summary>Reports the state after a step (cheap unless a line is due; <paramref name="energy"/> is evaluated only then).</summary>
    public void Report(double time, int step, Func<double> energy)
    {
        var elapsed = clock.Elapsed;
        var interval = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (!enabled || elapsed < Delay || elapsed - lastReport < interval)
        {
            return;
        }

        lastReport = elapsed;
        double fraction = endTime > startTime ? Math.Clamp((time - startTime) / (endTime - startTime), 0, 1) : 1;
        string eta = fraction > 0 ? $"{(elapsed.TotalSeconds * (1 - fraction) / fraction):F0}s" : "?";
        string text = $"t = {time:G4}/{endTime:G4}  step {step}  E = {energy():E4}  ETA {eta}";
        if (interactive)
        {
            int filled = (int)Math.Round(fraction * 30);
            output.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,3:F0}%  {text}   ");
            drewLiveLine = true;
        }
        else
        {
            output.WriteLine($"progress: {fraction * 100:F0}%  {text}");
        }
    }

    /// <summary>Ends the live line, if one was drawn.</summary>
    /// <remarks>The <see cref="IRunProgress.Finish"/> of the run.</remarks>
    public void Finish()
    {
        if (drewLiveLine)
        {
            // Redraw the bar full, so the terminal does not keep the last partial percentage.
            output.Write($"\r[{new string('#', 30)}] 100%  t = {endTime:G4}/{endTime:G4}  done in {clock.Elapsed.TotalSeconds:F1} s".PadRight(100));
            output.WriteLine();
        }
    }
}
