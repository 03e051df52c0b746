using System.CommandLine;
using PdeFlows.Cli.Running;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows run CASE.toml [--out RUN] [--summary S.json] [--resume] [--quiet]</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var caseFile = new Argument<string>("CASE") { Description = "The case file (TOML)." };
        var output = new Option<string?>("--out") { Description = "Result directory: HDF5 fields per output time, XDMF index, checkpoints, consolidated result.h5." };
        var summary = new Option<string?>("--summary") { Description = "Write the JSON summary (energy, mass, moments, dissipation, EDB defect, regions, probes per output time)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last complete checkpoint." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on stderr." };
        var command = new Command("run", "Solve one case file; write HDF5 + XDMF fields and a JSON summary.") { caseFile, output, summary, resume, quiet };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var options = new RunOptions(parse.GetValue(caseFile)!, parse.GetValue(output), parse.GetValue(summary), parse.GetValue(resume), parse.GetValue(quiet));
            bool interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            return ErrorReporting.Guard("run", stderr, () => RunInvocation.Execute(options, stderr, interactive));
        });
        return command;
    }
}
