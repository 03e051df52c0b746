using PureHDF;
using PureHDF.VOL.Native;

namespace PdeFlows.IO;

/// <summary>
/// An HDF5 file opened for reading, with checked accessors: every failure (not HDF5, truncated,
/// missing object, wrong type, wrong shape, forbidden NaN) becomes a <see cref="ResultFormatException"/>
/// naming the file and the object.
/// </summary>
internal sealed class HdfSource : IDisposable
{
    private readonly NativeFile file;

    private HdfSource(string path, NativeFile file)
    {
        Path = path;
        this.file = file;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> and checks its <c>format</c> attribute.</summary>
    public static HdfSource Open(string path, string expectedFormat)
    {
        if (!File.Exists(path))
        {
            throw new ResultFormatException(path, "file not found");
        }

        // PureHDF reads a truncated file as long as the objects it is asked for lie before the cut:
        // the superblock's end-of-file address says how long the file was written.
        if (HdfEndOfFile.Truncation(path) is string truncated)
        {
            throw new ResultFormatException(path, $"not a readable HDF5 file (truncated or corrupt): {truncated}");
        }

        NativeFile opened;
        try
        {
            opened = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ResultFormatException(path, $"not a readable HDF5 file (truncated or corrupt): {e.Message}", e);
        }

        var source = new HdfSource(path, opened);
        try
        {
            string format = source.Guard("/", () => opened.AttributeExists("format") ? opened.Attribute("format").Read<string>() : "");
            if (format != expectedFormat)
            {
                throw new ResultFormatException(path, format.Length == 0
                    ? $"attribute 'format' is missing: not a PdeFlows {expectedFormat} file"
                    : $"attribute 'format' is '{format}', expected '{expectedFormat}'");
            }

            int? version = source.IntegerAttribute("/", "format_version");
            if (version != HdfWrite.FormatVersion)
            {
                throw new ResultFormatException(path, version is null
                    ? "attribute 'format_version' is missing"
                    : $"attribute 'format_version' is {version}; this PdeFlows reads version {HdfWrite.FormatVersion}");
            }

            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Whether a link (dataset or group) exists at <paramref name="objectPath"/>.</summary>
    public bool Exists(string objectPath) => Guard(objectPath, () => LinkExists(objectPath));

    /// <summary>The child names of a group, in stored order; empty when the group is absent.</summary>
    public List<string> ChildNames(string groupPath) =>
        Exists(groupPath) ? Guard(groupPath, () => file.Group(groupPath).Children().Select(c => c.Name).ToList()) : [];

    /// <summary>The shape of a dataset.</summary>
    public ulong[] Shape(string datasetPath) =>
        Exists(datasetPath)
            ? Guard(datasetPath, () => Dataset(datasetPath).Space.Dimensions)
            : throw Problem($"dataset {datasetPath} is missing");

    /// <summary>Reads a 64-bit float dataset; <paramref name="expectedShape"/> entries of -1 match any extent.</summary>
    public double[] ReadDoubles(string datasetPath, int[] expectedShape, bool allowNaN, out int[] shape)
    {
        var dataset = CheckedDataset(datasetPath, expectedShape, out shape);
        RequireType(dataset, datasetPath, H5DataTypeClass.FloatingPoint, 8, "64-bit float");
        bool scalar = shape.Length == 0;
        double[] values = Guard(datasetPath, () => scalar ? [dataset.Read<double>()] : dataset.Read<double[]>());
        if (!allowNaN)
        {
            int bad = Array.FindIndex(values, double.IsNaN);
            if (bad >= 0)
            {
                throw Problem($"dataset {datasetPath} holds NaN at index {bad}");
            }
        }

        return values;
    }

    /// <summary>Reads a 32- or 64-bit signed integer dataset as 64-bit integers.</summary>
    public long[] ReadIntegers(string datasetPath, int[] expectedShape, out int[] shape)
    {
        var dataset = CheckedDataset(datasetPath, expectedShape, out shape);
        var type = Guard(datasetPath, () => dataset.Type);
        if (type.Class != H5DataTypeClass.FixedPoint || (type.Size != 4 && type.Size != 8))
        {
            throw Problem($"dataset {datasetPath} has type {type.Class} of {type.Size} bytes, expected a 32- or 64-bit integer");
        }

        bool scalar = shape.Length == 0;
        return Guard(datasetPath, () => type.Size == 8
            ? (scalar ? [dataset.Read<long>()] : dataset.Read<long[]>())
            : (scalar ? [dataset.Read<int>()] : dataset.Read<int[]>()).Select(v => (long)v).ToArray());
    }

    /// <summary>Reads a scalar 64-bit float dataset.</summary>
    public double ReadDouble(string datasetPath, bool allowNaN = false) => ReadDoubles(datasetPath, [], allowNaN, out _)[0];

    /// <summary>Reads a scalar integer dataset.</summary>
    public long ReadInteger(string datasetPath) => ReadIntegers(datasetPath, [], out _)[0];

    /// <summary>Reads a scalar string dataset.</summary>
    public string ReadString(string datasetPath)
    {
        var dataset = CheckedDataset(datasetPath, [], out _);
        RequireType(dataset, datasetPath, H5DataTypeClass.String, 0, "string");
        return Guard(datasetPath, () => dataset.Read<string>());
    }

    /// <summary>Reads a string attribute of an object; null when absent.</summary>
    public string? StringAttribute(string objectPath, string name) =>
        ReadAttribute(objectPath, name, H5DataTypeClass.String, "string", a => a.Read<string>());

    /// <summary>Reads a 64-bit float attribute; null when absent.</summary>
    public double? DoubleAttribute(string objectPath, string name) =>
        ReadAttribute<double?>(objectPath, name, H5DataTypeClass.FloatingPoint, "float", a => a.Read<double>());

    /// <summary>Reads a 32-bit integer attribute; null when absent.</summary>
    public int? IntegerAttribute(string objectPath, string name) =>
        ReadAttribute<int?>(objectPath, name, H5DataTypeClass.FixedPoint, "integer", a => a.Read<int>());

    /// <summary>An exception naming this file.</summary>
    public ResultFormatException Problem(string problem, Exception? inner = null) => new(Path, problem, inner);

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();

    private T? ReadAttribute<T>(string objectPath, string name, H5DataTypeClass typeClass, string typeName, Func<IH5Attribute, T> read)
    {
        if (!Exists(objectPath))
        {
            throw Problem($"object {objectPath} is missing");
        }

        return Guard($"{objectPath} attribute {name}", () =>
        {
            IH5Object target = objectPath == "/" ? file : file.Get(objectPath);
            if (!target.AttributeExists(name))
            {
                return default;
            }

            var attribute = target.Attribute(name);
            if (!ClassMatches(attribute.Type.Class, typeClass))
            {
                throw Problem($"attribute '{name}' of {objectPath} has type {attribute.Type.Class}, expected {typeName}");
            }

            return read(attribute);
        });
    }

    private IH5Dataset CheckedDataset(string datasetPath, int[] expectedShape, out int[] shape)
    {
        if (!Exists(datasetPath))
        {
            throw Problem($"dataset {datasetPath} is missing");
        }

        var dataset = Guard(datasetPath, () => Dataset(datasetPath));
        ulong[] dims = Guard(datasetPath, () => dataset.Space.Dimensions);
        shape = dims.Select(d => d > int.MaxValue ? -2 : (int)d).ToArray();
        bool matches = shape.Length == expectedShape.Length
            && shape.Zip(expectedShape).All(p => p.Second == -1 ? p.First >= 0 : p.First == p.Second);
        if (!matches)
        {
            throw Problem($"dataset {datasetPath} has shape [{string.Join(", ", dims)}], expected [{string.Join(", ", expectedShape.Select(e => e == -1 ? "*" : e.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]");
        }

        return dataset;
    }

    private void RequireType(IH5Dataset dataset, string datasetPath, H5DataTypeClass typeClass, int size, string typeName)
    {
        var type = Guard(datasetPath, () => dataset.Type);
        if (!ClassMatches(type.Class, typeClass) || (size > 0 && type.Size != size))
        {
            throw Problem($"dataset {datasetPath} has type {type.Class} of {type.Size} bytes, expected {typeName}");
        }
    }

    /// <summary>Variable-length strings report the class VariableLength; accept them as strings.</summary>
    private static bool ClassMatches(H5DataTypeClass actual, H5DataTypeClass expected) =>
        actual == expected || (expected == H5DataTypeClass.String && actual == H5DataTypeClass.VariableLength);

    private IH5Dataset Dataset(string datasetPath)
    {
        var link = file.Get(datasetPath);
        return link as IH5Dataset ?? throw Problem($"{datasetPath} is a group, expected a dataset");
    }

    private bool LinkExists(string objectPath)
    {
        if (objectPath == "/")
        {
            return true;
        }

        // Walk the path so that a missing intermediate group reads as "absent", not as an error.
        IH5Group group = file;
        string[] parts = objectPath.Trim('/').Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            if (!group.LinkExists(parts[i]))
            {
                return false;
            }

            if (i < parts.Length - 1)
            {
                if (group.Get(parts[i]) is not IH5Group next)
                {
                    return false;
                }

                group = next;
            }
        }

        return true;
    }

    private T Guard<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ResultFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Problem($"cannot read {where} (truncated or corrupt file?): {e.Message}", e);
        }
    }
}
