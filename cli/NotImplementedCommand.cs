using System.CommandLine;

namespace PdeFlows.Cli;

/// <summary>
/// A command of the public interface whose implementation has not landed yet. It accepts the
/// documented arguments (so scripts can be written against it) and says honestly that it is
/// not implemented yet, exiting with code 2.
/// </summary>
internal static class NotImplementedCommand
{
    /// <summary>Creates the stub command.</summary>
    public static Command Create(string name, string description, string issue, string? withFileArgument, params string[] options)
    {
        var command = new Command(name, description);
        if (withFileArgument is not null)
        {
            command.Arguments.Add(new Argument<string>(withFileArgument) { Arity = ArgumentArity.ZeroOrOne });
        }

        foreach (string option in options)
        {
            bool isFlag = option is "--resume" or "--quiet";
            command.Options.Add(isFlag ? new Option<bool>(option) : new Option<string>(option));
        }

        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine(
                $"pdeflows {name}: not implemented yet (tracked in issue {issue}).");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
