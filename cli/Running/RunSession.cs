using System.Diagnostics;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.KernelApprox.Particles;
using PdeFlows.KernelApprox.Reactions;
using PdeFlows.Verification.Runs;

namespace PdeFlows.Cli.Running;

/// <summary>
/// One <c>pdeflows run</c>: loads the case, builds the problem, runs it, and writes the result
/// directory (fields at output times, series, checkpoints; crash-safe) and the JSON summary.
/// With <c>--resume</c> it continues from the last complete checkpoint of the same case text.
/// </summary>
internal sealed class RunSession
{
    private readonly RunOptions options;
    private readonly TextWriter stderr;
    private readonly bool interactive;

    public RunSession(RunOptions options, TextWriter stderr, bool interactive)
    {
        this.options = options;
        this.stderr = stderr;
        this.interactive = interactive;
    }

    /// <summary>Runs the case; returns the exit code (errors surface as exceptions for <see cref="ErrorReporting"/>).</summary>
    public int Execute()
    {
        var clock = Stopwatch.StartNew();
        if (options.Resume && options.OutputDirectory is null)
        {
            throw new UserError("--resume needs --out RUN (the result directory holding the checkpoints)");
        }

        string caseText = ReadCase(options.CasePath);
        var definition = CaseFileLoader.Parse(caseText, options.CasePath, Path.GetDirectoryName(Path.GetFullPath(options.CasePath)));
        PrepareSummaryPath();
        using var problem = FlowProblemBuilder.Build(definition, KernelComponentProvider.Instance);
        foreach (string warning in problem.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        var runner = new FlowRunner(problem);
        var writing = new Stopwatch(); // time spent writing the result directory (reported, docs/results-format.md "Cost")
        writing.Start();
        ResultWriter? writer = options.OutputDirectory is null ? null : OpenWriter(problem, caseText, runner);
        writing.Stop();
        var progress = new ProgressReporter(stderr, options.Quiet, interactive, runner.State.Time, definition.Time.End);
        int checkpointEvery = definition.Output.CheckpointEvery;

        void OnStep(FlowState state)
        {
            progress.Report(state.Time, state.Step, () => problem.Energy.Value(state.Density, problem.Setting));
            if (writer is not null && checkpointEvery > 0 && state.Step % checkpointEvery == 0)
            {
                writing.Start();
                writer.WriteCheckpoint(state.Step, state.Time, CheckpointContent.From(state, runner));
                writing.Stop();
            }
        }

        var outputDensities = new Dictionary<int, double[]>();
        void OnOutput(int index, FlowSnapshot snapshot)
        {
            if (definition.Particles is not null)
            {
                outputDensities[index] = snapshot.Density;
            }

            if (writer is null)
            {
                return;
            }

            writing.Start();
            // After a resume, the output at the checkpoint's own step may already be on disk.
            if (!writer.CompletedSteps.Any(s => s.Step == snapshot.Step))
            {
                writer.WriteOutputStep(snapshot.Step, snapshot.Time, FlowResultContent.NodeFields(problem, snapshot.Density));
            }

            writer.WriteTimeSeries(FlowResultContent.Series(runner.Recorder));
            writing.Stop();
        }

        var final = runner.Run(OnOutput, OnStep);
        progress.Finish();
        double wall = clock.Elapsed.TotalSeconds;
        // The summary goes first: a run killed while result.h5 is being written leaves no result.h5,
        // so --resume redoes the tail and rewrites the summary; once result.h5 exists, the summary does too.
        if (options.SummaryPath is not null)
        {
            var run = new Dictionary<string, object>
            {
                ["rejected_steps"] = final.Rejected,
                // A run resumed from its final checkpoint takes no transport step, so its solver is never created.
                ["linear_solver"] = FlowResultContent.LinearSolverName(problem),
                ["factorizations"] = problem.Transport?.Factorizations ?? 0,
                ["factorization_seconds"] = problem.Transport?.FactorizationSeconds ?? 0,
                ["scheme"] = definition.Time.Scheme == TimeScheme.Strang ? "strang" : "lie-ie",
                ["normalization_constant"] = problem.NormalizationConstant,
            };
            var summary = runner.Recorder.ToSummary(CommandLineApp.Version, final.Step, wall, run);
            if (definition.Particles is not null)
            {
                summary = summary with { Particles = RunParticles(problem, runner, outputDensities, writer) };
            }

            WriteAtomically(options.SummaryPath, summary.ToJson());
        }

        var finishing = Stopwatch.StartNew();
        writing.Start();
        writer?.Finish(wall);
        writing.Stop();
        finishing.Stop();

        if (!options.Quiet)
        {
            stderr.WriteLine($"pdeflows run: {definition.Name}: {final.Step} steps to t = {final.Time:G6} in {wall:F2} s" +
                (writer is null ? string.Empty : $"; result in {writer.Directory} (writing {writing.Elapsed.TotalSeconds:F2} s, {100 * writing.Elapsed.TotalSeconds / clock.Elapsed.TotalSeconds:F1}% of the run, of which result.h5 {finishing.Elapsed.TotalSeconds:F2} s)") +
                (options.SummaryPath is null ? string.Empty : $"; summary in {options.SummaryPath}"));
        }

        return ExitCodes.Success;
    }

    /// <summary>The particle method of the [particles] section, compared with the mesh solution at every output time.</summary>
    private ParticleSeries RunParticles(FlowProblem problem, FlowRunner runner, Dictionary<int, double[]> densities, ResultWriter? writer)
    {
        if (densities.Count < runner.OutputTimes.Count && writer is not null)
        {
            // A resumed run: the outputs before the checkpoint are on disk, not in memory.
            var reader = ResultReader.Open(writer.Directory);
            for (int k = 0; k < runner.OutputTimes.Count; k++)
            {
                densities.TryAdd(k, reader.ReadField(k, "u"));
            }
        }

        if (!options.Quiet)
        {
            stderr.WriteLine($"pdeflows run: particles ({problem.Definition.Particles!.Count}) beside the mesh solution");
        }

        return new ParticleCaseRun(problem).Run(runner.OutputTimes, Enumerable.Range(0, runner.OutputTimes.Count).Select(k => densities[k]).ToList());
    }

    private static string ReadCase(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"case file '{path}' not found", "give the path of a .toml case file, e.g. examples/00-interfaces-example.toml");
        }

        return File.ReadAllText(path);
    }

    private void PrepareSummaryPath()
    {
        if (options.SummaryPath is null)
        {
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(options.SummaryPath));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UserError($"cannot write the summary '{options.SummaryPath}': the folder '{folder}' does not exist", "create the folder first, or give another --summary path");
        }

        if (folder is not null)
        {
            WritableFolder.Ensure(folder, "--summary");
        }
    }

    private ResultWriter OpenWriter(FlowProblem problem, string caseText, FlowRunner runner)
    {
        string directory = options.OutputDirectory!;
        var provenance = FlowResultContent.Provenance(problem, caseText);
        WritableFolder.Ensure(directory, "--out");
        if (!options.Resume)
        {
            try
            {
                return ResultWriter.Create(directory, problem.Mesh, provenance, WriterOptions);
            }
            catch (InvalidOperationException e)
            {
                throw new UserError(e.Message, "choose a new --out directory, delete the old one, or add --resume to continue it");
            }
        }

        var search = CheckpointReader.LoadLatest(directory);
        if (search.Latest is not Checkpoint checkpoint)
        {
            string reasons = string.Concat(search.Skipped.Select(s => $"; skipped {s.File}: {s.Reason}"));
            throw new UserError($"{directory}: no complete checkpoint to resume from{(search.Skipped.Count == 0 ? " (no checkpoint files)" : reasons)}",
                "run without --resume into a new --out directory to start over (set [output] checkpoint_every to write checkpoints)");
        }

        foreach (var skipped in search.Skipped)
        {
            stderr.WriteLine($"warning: skipping checkpoint {skipped.File}: {skipped.Reason}");
        }

        try
        {
            var writer = ResultWriter.Resume(directory, problem.Mesh, provenance, checkpoint, WriterOptions);
            CheckpointContent.Restore(checkpoint, runner);
            if (!options.Quiet)
            {
                stderr.WriteLine($"pdeflows run: resuming from {checkpoint.File} (step {checkpoint.Step}, t = {checkpoint.Time:G6})");
            }

            return writer;
        }
        catch (InvalidOperationException e)
        {
            throw new UserError(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{checkpoint.File}: {e.Message}", "the checkpoint does not fit this case; run without --resume");
        }
    }

    /// <summary>Step files are written in the background: output overlaps the solve (checkpoints and result.h5 wait for them).</summary>
    private static ResultWriterOptions WriterOptions => new() { WriteStepsInBackground = true };

    internal static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
