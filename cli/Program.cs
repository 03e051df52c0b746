namespace PdeFlows.Cli;

/// <summary>The <c>pdeflows</c> executable: parses the command line and dispatches.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        Runs.Running.StartupPhases.Mark("runtime start-up (before Main)");
        int code = CommandLineApp.Run(args, Console.Out, Console.Error);
        Runs.Running.StartupPhases.Mark("closing (summary, output, exit)");
        Runs.Running.StartupPhases.Report(Console.Error);
        return code;
    }
}
