using System.CommandLine;
using PdeFlows.Cli.Bench;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows bench [--quick] [--tiny] [--cases DIR] [--profile CASE] [--threads N]</c>: the macro benchmark table.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Leave out the largest case (the 64³ box)." };
        var tiny = new Option<bool>("--tiny") { Description = "Shrink every case to a few cells and steps (a smoke test; CI runs it)." };
        var cases = new Option<string?>("--cases") { Description = "Folder of the benchmark case files (default: bench/cases above the current folder)." };
        var profile = new Option<string?>("--profile") { Description = "Split one case's time by phase (a case name from the suite or a .toml path) instead of the table." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the parallel loops (default: all cores); results do not depend on it." };
        var command = new Command("bench", "The macro benchmark table (bench/cases), with the memory-bandwidth bound of the linear solves.") { quick, tiny, cases, profile, threads };
        command.SetAction(parse => ErrorReporting.Guard("bench", parse.InvocationConfiguration.Error, () =>
        {
            int? count = parse.GetValue(threads);
            if (count is < 1)
            {
                throw new UserError($"--threads must be at least 1, got {count}");
            }

            return MacroBenchmark.Run(parse.InvocationConfiguration.Output, new BenchOptions(parse.GetValue(quick), parse.GetValue(tiny), parse.GetValue(cases), parse.GetValue(profile), count));
        }));
        return command;
    }
}
