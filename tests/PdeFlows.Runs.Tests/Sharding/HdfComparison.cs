using PureHDF;
using PureHDF.VOL.Native;

namespace PdeFlows.Runs.Tests.Sharding;

/// <summary>
/// Compares two HDF5 files object by object: the same groups and datasets, every dataset equal bit for
/// bit (floats by their bit patterns, so −0 ≠ +0 and NaN payloads count), every attribute equal except
/// the ones named (wall-clock fields). Independent of the writer: it walks the files with PureHDF's reader.
/// </summary>
internal static class HdfComparison
{
    /// <summary>The differences, one line each (empty when equal); <paramref name="ignored"/> attributes are not compared.</summary>
    public static List<string> Differences(string expectedPath, string actualPath, params string[] ignored)
    {
        using var expected = H5File.OpenRead(expectedPath);
        using var actual = H5File.OpenRead(actualPath);
        var differences = new List<string>();
        Compare(expected, actual, "/", ignored, differences);
        return differences;
    }

    /// <summary>The number of datasets in a file (so a comparison that finds nothing can be told from one that compared nothing).</summary>
    public static int DatasetCount(string path)
    {
        using var file = H5File.OpenRead(path);
        return Count(file);
    }

    private static int Count(NativeGroup group) =>
        group.Children().Sum(child => child is NativeGroup sub ? Count(sub) : 1);

    private static void Compare(NativeObject expected, NativeObject actual, string path, string[] ignored, List<string> differences)
    {
        var expectedAttributes = expected.Attributes().ToDictionary(a => a.Name);
        var actualAttributes = actual.Attributes().ToDictionary(a => a.Name);
        foreach (string name in expectedAttributes.Keys.Union(actualAttributes.Keys).Where(n => !ignored.Contains(n)))
        {
            if (!expectedAttributes.TryGetValue(name, out var a) || !actualAttributes.TryGetValue(name, out var b))
            {
                differences.Add($"{path}@{name}: present in one file only");
            }
            else if (Value(a) != Value(b))
            {
                differences.Add($"{path}@{name}: {Value(a)} ≠ {Value(b)}");
            }
        }

        if (expected is NativeDataset expectedSet && actual is NativeDataset actualSet)
        {
            string x = Data(expectedSet), y = Data(actualSet);
            if (x != y || !expectedSet.Space.Dimensions.SequenceEqual(actualSet.Space.Dimensions))
            {
                differences.Add($"{path}: dataset contents differ");
            }

            return;
        }

        if (expected is not NativeGroup expectedGroup || actual is not NativeGroup actualGroup)
        {
            differences.Add($"{path}: a group in one file, a dataset in the other");
            return;
        }

        var expectedChildren = expectedGroup.Children().ToDictionary(c => c.Name);
        var actualChildren = actualGroup.Children().ToDictionary(c => c.Name);
        foreach (string name in expectedChildren.Keys.Union(actualChildren.Keys).Order(StringComparer.Ordinal))
        {
            if (!expectedChildren.TryGetValue(name, out var a) || !actualChildren.TryGetValue(name, out var b))
            {
                differences.Add($"{path}{name}: present in one file only");
                continue;
            }

            Compare((NativeObject)a, (NativeObject)b, $"{path}{name}/", ignored, differences);
        }
    }

    /// <summary>A dataset's values as text that is equal exactly when the values are bitwise equal.</summary>
    private static string Data(NativeDataset dataset)
    {
        bool scalar = dataset.Space.Dimensions.Length == 0;
        return (dataset.Type.Class, dataset.Type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 8) => scalar ? Bits(dataset.Read<double>()) : string.Join(",", dataset.Read<double[]>().Select(Bits)),
            (H5DataTypeClass.FixedPoint, 8) => scalar ? dataset.Read<long>().ToString() : string.Join(",", dataset.Read<long[]>()),
            (H5DataTypeClass.FixedPoint, 4) => scalar ? dataset.Read<int>().ToString() : string.Join(",", dataset.Read<int[]>()),
            (H5DataTypeClass.String or H5DataTypeClass.VariableLength, _) => scalar ? dataset.Read<string>() : string.Join("\u0001", dataset.Read<string[]>()),
            var other => throw new NotSupportedException($"dataset type {other} is not compared"),
        };
    }

    private static string Value(IH5Attribute attribute) => (attribute.Type.Class, attribute.Type.Size) switch
    {
        (H5DataTypeClass.FloatingPoint, 8) => Bits(attribute.Read<double>()),
        (H5DataTypeClass.FixedPoint, 8) => attribute.Read<long>().ToString(),
        (H5DataTypeClass.FixedPoint, 4) => attribute.Read<int>().ToString(),
        (H5DataTypeClass.String or H5DataTypeClass.VariableLength, _) => attribute.Read<string>(),
        var other => throw new NotSupportedException($"attribute type {other} is not compared"),
    };

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16");
}
