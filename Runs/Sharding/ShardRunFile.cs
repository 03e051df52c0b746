using System.Collections.Immutable;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Runs.Running;
using PureHDF;

namespace PdeFlows.Runs.Sharding;

/// <summary>A run read back from a shard's run file.</summary>
/// <param name="Rows">The recorded rows (with densities when they were kept).</param>
/// <param name="FinalState">The state at the end time, or null when it was not stored.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
/// <param name="Extra">Extra numbers stored with the run (a reference level's h, τ, nodes, cells).</param>
public sealed record ShardRun(IReadOnlyList<SnapshotRow> Rows, FlowState? FinalState, double WallSeconds, IReadOnlyDictionary<string, double> Extra);

/// <summary>
/// One run of a shard as an HDF5 file (format <c>pdeflows-shard-run</c>): root attributes
/// <c>case_sha256</c> and <c>wall_seconds</c>; <c>/extra</c> with extra numbers as attributes; <c>/times</c>; <c>/series/NAME</c>,
/// the rows as the result format's series (<see cref="RunContent.Series"/>, same names);
/// <c>/density</c> [K, n] when the rows kept densities; <c>/final/density</c> (when stored) with attributes
/// named as a checkpoint's scalars (<see cref="RunContentNames"/>). Every number
/// is stored as float64 and read back bit for bit, which is what makes a merged study equal to one
/// run in one process.
/// </summary>
public static class ShardRunFile
{
    /// <summary>The <c>format</c> attribute.</summary>
    public const string Format = "pdeflows-shard-run";

    /// <summary>Writes the run (to a temporary name, then renamed).</summary>
    /// <param name="path">The file.</param>
    /// <param name="caseSha256">The hash of the run's resolved case.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="layout">Their layout.</param>
    /// <param name="final">The final state, or null (a reference level needs only its rows).</param>
    /// <param name="wallSeconds">The run's wall-clock seconds.</param>
    /// <param name="extra">Extra numbers, or null.</param>
    public static void Write(string path, string caseSha256, IReadOnlyList<SnapshotRow> rows, RowLayout layout, FlowState? final, double wallSeconds, IReadOnlyDictionary<string, double>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var file = new H5File();
        file.Attributes["format"] = Format;
        file.Attributes["format_version"] = 1;
        file.Attributes["case_sha256"] = caseSha256;
        file.Attributes["wall_seconds"] = wallSeconds;
        var extraGroup = new H5Group();
        foreach (var (name, value) in extra ?? new Dictionary<string, double>())
        {
            extraGroup.Attributes[name] = value;
        }

        file["extra"] = extraGroup;

        TimeSeries series = RunContent.Series(rows, layout);
        var group = new H5Group();
        foreach (var (name, quantity) in series.Quantities)
        {
            group[name] = Doubles(quantity.Values, [.. quantity.Shape]);
        }

        file["times"] = Doubles(series.Times, series.Times.Length);
        file["series"] = group;
        if (rows.Count > 0 && rows.All(r => r.HasDensity))
        {
            int n = rows[0].Density.Length;
            file["density"] = Doubles([.. rows.SelectMany(r => r.Density)], rows.Count, n);
        }

        if (final is FlowState state)
        {
            var finalGroup = new H5Group { ["density"] = Doubles(state.Density, state.Density.Length) };
            finalGroup.Attributes[RunContentNames.StateTime] = state.Time;
            finalGroup.Attributes[RunContentNames.StateStep] = state.Step;
            finalGroup.Attributes[RunContentNames.EdbDefect] = state.EdbDefect;
            finalGroup.Attributes[RunContentNames.StateCurrentStep] = state.CurrentStep;
            finalGroup.Attributes[RunContentNames.StateRejected] = state.Rejected;
            file["final"] = finalGroup;
        }

        string temporary = path + ".tmp";
        file.Write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>SHA-256 of a file's bytes, lowercase hex.</summary>
    /// <param name="path">The file.</param>
    /// <returns>64 hex digits.</returns>
    public static string Checksum(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Reads a run file back, after checking its bytes against the checksum the shard recorded.</summary>
    /// <param name="path">The file.</param>
    /// <param name="layout">The layout its rows must have.</param>
    /// <param name="expectedCaseSha256">The hash of the case the run must belong to.</param>
    /// <param name="fileSha256">The checksum of the file's bytes recorded when it was written.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ShardMergeException">Missing, unreadable, of another case, or not fitting the layout; the message names the file.</exception>
    public static ShardRun Read(string path, RowLayout layout, string expectedCaseSha256, string fileSha256)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(path))
        {
            throw new ShardMergeException($"{path}: the run file named in the manifest is missing");
        }

        // Reading is no check: PureHDF opened a run file cut to half its length without an error (the cut
        // fell into unused heap space). The checksum notices any change to the bytes.
        if (Checksum(path) != fileSha256)
        {
            throw new ShardMergeException($"{path}: the run file's bytes do not match the checksum in the manifest (truncated, corrupted or replaced)", "rerun the shard that wrote it");
        }

        try
        {
            using var file = H5File.OpenRead(path);
            string format = file.AttributeExists("format") ? file.Attribute("format").Read<string>() : "";
            if (format != Format)
            {
                throw new ShardMergeException($"{path}: not a shard run file (format '{format}')");
            }

            string hash = file.Attribute("case_sha256").Read<string>();
            if (hash != expectedCaseSha256)
            {
                throw new ShardMergeException($"{path}: the run belongs to another case (case SHA-256 {hash}, expected {expectedCaseSha256})", "rerun the shard with the same study or case file");
            }

            double[] times = file.Dataset("times").Read<double[]>();
            var quantities = new Dictionary<string, ShapedArray>();
            foreach (var child in file.Group("series").Children())
            {
                var dataset = file.Dataset("series/" + child.Name);
                quantities[child.Name] = new ShapedArray(dataset.Read<double[]>(), [.. dataset.Space.Dimensions.Select(d => (int)d)]);
            }

            var rows = RunContent.Rows(new TimeSeries(times, quantities), layout).ToList();
            if (file.LinkExists("density"))
            {
                var dataset = file.Dataset("density");
                int n = (int)dataset.Space.Dimensions[1];
                double[] density = dataset.Read<double[]>();
                for (int k = 0; k < rows.Count; k++)
                {
                    rows[k] = rows[k] with { Density = ImmutableArray.Create(density, k * n, n) };
                }
            }

            FlowState? state = null;
            if (file.LinkExists("final"))
            {
                var final = file.Group("final");
                state = new FlowState(
                    final.Attribute(RunContentNames.StateTime).Read<double>(),
                    final.Attribute(RunContentNames.StateStep).Read<int>(),
                    file.Dataset("final/density").Read<double[]>(),
                    final.Attribute(RunContentNames.EdbDefect).Read<double>(),
                    final.Attribute(RunContentNames.StateCurrentStep).Read<double>(),
                    final.Attribute(RunContentNames.StateRejected).Read<int>());
            }
            var extra = new Dictionary<string, double>();
            foreach (var attribute in file.Group("extra").Attributes())
            {
                extra[attribute.Name] = attribute.Read<double>();
            }

            return new ShardRun(rows, state, file.Attribute("wall_seconds").Read<double>(), extra);
        }
        catch (Exception e) when (e is not ShardMergeException and not OutOfMemoryException)
        {
            throw new ShardMergeException($"{path}: not a readable shard run file ({e.Message})", "rerun the shard that wrote it", e);
        }
    }

    private static H5Dataset Doubles(double[] values, params int[] shape) => new(values, fileDims: [.. shape.Select(e => (ulong)e)]);
}
