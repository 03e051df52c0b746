using PdeFlows.Mesh;
using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// Writes a result directory while a run progresses (docs/results-format.md): mesh.h5 at once, one
/// complete file per output time, checkpoints, the summary series and an XDMF index listing the
/// completed output times, each written under a temporary name and renamed; at the end
/// <see cref="Finish"/> consolidates everything into result.h5. Every file under a final name is
/// complete at every moment, so a run killed at any point leaves a readable directory.
/// Not thread-safe: one writer per directory, called from one thread.
/// </summary>
public sealed class ResultWriter
{
    private readonly SimplexMesh mesh;
    private readonly ResultWriterOptions options;
    private readonly List<OutputStep> completed = [];
    private readonly Dictionary<int, IReadOnlyDictionary<string, double[]>> fieldCache = [];
    private long cachedBytes;
    private Task backgroundWrites = Task.CompletedTask;
    private ResultProvenance provenance;
    private TimeSeries series = TimeSeries.Empty;

    private ResultWriter(string directory, SimplexMesh mesh, ResultProvenance provenance, ResultWriterOptions options)
    {
        Directory = Path.GetFullPath(directory);
        this.mesh = mesh;
        this.provenance = provenance;
        this.options = options;
        if (options.CheckpointsToKeep < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"CheckpointsToKeep must be ≥ 0, got {options.CheckpointsToKeep}");
        }
    }

    /// <summary>The result directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>The output times written so far, in order.</summary>
    public IReadOnlyList<OutputStep> CompletedSteps => completed;

    /// <summary>Whether <see cref="Finish"/> has run; afterwards nothing more can be written.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>
    /// Starts a new result in <paramref name="directory"/> (created if needed): writes mesh.h5 (mesh
    /// and provenance), an empty series.h5 and an XDMF index with no output times.
    /// </summary>
    /// <exception cref="InvalidOperationException">The directory already holds a result and <see cref="ResultWriterOptions.OverwriteExisting"/> is false.</exception>
    public static ResultWriter Create(string directory, SimplexMesh mesh, ResultProvenance provenance, ResultWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(provenance);
        var writer = new ResultWriter(directory, mesh, provenance, options ?? new ResultWriterOptions());
        writer.PrepareEmptyDirectory();
        writer.WriteMeshFile();
        writer.WriteTimeSeries(TimeSeries.Empty);
        writer.WriteXdmf(finished: false);
        return writer;
    }

    /// <summary>
    /// Continues a result from <paramref name="checkpoint"/> (see <see cref="CheckpointReader.LoadLatest(string)"/>):
    /// removes temporary files, output times and checkpoints after the checkpoint's step, rewrites
    /// mesh.h5, the series (the checkpoint's) and the XDMF index, and returns a writer that appends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The checkpoint belongs to another case text, or the result is already finished.</exception>
    /// <exception cref="ResultFormatException">A kept output file cannot be read.</exception>
    public static ResultWriter Resume(string directory, SimplexMesh mesh, ResultProvenance provenance, Checkpoint checkpoint, ResultWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var writer = new ResultWriter(directory, mesh, provenance, options ?? new ResultWriterOptions());
        if (checkpoint.CaseSha256 != provenance.CaseSha256)
        {
            throw new InvalidOperationException($"{checkpoint.File}: the checkpoint was computed for another case text (its case_sha256 is {checkpoint.CaseSha256}, this case's {provenance.CaseSha256}); start a new run instead of resuming");
        }

        if (File.Exists(writer.FullPath(ResultLayout.ResultFile)))
        {
            throw new InvalidOperationException($"{writer.Directory}: the result is already finished ({ResultLayout.ResultFile} exists); nothing to resume");
        }

        // Read the kept output files first: one that cannot be read refuses the resume before anything is deleted.
        var steps = ResultLayout.NumberedFiles(writer.FullPath(ResultLayout.StepsFolder), "step").ToList();
        foreach (var (_, path) in steps.Where(s => s.Number <= checkpoint.Step))
        {
            using var source = HdfSource.Open(path, StepHdf.Format);
            writer.completed.Add(StepHdf.ReadHeader(source, "", mesh.VertexCount));
        }

        writer.DeleteTemporaryFiles();
        foreach (var (_, path) in steps.Where(s => s.Number > checkpoint.Step))
        {
            File.Delete(path);
        }

        foreach (var (step, path) in ResultLayout.NumberedFiles(writer.FullPath(ResultLayout.CheckpointsFolder), "ckpt"))
        {
            if (step > checkpoint.Step)
            {
                File.Delete(path);
            }
        }

        writer.WriteMeshFile();
        writer.WriteTimeSeries(checkpoint.State.Series);
        writer.WriteXdmf(finished: false);
        return writer;
    }

    /// <summary>
    /// Writes one output time: <c>steps/step-NNNNNN.h5</c> with the time, the step index and the
    /// node fields (one value per vertex each), then the XDMF index including it.
    /// </summary>
    /// <exception cref="ArgumentException">The step or time does not increase, the time is not finite, a field has the wrong length or an invalid name.</exception>
    public void WriteOutputStep(int step, double time, IReadOnlyDictionary<string, double[]> nodeFields)
    {
        ArgumentNullException.ThrowIfNull(nodeFields);
        ThrowIfFinished();
        if (step < 0 || (completed.Count > 0 && step <= completed[^1].Step))
        {
            throw new ArgumentException($"step {step} must be ≥ 0 and greater than the last output step {(completed.Count > 0 ? completed[^1].Step : -1)}", nameof(step));
        }

        if (!double.IsFinite(time) || (completed.Count > 0 && !(time > completed[^1].Time)))
        {
            throw new ArgumentException($"time {time:R} must be finite and greater than the last output time", nameof(time));
        }

        foreach (var (name, values) in nodeFields)
        {
            ResultNames.CheckFieldName(name);
            if (values.Length != mesh.VertexCount)
            {
                throw new ArgumentException($"field '{name}' has {values.Length} values, expected one per vertex ({mesh.VertexCount})", nameof(nodeFields));
            }
        }

        var output = new OutputStep(step, time, nodeFields.Keys.ToList());
        var fields = nodeFields.ToDictionary(f => f.Key, f => (double[])f.Value.Clone());

        // With WriteStepsInBackground the step file and the XDMF index that lists it are written by a
        // background task, in order, so the writing overlaps the computation. Each file is still written
        // under a temporary name and renamed; every queued write is on disk before the next checkpoint
        // (the resume point) or result.h5 is written (WaitForBackgroundWrites), where a failure
        // surfaces.
        var listed = completed.Append(output).ToList();
        string path = FullPath(ResultLayout.StepFile(step));
        void Write()
        {
            var file = HdfWrite.NewFile(StepHdf.Format);
            StepHdf.Fill(file, step, time, fields);
            AtomicFile.WriteHdf(path, file, options.FlushToDisk);
            WriteXdmf(listed, finished: false);
        }

        if (!options.WriteStepsInBackground)
        {
            Write(); // a failure here leaves the output unlisted, so the same step can be written again
        }
        else
        {
            var previous = backgroundWrites;
            backgroundWrites = Task.Run(() =>
            {
                previous.GetAwaiter().GetResult();
                Write();
            });
        }

        completed.Add(output);
        long bytes = 8L * mesh.VertexCount * fields.Count;
        if (cachedBytes + bytes <= options.ConsolidationCacheBytes)
        {
            // Finish writes these copies instead of reading the step file back (reading is the slow part).
            fieldCache[step] = fields;
            cachedBytes += bytes;
        }
    }

    /// <summary>Waits until every output handed to <see cref="WriteOutputStep"/> is on disk (see <see cref="ResultWriterOptions.WriteStepsInBackground"/>).</summary>
    public void Flush() => WaitForBackgroundWrites();

    /// <summary>Writes the summary series (replacing series.h5 as a whole; pass the whole series so far).</summary>
    public void WriteTimeSeries(TimeSeries timeSeries)
    {
        ArgumentNullException.ThrowIfNull(timeSeries);
        ThrowIfFinished();
        var file = HdfWrite.NewFile(ResultFormats.Series);
        file["series"] = SeriesHdf.Build(timeSeries);
        // Not fsynced: series.h5 is an index rewritten after every output (its content is also in
        // each checkpoint, and Resume rewrites it), so it needs the atomic rename, not the device flush.
        AtomicFile.WriteHdf(FullPath(ResultLayout.SeriesFile), file, flushToDisk: false);
        series = timeSeries;
    }

    /// <summary>
    /// Writes <c>checkpoints/ckpt-NNNNNN.h5</c> with the full solver state and the case hash, then
    /// deletes checkpoints beyond <see cref="ResultWriterOptions.CheckpointsToKeep"/>.
    /// </summary>
    public void WriteCheckpoint(int step, double time, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ThrowIfFinished();
        if (step < 0 || !double.IsFinite(time))
        {
            throw new ArgumentException($"checkpoint step {step} must be ≥ 0 and time {time:R} finite");
        }

        WaitForBackgroundWrites();
        var file = CheckpointHdf.Build(step, time, provenance.CaseSha256, state);
        AtomicFile.WriteHdf(FullPath(ResultLayout.CheckpointFile(step)), file, options.FlushToDisk);
        if (options.CheckpointsToKeep > 0)
        {
            var all = ResultLayout.NumberedFiles(FullPath(ResultLayout.CheckpointsFolder), "ckpt");
            foreach (var (_, path) in all.Take(Math.Max(0, all.Count - options.CheckpointsToKeep)))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Consolidates the run into result.h5 (mesh, every output time's fields, the series, the
    /// provenance with <paramref name="wallSeconds"/>), streaming one output time at a time, then
    /// rewrites the XDMF index to point into result.h5. steps/ and checkpoints/ are kept (they may be deleted).
    /// Fields written by this writer are taken from an in-memory copy (up to
    /// <see cref="ResultWriterOptions.ConsolidationCacheBytes"/>); the others are read back from their step files.
    /// </summary>
    /// <param name="wallSeconds">Wall-clock seconds of the whole run.</param>
    /// <param name="steps">Accepted time steps of the whole run, or null when not known (stored as <c>steps</c>).</param>
    /// <param name="rejectedSteps">Rejected time steps of the whole run, or null (stored as <c>rejected_steps</c>).</param>
    /// <exception cref="ResultFormatException">A step file written earlier cannot be read back.</exception>
    public void Finish(double wallSeconds, int? steps = null, int? rejectedSteps = null)
    {
        ThrowIfFinished();
        WaitForBackgroundWrites();
        provenance = provenance with { WallSeconds = wallSeconds, Steps = steps, RejectedSteps = rejectedSteps };
        var file = HdfWrite.NewFile(ResultFormats.Result);
        file["mesh"] = MeshHdf.Build(mesh);
        file["provenance"] = ProvenanceHdf.Build(provenance);
        file["series"] = SeriesHdf.Build(series);
        file["output"] = new H5Group
        {
            ["times"] = HdfWrite.Doubles(completed.Select(s => s.Time).ToArray(), completed.Count),
            ["steps"] = HdfWrite.Integers(completed.Select(s => (long)s.Step).ToArray(), completed.Count),
        };
        var stepsGroup = new H5Group();
        var pending = new List<(OutputStep Step, List<(string Name, H5Dataset<double[]> Dataset)> Fields)>();
        foreach (var step in completed)
        {
            var fields = new H5Group();
            var datasets = step.FieldNames.Select(name => (name, new H5Dataset<double[]>(fileDims: [(ulong)mesh.VertexCount]))).ToList();
            foreach (var (name, dataset) in datasets)
            {
                fields[name] = dataset;
            }

            stepsGroup[ResultLayout.StepName(step.Step)] = new H5Group { ["time"] = step.Time, ["step"] = (long)step.Step, ["fields"] = fields };
            pending.Add((step, datasets));
        }

        file["steps"] = stepsGroup;
        AtomicFile.WriteHdfStreaming(FullPath(ResultLayout.ResultFile), file, options.FlushToDisk, writer =>
        {
            foreach (var (step, datasets) in pending)
            {
                if (fieldCache.TryGetValue(step.Step, out var cached))
                {
                    foreach (var (name, dataset) in datasets)
                    {
                        writer.Write(dataset, cached[name]);
                    }

                    continue;
                }

                using var source = HdfSource.Open(FullPath(ResultLayout.StepFile(step.Step)), StepHdf.Format);
                foreach (var (name, dataset) in datasets)
                {
                    writer.Write(dataset, StepHdf.ReadField(source, "", name, mesh.VertexCount));
                }
            }
        });
        WriteXdmf(finished: true);
        IsFinished = true;
        fieldCache.Clear();
        cachedBytes = 0;
    }

    private string FullPath(string relative) => Path.Combine(Directory, relative);

    /// <summary>Waits for the queued step-file writes (rethrowing their failure).</summary>
    private void WaitForBackgroundWrites()
    {
        var pending = backgroundWrites;
        backgroundWrites = Task.CompletedTask;
        pending.GetAwaiter().GetResult();
    }

    private void ThrowIfFinished()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"{Directory}: the result is finished; nothing more can be written");
        }
    }

    private void PrepareEmptyDirectory()
    {
        System.IO.Directory.CreateDirectory(Directory);
        string[] ours = [ResultLayout.MeshFile, ResultLayout.SeriesFile, ResultLayout.XdmfFile, ResultLayout.ResultFile];
        bool existing = ours.Any(name => File.Exists(FullPath(name)))
            || ResultLayout.NumberedFiles(FullPath(ResultLayout.StepsFolder), "step").Count > 0
            || ResultLayout.NumberedFiles(FullPath(ResultLayout.CheckpointsFolder), "ckpt").Count > 0;
        if (existing && !options.OverwriteExisting)
        {
            throw new InvalidOperationException($"{Directory} already holds a result; choose another directory, resume it, or overwrite it explicitly");
        }

        foreach (string name in ours)
        {
            File.Delete(FullPath(name));
        }

        foreach (var (_, path) in ResultLayout.NumberedFiles(FullPath(ResultLayout.StepsFolder), "step")
                     .Concat(ResultLayout.NumberedFiles(FullPath(ResultLayout.CheckpointsFolder), "ckpt")))
        {
            File.Delete(path);
        }

        DeleteTemporaryFiles();
    }

    private void DeleteTemporaryFiles()
    {
        System.IO.Directory.CreateDirectory(FullPath(ResultLayout.StepsFolder));
        System.IO.Directory.CreateDirectory(FullPath(ResultLayout.CheckpointsFolder));
        foreach (string folder in new[] { Directory, FullPath(ResultLayout.StepsFolder), FullPath(ResultLayout.CheckpointsFolder) })
        {
            foreach (string path in System.IO.Directory.EnumerateFiles(folder, "*" + ResultLayout.TemporarySuffix))
            {
                File.Delete(path);
            }
        }
    }

    private void WriteMeshFile()
    {
        var file = HdfWrite.NewFile(ResultFormats.Mesh);
        file["mesh"] = MeshHdf.Build(mesh);
        file["provenance"] = ProvenanceHdf.Build(provenance);
        AtomicFile.WriteHdf(FullPath(ResultLayout.MeshFile), file, options.FlushToDisk);
    }

    private void WriteXdmf(bool finished) => WriteXdmf(completed, finished);

    private void WriteXdmf(IReadOnlyList<OutputStep> listed, bool finished)
    {
        var steps = listed.Select(step =>
        {
            string stepName = ResultLayout.StepName(step.Step);
            var fields = step.FieldNames.Select(name => finished
                ? new XdmfDocument.FieldLocation(name, ResultLayout.ResultFile, $"/steps/{stepName}/fields/{name}")
                : new XdmfDocument.FieldLocation(name, ResultLayout.StepFile(step.Step), "/fields/" + name)).ToList();
            return new XdmfDocument.Step(stepName, step.Time, fields);
        }).ToList();
        byte[] xdmf = XdmfDocument.Build(mesh.Dimension, mesh.VertexCount, mesh.CellCount, finished ? ResultLayout.ResultFile : ResultLayout.MeshFile, steps);
        // While running, the XDMF index is rewritten after every output and rebuilt by Resume: atomic
        // rename only, no device flush (a killed process loses nothing); the final one is flushed.
        AtomicFile.WriteBytes(FullPath(ResultLayout.XdmfFile), xdmf, finished && options.FlushToDisk);
    }
}
