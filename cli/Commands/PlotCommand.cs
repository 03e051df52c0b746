using System.CommandLine;
using PdeFlows.Runs.Running;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows plot RUN [--out DIR]</c>: PNG pictures of the fields and of the series over time.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var result = new Argument<string>("RUN") { Description = "A result directory (from run --out) or its result.h5." };
        var output = new Option<string?>("--out") { Description = "Folder for the PNG files (default: RUN/plots)." };
        var command = new Command("plot", "PNG pictures of fields and of energy/dissipation over time.") { result, output };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("plot", stderr, () =>
            {
                string path = parse.GetValue(result)!;
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new UserError($"'{path}' does not exist", "give a directory written by 'pdeflows run --out' or its result.h5");
                }

                string folder = parse.GetValue(output) ?? Path.Combine(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!, "plots");
                WritableFolder.Ensure(folder, "--out DIR");

                foreach (string file in ResultPlotter.PlotAll(path, folder))
                {
                    parse.InvocationConfiguration.Output.WriteLine(file);
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }
}
