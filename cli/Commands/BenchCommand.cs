using System.CommandLine;
using PdeFlows.Cli.Bench;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows bench [--quick]</c>: the macro benchmark table.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Smaller grids (100×100 instead of 200×200)." };
        var command = new Command("bench", "The macro benchmark table.") { quick };
        command.SetAction(parse => ErrorReporting.Guard("bench", parse.InvocationConfiguration.Error,
            () => MacroBenchmark.Run(parse.InvocationConfiguration.Output, parse.GetValue(quick))));
        return command;
    }
}
