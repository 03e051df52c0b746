using PdeFlows.Runs.Running;

namespace PdeFlows.Cli.Running;

/// <summary>
/// <c>pdeflows run</c> on the command line: checks the arguments (files and folders, so that a bad
/// path fails at once with exit code 2), hands the run to <see cref="CaseRunSession"/> (the same run
/// the demo does) with a progress display, and prints warnings, notes and the closing line.
/// </summary>
internal static class RunInvocation
{
    /// <summary>Runs the case; returns the exit code (errors surface as exceptions for <see cref="ErrorReporting"/>).</summary>
    public static int Execute(RunOptions options, TextWriter stderr, bool interactive)
    {
        if (options.Resume && options.OutputDirectory is null)
        {
            throw new UserError("--resume needs --out RUN (the result directory holding the checkpoints)");
        }

        if (!File.Exists(options.CasePath))
        {
            throw new UserError($"case file '{options.CasePath}' not found", "give the path of a .toml case file, e.g. examples/00-interfaces-example.toml");
        }

        string caseText = File.ReadAllText(options.CasePath);
        PrepareSummaryPath(options.SummaryPath);
        var session = new CaseRunOptions
        {
            ResultDirectory = options.OutputDirectory,
            SummaryPath = options.SummaryPath,
            Resume = options.Resume,
            Progress = new ProgressReporter(stderr, options.Quiet, interactive),
            Warn = line => stderr.WriteLine($"warning: {line}"),
            Note = options.Quiet ? null : line => stderr.WriteLine($"pdeflows run: {line}"),
            Version = CommandLineApp.Version,
        };
        if (options.OutputDirectory is not null)
        {
            WritableFolder.Ensure(options.OutputDirectory, "--out");
        }

        CaseRunOutcome outcome = CaseRunSession.Execute(caseText, options.CasePath, session);
        if (outcome.AlreadyComplete)
        {
            // Said even with --quiet: a requeued job's log must show that nothing was recomputed.
            var final = outcome.Record.FinalState;
            stderr.WriteLine($"pdeflows run: {outcome.Record.Definition.Name}: the run in {outcome.ResultDirectory} was already complete ({final.Step} steps to t = {final.Time:G6}); nothing was computed" +
                (options.SummaryPath is null ? string.Empty : $"; the summary {options.SummaryPath} was rewritten from its result.h5"));
            return ExitCodes.Success;
        }

        if (!options.Quiet)
        {
            var record = outcome.Record;
            stderr.WriteLine($"pdeflows run: {record.Definition.Name}: {record.Steps} steps to t = {record.FinalState.Time:G6} in {record.WallSeconds:F2} s" +
                (outcome.ResultDirectory is null ? string.Empty : $"; result in {outcome.ResultDirectory} (writing {outcome.WritingSeconds:F2} s, {100 * outcome.WritingSeconds / outcome.TotalSeconds:F1}% of the run, of which result.h5 {outcome.FinishingSeconds:F2} s)") +
                (options.SummaryPath is null ? string.Empty : $"; summary in {options.SummaryPath}"));
        }

        return ExitCodes.Success;
    }

    private static void PrepareSummaryPath(string? summaryPath)
    {
        if (summaryPath is null)
        {
            return;
        }

        // Found now, not when the summary is written after the whole run.
        if (Directory.Exists(summaryPath))
        {
            throw new UserError($"--summary '{summaryPath}' is a folder; it names the summary file to write", $"give a file name, e.g. {Path.Combine(summaryPath, "summary.json")}");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(summaryPath));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UserError($"cannot write the summary '{summaryPath}': the folder '{folder}' does not exist", "create the folder first, or give another --summary path");
        }

        if (folder is not null)
        {
            WritableFolder.Ensure(folder, "--summary");
        }
    }
}
