using System.CommandLine;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Cli.Commands;

/// <summary>
/// <c>pdeflows verify STUDY.toml [--out DIR]</c> and <c>pdeflows verify --builtin NAME [--out DIR] [--page PAGE.md]</c>
/// (with <c>--shard I/N --out DIR</c>: one shard of the runs, <see cref="ShardedVerify"/>):
/// runs a convergence / Γ-convergence study, writes its tables (Markdown, CSV, LaTeX), PNG plots and
/// HDF5 file into DIR (default <c>verify-NAME</c>), prints the Markdown table(s) and exits 0 when every
/// expectation held, 1 when an expected order or bound is missed (the message carries the whole
/// table), 2 for bad input (file, line and key named).
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var study = new Argument<string?>("STUDY") { Description = "The study file (TOML).", Arity = ArgumentArity.ZeroOrOne };
        var builtin = new Option<string?>("--builtin") { Description = "Run a built-in study: " + string.Join(", ", BuiltinStudies.All.Select(s => s.Name)) + "." };
        var output = new Option<string?>("--out") { Description = "Output directory (tables, plots, HDF5); default verify-NAME." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on stderr." };
        var page = new Option<string?>("--page") { Description = "With --builtin: also write a results page (Markdown) there: setup, this command, wall time, exit status and the generated report, its links pointing into the output directory." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard I of N (I/N, 1-based) of the study's runs into --out; combine the N directories with 'pdeflows merge'." };
        var command = new Command("verify", "Run a convergence or Gamma-convergence study (a study file or --builtin NAME).") { study, builtin, output, quiet, page, shard };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("verify", stderr, () =>
                parse.GetValue(shard) is string shardText && (parse.GetValue(study) is null) != (parse.GetValue(builtin) is null)
                    ? ShardedVerify.Execute(parse.GetValue(study), parse.GetValue(builtin), shardText, parse.GetValue(output), parse.GetValue(quiet) ? null : stderr)
                    : Execute(parse.GetValue(study), parse.GetValue(builtin), parse.GetValue(output), parse.GetValue(page), parse.GetValue(quiet) ? null : stderr, stdout, stderr));
        });
        return command;
    }

    private static int Execute(string? studyFile, string? builtinName, string? output, string? page, TextWriter? progress, TextWriter stdout, TextWriter stderr)
    {
        if (page is not null && builtinName is null)
        {
            throw new UserError("--page: a results page is written for a built-in study only (--builtin NAME)");
        }

        if ((studyFile is null) == (builtinName is null))
        {
            throw new UserError("give either a study file or --builtin NAME (not both)", "built-in studies: " + string.Join(", ", BuiltinStudies.All.Select(s => s.Name)));
        }

        if (builtinName is not null)
        {
            if (!BuiltinStudies.Exists(builtinName))
            {
                throw new UserError($"--builtin: unknown study '{builtinName}'", "built-in studies: " + string.Join("; ", BuiltinStudies.All.Select(s => $"{s.Name} ({s.Description})")));
            }

            string builtinDirectory = output ?? $"verify-{builtinName}";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = BuiltinStudies.Run(builtinName, builtinDirectory, progress);
            if (page is not null)
            {
                string command = $"pdeflows verify --builtin {builtinName} --out {builtinDirectory} --page {page}";
                File.WriteAllText(page, ResultsPage.Build(outcome, builtinDirectory, page, command, clock.Elapsed.TotalSeconds));
            }

            stdout.WriteLine(outcome.Markdown.TrimEnd());
            foreach (string failure in outcome.Failures)
            {
                stderr.WriteLine($"pdeflows verify: {failure}");
            }

            return outcome.Passed ? ExitCodes.Success : ExitCodes.NumericalFailure;
        }

        if (!File.Exists(studyFile))
        {
            throw new UserError($"the study file '{studyFile}' does not exist");
        }

        StudyDefinition definition = StudyFileLoader.Load(studyFile!);
        progress?.WriteLine($"study {definition.Name}");
        StudyResult result = StudyRunner.Run(definition, progress);
        string directory = output ?? $"verify-{definition.Name}";
        StudyOutputWriter.Write(result, directory);
        stdout.WriteLine(File.ReadAllText(Path.Combine(directory, "table.md")).TrimEnd());
        if (result.FailureMessage is string message)
        {
            stderr.WriteLine($"pdeflows verify: {message}");
            return ExitCodes.NumericalFailure;
        }

        return ExitCodes.Success;
    }
}
