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
        RootCommand root = Build(args);
        ParseResult parse = root.Parse(args);
        Runs.Running.StartupPhases.Mark("command line");
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

    /// <summary>The commands by name, in the order the help lists them.</summary>
    private static readonly (string Name, Func<Command> Create)[] CommandFactories =
    [
        ("run", Commands.RunCommand.Create),
        ("verify", Commands.VerifyCommand.Create),
        ("demo", Commands.DemoCommand.Create),
        ("info", Commands.InfoCommand.Create),
        ("plot", Commands.PlotCommand.Create),
        ("bench", Commands.BenchCommand.Create),
        ("reference", Commands.ReferenceCommand.Create),
        ("merge", Commands.MergeCommand.Create),
    ];

    private static RootCommand Build(string[] args)
    {
        var root = new RootCommand(
            "PdeFlows: finite-element solver for exact Fisher-Rao and Wasserstein-Fisher-Rao " +
            "gradient flows, with a kernel (RKHS) comparator and a verification layer.");

        // The default --version prints the entry assembly's version (the test host's under tests).
        foreach (var option in root.Options)
        {
            if (option is VersionOption)
            {
                option.Action = new PrintVersionAction();
            }
        }

        // `pdeflows run ...` needs only the run command: the tree is built only for the command named
        // first (its options, help and errors are the same in the full tree, where no sibling sees
        // another's arguments), which saves building the other seven at every start
        // (docs/performance.md, start-up). Anything else (help, a typo, no command) gets the full tree.
        string? named = null;
        foreach ((string name, _) in CommandFactories)
        {
            if (args.Length > 0 && args[0] == name)
            {
                named = name;
            }
        }

        foreach ((string name, Func<Command> create) in CommandFactories)
        {
            if (named is null || name == named)
            {
                root.Subcommands.Add(create());
            }
        }

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
