using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// A checkpoint file (<c>checkpoints/ckpt-NNNNNN.h5</c>): root attributes <c>format</c>,
/// <c>format_version</c>, <c>case_sha256</c>; datasets <c>step</c>, <c>time</c>,
/// <c>arrays/NAME</c> (float64 of any shape), <c>scalars/NAME</c> (float64 scalar),
/// <c>integers/NAME</c> (int64 scalar) and the group <c>series</c>. NaN is forbidden throughout.
/// </summary>
internal static class CheckpointHdf
{
    /// <summary>The format attribute of a checkpoint file.</summary>
    public const string Format = "pdeflows-checkpoint";

    /// <summary>Builds the file.</summary>
    public static H5File Build(int step, double time, string caseSha256, CheckpointState state)
    {
        var file = HdfWrite.NewFile(Format);
        file.Attributes["case_sha256"] = caseSha256;
        file["step"] = (long)step;
        file["time"] = time;
        var arrays = new H5Group();
        foreach (var (name, array) in state.Arrays)
        {
            arrays[name] = HdfWrite.Doubles(array.Values, [.. array.Shape]);
        }

        var scalars = new H5Group();
        foreach (var (name, value) in state.Scalars)
        {
            scalars[name] = value;
        }

        var integers = new H5Group();
        foreach (var (name, value) in state.Integers)
        {
            integers[name] = value;
        }

        file["arrays"] = arrays;
        file["scalars"] = scalars;
        file["integers"] = integers;
        file["series"] = SeriesHdf.Build(state.Series);
        return file;
    }

    /// <summary>Reads and validates a checkpoint file completely.</summary>
    /// <exception cref="ResultFormatException">The file is unreadable or violates the layout.</exception>
    public static Checkpoint Read(string path)
    {
        using var source = HdfSource.Open(path, Format);
        string hash = source.StringAttribute("/", "case_sha256") ?? throw source.Problem("attribute 'case_sha256' is missing");
        long step = source.ReadInteger("/step");
        if (step is < 0 or > int.MaxValue)
        {
            throw source.Problem($"dataset /step holds {step}, not a step index");
        }

        double time = source.ReadDouble("/time");
        if (!double.IsFinite(time))
        {
            throw source.Problem($"dataset /time holds {time:R}, expected a finite time");
        }

        var arrays = new Dictionary<string, ShapedArray>();
        foreach (string name in source.ChildNames("/arrays"))
        {
            string arrayPath = "/arrays/" + name;
            int rank = source.Shape(arrayPath).Length;
            if (rank == 0)
            {
                throw source.Problem($"dataset {arrayPath} is a scalar, expected an array");
            }

            double[] values = source.ReadDoubles(arrayPath, Enumerable.Repeat(-1, rank).ToArray(), allowNaN: false, out int[] shape);
            arrays[name] = new ShapedArray(values, shape);
        }

        var scalars = new Dictionary<string, double>();
        foreach (string name in source.ChildNames("/scalars"))
        {
            scalars[name] = source.ReadDouble("/scalars/" + name);
        }

        var integers = new Dictionary<string, long>();
        foreach (string name in source.ChildNames("/integers"))
        {
            integers[name] = source.ReadInteger("/integers/" + name);
        }

        if (!source.Exists("/series"))
        {
            throw source.Problem("group /series is missing");
        }

        var series = SeriesHdf.Read(source, "/series");
        return new Checkpoint(path, (int)step, time, hash, new CheckpointState(arrays, scalars, integers, series));
    }
}
