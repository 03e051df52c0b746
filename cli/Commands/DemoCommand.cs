using System.CommandLine;
using PdeFlows.Runs.Demo;

namespace PdeFlows.Cli.Commands;

/// <summary><c>pdeflows demo [--out DIR]</c>: the built-in end-to-end run and λ study (<see cref="Demonstration"/>).</summary>
internal static class DemoCommand
{
    /// <summary>The folder used when <c>--out</c> is not given.</summary>
    public const string DefaultOutput = "demo-out";

    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = $"Folder for the case files, results, pictures and report (default: ./{DefaultOutput})." };
        var command = new Command("demo", "The built-in default: a bimodal SWFR run with W and SFR for contrast, and a kernel λ sweep; under a minute.") { output };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("demo", stderr, () =>
            {
                string folder = parse.GetValue(output) ?? DefaultOutput;
                WritableFolder.Ensure(folder, "--out DIR");
                stderr.WriteLine($"pdeflows demo: writing to {Path.GetFullPath(folder)}");
                var outcome = Demonstration.Run(folder, DemoOptions.Default with { Log = line => stderr.WriteLine($"  {line}") });
                stdout.WriteLine($"report:   {outcome.ReportPath}");
                stdout.WriteLine($"figures:  {Path.GetDirectoryName(outcome.Figures[0])}/ ({string.Join(", ", outcome.Figures.Select(Path.GetFileName))})");
                stdout.WriteLine($"results:  {Path.Combine(outcome.OutputDirectory, "runs")}/ ({outcome.ResultDirectories.Count} runs; open */result.xdmf in ParaView)");
                stdout.WriteLine($"cases:    {Path.Combine(outcome.OutputDirectory, "cases")}/ (rerun with 'pdeflows run CASE --out DIR')");
                stdout.WriteLine($"λ table:  {outcome.TableFiles[0]}");
                stdout.WriteLine($"done in {outcome.WallSeconds:F1} s");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
