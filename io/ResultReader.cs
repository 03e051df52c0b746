using PdeFlows.Mesh;

namespace PdeFlows.IO;

/// <summary>
/// Reads a result: a finished one (result.h5, or a directory holding it) or one still running or
/// killed (a directory with mesh.h5 and steps/, read from its completed files only). Sizes,
/// output times, the series and the provenance are read on opening; the mesh and the fields only
/// when asked. Every read failure is a <see cref="ResultFormatException"/> naming the file.
/// </summary>
public sealed class ResultReader : IDisposable
{
    private readonly HdfSource main;
    private readonly string? directory;
    private readonly List<OutputStep> steps;

    private ResultReader(HdfSource main, string? directory, List<OutputStep> steps, TimeSeries series, ResultProvenance provenance)
    {
        this.main = main;
        this.directory = directory;
        this.steps = steps;
        (Dimension, VertexCount, CellCount) = MeshHdf.Counts(main);
        Series = series;
        Provenance = provenance;
    }

    /// <summary>The file the mesh was read from (result.h5 or mesh.h5).</summary>
    public string MainFile => main.Path;

    /// <summary>Whether the run finished (read from result.h5).</summary>
    public bool IsFinished => directory is null;

    /// <summary>Spatial dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Number of vertices n.</summary>
    public int VertexCount { get; }

    /// <summary>Number of cells m.</summary>
    public int CellCount { get; }

    /// <summary>The completed output times, in order.</summary>
    public IReadOnlyList<OutputStep> Steps => steps;

    /// <summary>The output times.</summary>
    public double[] Times => steps.Select(s => s.Time).ToArray();

    /// <summary>The summary series (empty when none was written).</summary>
    public TimeSeries Series { get; }

    /// <summary>The provenance (<see cref="ResultProvenance.WallSeconds"/> is null for an unfinished run).</summary>
    public ResultProvenance Provenance { get; }

    /// <summary>Opens a result directory or a result.h5 file.</summary>
    /// <exception cref="ResultFormatException">A file is missing, unreadable or violates the layout.</exception>
    public static ResultReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (System.IO.Directory.Exists(path))
        {
            string consolidated = Path.Combine(path, ResultLayout.ResultFile);
            return File.Exists(consolidated) ? OpenFinished(consolidated) : OpenRunning(path);
        }

        return OpenFinished(path);
    }

    /// <summary>Reads and validates the mesh (coordinates, cells, groups).</summary>
    public SimplexMesh ReadMesh() => MeshHdf.Read(main);

    /// <summary>Reads one node field of output <paramref name="outputIndex"/> (values as written, possibly non-finite).</summary>
    public double[] ReadField(int outputIndex, string name)
    {
        var step = StepAt(outputIndex);
        if (!step.FieldNames.Contains(name))
        {
            throw new KeyNotFoundException($"output {outputIndex} (step {step.Step}) has no field '{name}'; it has {string.Join(", ", step.FieldNames)}");
        }

        return WithStepSource(step, (source, prefix) => StepHdf.ReadField(source, prefix, name, VertexCount));
    }

    /// <summary>Reads every node field of output <paramref name="outputIndex"/>, in the order written.</summary>
    public IReadOnlyDictionary<string, double[]> ReadFields(int outputIndex)
    {
        var step = StepAt(outputIndex);
        return WithStepSource(step, (source, prefix) =>
            step.FieldNames.ToDictionary(name => name, name => StepHdf.ReadField(source, prefix, name, VertexCount)));
    }

    /// <inheritdoc/>
    public void Dispose() => main.Dispose();

    private OutputStep StepAt(int outputIndex) =>
        outputIndex >= 0 && outputIndex < steps.Count
            ? steps[outputIndex]
            : throw new ArgumentOutOfRangeException(nameof(outputIndex), $"output index {outputIndex} is outside 0..{steps.Count - 1}");

    private T WithStepSource<T>(OutputStep step, Func<HdfSource, string, T> read)
    {
        if (directory is null)
        {
            return read(main, "/steps/" + ResultLayout.StepName(step.Step));
        }

        using var source = HdfSource.Open(Path.Combine(directory, ResultLayout.StepFile(step.Step)), StepHdf.Format);
        return read(source, "");
    }

    private static ResultReader OpenFinished(string file)
    {
        var source = HdfSource.Open(file, ResultFormats.Result);
        try
        {
            var (_, n, _) = MeshHdf.Counts(source);
            double[] times = source.ReadDoubles("/output/times", [-1], allowNaN: false, out _);
            long[] indices = source.ReadIntegers("/output/steps", [times.Length], out _);
            var steps = new List<OutputStep>();
            for (int k = 0; k < times.Length; k++)
            {
                string prefix = "/steps/" + ResultLayout.StepName((int)indices[k]);
                var step = StepHdf.ReadHeader(source, prefix, n);
                if (step.Step != indices[k] || BitConverter.DoubleToInt64Bits(step.Time) != BitConverter.DoubleToInt64Bits(times[k]))
                {
                    throw source.Problem($"group {prefix} holds step {step.Step} at time {step.Time:R}, but /output lists step {indices[k]} at time {times[k]:R}");
                }

                steps.Add(step);
            }

            CheckIncreasing(source, steps);
            return new ResultReader(source, null, steps, SeriesHdf.Read(source, "/series"), ProvenanceHdf.Read(source));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static ResultReader OpenRunning(string directory)
    {
        var source = HdfSource.Open(Path.Combine(directory, ResultLayout.MeshFile), ResultFormats.Mesh);
        try
        {
            var (_, n, _) = MeshHdf.Counts(source);
            var steps = new List<OutputStep>();
            foreach (var (number, path) in ResultLayout.NumberedFiles(Path.Combine(directory, ResultLayout.StepsFolder), "step"))
            {
                using var stepSource = HdfSource.Open(path, StepHdf.Format);
                var step = StepHdf.ReadHeader(stepSource, "", n);
                if (step.Step != number)
                {
                    throw stepSource.Problem($"holds step {step.Step}, but its name says {number}");
                }

                steps.Add(step);
            }

            CheckIncreasing(source, steps);
            string seriesFile = Path.Combine(directory, ResultLayout.SeriesFile);
            TimeSeries series = TimeSeries.Empty;
            if (File.Exists(seriesFile))
            {
                using var seriesSource = HdfSource.Open(seriesFile, ResultFormats.Series);
                series = SeriesHdf.Read(seriesSource, "/series");
            }

            return new ResultReader(source, Path.GetFullPath(directory), steps, series, ProvenanceHdf.Read(source));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static void CheckIncreasing(HdfSource source, List<OutputStep> steps)
    {
        for (int k = 1; k < steps.Count; k++)
        {
            if (!(steps[k].Time > steps[k - 1].Time))
            {
                throw source.Problem($"output times are not increasing: step {steps[k - 1].Step} at {steps[k - 1].Time:R}, then step {steps[k].Step} at {steps[k].Time:R}");
            }
        }
    }
}
