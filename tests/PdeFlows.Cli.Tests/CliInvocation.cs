namespace PdeFlows.Cli.Tests;

/// <summary>Runs <c>pdeflows</c> in process with both streams captured (the one helper the command tests share).</summary>
internal static class CliInvocation
{
    /// <summary>The exit code and what the command wrote to stdout and stderr.</summary>
    /// <param name="args">The command line, without the program name.</param>
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
