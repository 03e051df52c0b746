using System.Diagnostics;
using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>The choices of one <see cref="CaseRunSession"/>.</summary>
public sealed record CaseRunOptions
{
    /// <summary>The result directory (fields, series, checkpoints, result.h5), or null for none.</summary>
    public string? ResultDirectory { get; init; }

    /// <summary>The JSON summary file, or null for none.</summary>
    public string? SummaryPath { get; init; }

    /// <summary>Continue from the last complete checkpoint in <see cref="ResultDirectory"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>Whether the recorded rows keep the nodal densities (the demo draws them).</summary>
    public bool KeepDensities { get; init; }

    /// <summary>How the result directory is written (default: steps in the background, overlapping the solve).</summary>
    public ResultWriterOptions WriterOptions { get; init; } = new() { WriteStepsInBackground = true };

    /// <summary>Receives the progress of the time stepping, or null.</summary>
    public IRunProgress? Progress { get; init; }

    /// <summary>Receives warnings (things to know before trusting the run), one line each, or null.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>Receives notes on what the session does (resuming, the particle run), one line each, or null.</summary>
    public Action<string>? Note { get; init; }

    /// <summary>The PdeFlows version written to the summary.</summary>
    public string Version { get; init; } = "0.0.0";
}

/// <summary>What one <see cref="CaseRunSession"/> did.</summary>
/// <param name="Record">The finished run (rows, final state, discretization).</param>
/// <param name="ResultDirectory">The result directory written, absolute, or null.</param>
/// <param name="Summary">The summary written, or null.</param>
/// <param name="WritingSeconds">Seconds spent writing the result directory.</param>
/// <param name="FinishingSeconds">Seconds spent writing result.h5 at the end.</param>
/// <param name="TotalSeconds">Wall-clock seconds of the whole session, files included.</param>
/// <param name="AlreadyComplete">True when <c>--resume</c> found the run finished: nothing was computed, the record and summary come from result.h5.</param>
public sealed record CaseRunOutcome(FlowRunRecord Record, string? ResultDirectory, RunSummary? Summary, double WritingSeconds, double FinishingSeconds, double TotalSeconds, bool AlreadyComplete = false);

/// <summary>
/// One run of a case file as <c>pdeflows run</c> and the demo do it: parse, build, run through the
/// one <see cref="FlowRunner"/>, and write the result directory (fields at output times, series after
/// each output, checkpoints; crash-safe) and the JSON summary, with the particle method of a
/// <c>[particles]</c> section beside the mesh solution. With <see cref="CaseRunOptions.Resume"/> it
/// continues from the last complete checkpoint of the same case text.
/// </summary>
public static class CaseRunSession
{
    /// <summary>Runs the case.</summary>
    /// <param name="caseText">The case file's text.</param>
    /// <param name="casePath">The case file as named in messages; relative paths resolve against its folder.</param>
    /// <param name="options">Where to write and what to report.</param>
    /// <param name="cancellation">Stops the run between steps.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="CaseFileException">The case is invalid.</exception>
    /// <exception cref="RunSetupException">The result directory or the checkpoint does not allow the run as asked.</exception>
    public static CaseRunOutcome Execute(string caseText, string casePath, CaseRunOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(caseText);
        ArgumentNullException.ThrowIfNull(casePath);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var definition = CaseFileLoader.Parse(caseText, casePath, Path.GetDirectoryName(Path.GetFullPath(casePath)));
        StartupPhases.Mark("case file (TOML, keys, expressions)");
        using var problem = FlowProblemBuilder.Build(definition);
        StartupPhases.Mark("solver set-up (energy, reaction, transport)");
        foreach (string warning in problem.Warnings)
        {
            options.Warn?.Invoke(warning);
        }

        // The particle run compares with the mesh density at every output time: keep them.
        var runner = new FlowRunner(problem, options.KeepDensities || definition.Particles is not null);
        var layout = RowLayout.Of(runner.Recorder, problem.Mesh.Dimension);
        StartupPhases.Mark("runner (initial state)");
        if (options.Resume && options.ResultDirectory is not null && CompletedRun.IsComplete(options.ResultDirectory))
        {
            return Completed(options, problem, caseText, runner, layout, clock);
        }

        var writing = new Stopwatch(); // time spent writing the result directory (reported, docs/results-format.md "Cost")
        writing.Start();
        ResultWriter? writer = options.ResultDirectory is null ? null : OpenWriter(options, problem, caseText, runner, layout);
        writing.Stop();
        options.Progress?.Begin(runner.State.Time, definition.Time.End);
        int checkpointEvery = definition.Output.CheckpointEvery;

        void OnStep(Flows.TimeStepping.FlowState state)
        {
            if (state.Step == 1)
            {
                StartupPhases.Mark("first step (with the output at t = 0)");
            }

            options.Progress?.Step(state, () => problem.Energy.Value(state.Density, problem.Setting));
            if (writer is not null && checkpointEvery > 0 && state.Step % checkpointEvery == 0)
            {
                writing.Start();
                writer.WriteCheckpoint(state.Step, state.Time, RunContent.ToState(runner.Checkpoint(state), layout));
                writing.Stop();
            }
        }

        void OnOutput(int index, Flows.TimeStepping.FlowSnapshot snapshot)
        {
            if (writer is null)
            {
                return;
            }

            writing.Start();
            // After a resume, the output at the checkpoint's own step may already be on disk.
            if (!writer.CompletedSteps.Any(s => s.Step == snapshot.Step))
            {
                writer.WriteOutputStep(snapshot.Step, snapshot.Time, RunContent.NodeFields(problem.Setting, snapshot.Density));
            }

            writer.WriteTimeSeries(RunContent.Series(runner.Recorder.Rows, layout));
            writing.Stop();
        }

        var final = runner.Run(OnOutput, OnStep, cancellation);
        StartupPhases.Mark("remaining steps and outputs");
        options.Progress?.Finish();
        double wall = clock.Elapsed.TotalSeconds;
        var record = new FlowRunRecord(definition, problem.Discretization, problem.Energy, [.. runner.Recorder.Rows], final, wall);

        // The summary goes first: a run killed while result.h5 is being written leaves no result.h5,
        // so --resume redoes the tail and rewrites the summary; once result.h5 exists, the summary does too.
        // A run resumed from its final checkpoint takes no transport step, so its solver is never created.
        RunSummary? summary = WriteSummary(options, problem, record, layout, runner, problem.LinearSolverName, writer?.Directory);
        var finishing = Stopwatch.StartNew();
        writing.Start();
        writer?.Finish(wall, final.Step, final.Rejected);
        writing.Stop();
        finishing.Stop();
        return new CaseRunOutcome(record, writer?.Directory, summary, writing.Elapsed.TotalSeconds, finishing.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file and renames it over <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The content.</param>
    public static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The summary of a finished run (the rows of <paramref name="record"/>), written to <see cref="CaseRunOptions.SummaryPath"/>; null when none is asked for.</summary>
    private static RunSummary? WriteSummary(CaseRunOptions options, FlowProblem problem, FlowRunRecord record, RowLayout layout, FlowRunner runner, string linearSolver, string? resultDirectory)
    {
        if (options.SummaryPath is null)
        {
            return null;
        }

        var definition = problem.Definition;
        var details = new RunDetails(
            record.FinalState.Rejected,
            linearSolver,
            problem.Transport?.Factorizations ?? 0,
            problem.Transport?.FactorizationSeconds ?? 0,
            CaseChoiceNames.NameOf(definition.Time.Scheme),
            problem.Discretization.NormalizationConstant);
        var summary = RunSummary.From(definition, options.Version, problem.Mesh, record.Rows, layout, runner.Recorder.ProbePoints, record.Steps, record.WallSeconds, details);
        if (definition.Particles is not null)
        {
            summary = summary with { Particles = RunParticles(options, problem, record.Rows, resultDirectory) };
        }

        WriteAtomically(options.SummaryPath, summary.ToJson());
        return summary;
    }

    /// <summary>
    /// <c>--resume</c> of a finished run: nothing is computed and the result directory is not touched;
    /// the record and the summary (when asked for) are rebuilt from result.h5 (<see cref="CompletedRun"/>).
    /// </summary>
    private static CaseRunOutcome Completed(CaseRunOptions options, FlowProblem problem, string caseText, FlowRunner runner, RowLayout layout, Stopwatch clock)
    {
        string directory = Path.GetFullPath(options.ResultDirectory!);
        var (rows, final, provenance) = CompletedRun.Read(directory, problem, caseText, layout);
        double wall = provenance.WallSeconds ?? 0;
        var record = new FlowRunRecord(problem.Definition, problem.Discretization, problem.Energy, rows, final, wall);
        RunSummary? summary = WriteSummary(options, problem, record, layout, runner, provenance.LinearSolver, directory);
        return new CaseRunOutcome(record, directory, summary, 0, 0, clock.Elapsed.TotalSeconds, AlreadyComplete: true);
    }

    /// <summary>The particle method of the [particles] section, compared with the mesh solution at every output time.</summary>
    private static ParticleSeries RunParticles(CaseRunOptions options, FlowProblem problem, IReadOnlyList<SnapshotRow> rows, string? resultDirectory)
    {
        var densities = new double[rows.Count][];
        ResultReader? reader = null;
        try
        {
            for (int k = 0; k < rows.Count; k++)
            {
                // A resumed run: the outputs before the checkpoint are on disk, not in memory.
                densities[k] = rows[k].HasDensity ? rows[k].DensityArray()
                    : (reader ??= ResultReader.Open(resultDirectory ?? throw new InvalidOperationException("restored outputs without a result directory"))).ReadField(k, RunContentNames.DensityField);
            }
        }
        finally
        {
            reader?.Dispose();
        }

        options.Note?.Invoke($"particles ({problem.Definition.Particles!.Count}) beside the mesh solution");
        return new ParticleCaseRun(problem).Run([.. rows.Select(r => r.Time)], densities);
    }

    private static ResultWriter OpenWriter(CaseRunOptions options, FlowProblem problem, string caseText, FlowRunner runner, RowLayout layout)
    {
        string directory = options.ResultDirectory!;
        var provenance = RunContent.Provenance(problem, caseText);
        if (!options.Resume)
        {
            try
            {
                return ResultWriter.Create(directory, problem.Mesh, provenance, options.WriterOptions);
            }
            catch (InvalidOperationException e)
            {
                throw new RunSetupException(e.Message, "choose a new --out directory, delete the old one, or add --resume to continue it", e);
            }
        }

        var search = CheckpointReader.LoadLatest(directory);
        if (search.Latest is not Checkpoint checkpoint)
        {
            string reasons = string.Concat(search.Skipped.Select(s => $"; skipped {s.File}: {s.Reason}"));
            throw new RunSetupException(
                $"{directory}: no complete checkpoint to resume from{(search.Skipped.Count == 0 ? " (no checkpoint files)" : reasons)}",
                "run without --resume into a new --out directory to start over (set [output] checkpoint_every to write checkpoints)");
        }

        foreach (var skipped in search.Skipped)
        {
            options.Warn?.Invoke($"skipping checkpoint {skipped.File}: {skipped.Reason}");
        }

        // Everything that can refuse the checkpoint is checked before ResultWriter.Resume changes the
        // directory (it deletes later outputs and rewrites the series): a refused resume touches nothing.
        if (checkpoint.CaseSha256 != provenance.CaseSha256)
        {
            throw new RunSetupException(
                $"{checkpoint.File}: the checkpoint was computed for another case text (its case_sha256 is {checkpoint.CaseSha256}, this case's {provenance.CaseSha256})",
                "start a new run (without --resume, in a new --out directory) instead of resuming");
        }

        try
        {
            runner.Restore(RunContent.FromState(checkpoint.State, layout));
        }
        catch (InvalidDataException e)
        {
            throw new RunSetupException($"{checkpoint.File}: {e.Message}", "the checkpoint does not fit this case; run without --resume", e);
        }

        try
        {
            var writer = ResultWriter.Resume(directory, problem.Mesh, provenance, checkpoint, options.WriterOptions);
            options.Note?.Invoke($"resuming from {checkpoint.File} (step {checkpoint.Step}, t = {checkpoint.Time:G6})");
            return writer;
        }
        catch (InvalidOperationException e)
        {
            throw new RunSetupException(e.Message, null, e);
        }
    }
}
