using System.CommandLine;
using PdeFlows.IO;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows info RUN</c>: what a result holds, without loading its fields.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var result = new Argument<string>("RUN") { Description = "A result directory (from run --out) or its result.h5." };
        var command = new Command("info", "Describe a result file without loading its fields.") { result };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("info", stderr, () =>
            {
                string path = parse.GetValue(result)!;
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new UserError($"'{path}' does not exist", "give a directory written by 'pdeflows run --out' or its result.h5");
                }

                parse.InvocationConfiguration.Output.WriteLine(ResultInfo.Describe(path).ToText().TrimEnd());
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
