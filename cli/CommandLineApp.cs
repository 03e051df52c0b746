using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;

namespace PdeFlows.Cli;

/// <summary>
/// Builds the command tree of <c>pdeflows</c>. Each command's action lives in its own file;
/// this class only wires options to actions and maps parse errors to exit code 2.
/// </summary>
public static class CommandLineApp
{
    /// <summary>The product version printed by <c>--version</c>.</summary>
    public static string Version =>
        typeof(CommandLineApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?
            .InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Parses <paramref name="args"/>, runs the chosen command, returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = Build();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on parse errors; our contract says usage errors exit 2.
            // Report the most specific error: "unrecognized X" says more than "command missing".
            var error = parse.Errors.FirstOrDefault(e => e.Message.Contains("Unrecognized", StringComparison.Ordinal))
                ?? parse.Errors[0];
            stderr.WriteLine($"pdeflows: {error.Message}");
            stderr.WriteLine("hint: run 'pdeflows --help' for the commands and their options.");
            return ExitCodes.BadInput;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }

    private static RootCommand Build()
    {
        var root = new RootCommand(
            "PdeFlows: finite-element solver for exact Fisher-Rao and Wasserstein-Fisher-Rao " +
            "gradient flows, with a kernel (RKHS) comparator and a verification layer.");

        // The default --version prints the entry assembly's version (the test host's under tests).
        foreach (VersionOption option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersionAction();
        }

        root.Subcommands.Add(Commands.RunCommand.Create());
        root.Subcommands.Add(Commands.VerifyCommand.Create());
        root.Subcommands.Add(Commands.DemoCommand.Create());
        root.Subcommands.Add(Commands.InfoCommand.Create());
        root.Subcommands.Add(Commands.PlotCommand.Create());
        root.Subcommands.Add(Commands.BenchCommand.Create());
        root.Subcommands.Add(Commands.ReferenceCommand.Create());
        root.Subcommands.Add(Commands.MergeCommand.Create());
        return root;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
