using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// One output time as HDF5 objects: <c>time</c> (float64 scalar), <c>step</c> (int64 scalar) and
/// <c>fields/NAME</c> (float64 [n]). Stored at the root of <c>steps/step-NNNNNN.h5</c> and under
/// <c>/steps/step-NNNNNN</c> in result.h5.
/// </summary>
internal static class StepHdf
{
    /// <summary>The format attribute of a step file.</summary>
    public const string Format = "pdeflows-step";

    /// <summary>Adds the step's objects to <paramref name="group"/>.</summary>
    public static void Fill(H5Group group, int step, double time, IReadOnlyDictionary<string, double[]> fields)
    {
        group["time"] = time;
        group["step"] = (long)step;
        var fieldGroup = new H5Group();
        foreach (var (name, values) in fields)
        {
            fieldGroup[name] = HdfWrite.Doubles(values, values.Length);
        }

        group["fields"] = fieldGroup;
    }

    /// <summary>Reads step index, time and field names from the group at <paramref name="prefix"/> ("" for the root), checking the field shapes.</summary>
    public static OutputStep ReadHeader(HdfSource source, string prefix, int vertexCount)
    {
        long step = source.ReadInteger(prefix + "/step");
        if (step is < 0 or > int.MaxValue)
        {
            throw source.Problem($"dataset {prefix}/step holds {step}, not a step index");
        }

        double time = source.ReadDouble(prefix + "/time");
        if (!double.IsFinite(time))
        {
            throw source.Problem($"dataset {prefix}/time holds {time:R}, expected a finite time");
        }

        var names = source.ChildNames(prefix + "/fields");
        foreach (string name in names)
        {
            ulong[] shape = source.Shape($"{prefix}/fields/{name}");
            if (shape.Length != 1 || shape[0] != (ulong)vertexCount)
            {
                throw source.Problem($"dataset {prefix}/fields/{name} has shape [{string.Join(", ", shape)}], expected [{vertexCount}] (one value per vertex)");
            }
        }

        return new OutputStep((int)step, time, names);
    }

    /// <summary>Reads one field (values may be non-finite: a field is returned as written).</summary>
    public static double[] ReadField(HdfSource source, string prefix, string name, int vertexCount) =>
        source.ReadDoubles($"{prefix}/fields/{name}", [vertexCount], allowNaN: true, out _);
}
