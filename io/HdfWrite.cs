using PureHDF;

namespace PdeFlows.IO;

/// <summary>Small builders for PureHDF datasets with an explicit shape.</summary>
internal static class HdfWrite
{
    /// <summary>A float64 dataset of the given shape (row-major values).</summary>
    public static H5Dataset Doubles(double[] values, params int[] shape) =>
        new(values, fileDims: shape.Select(e => (ulong)e).ToArray());

    /// <summary>An int64 dataset of the given shape (row-major values).</summary>
    public static H5Dataset Integers(long[] values, params int[] shape) =>
        new(values, fileDims: shape.Select(e => (ulong)e).ToArray());

    /// <summary>The root <c>format</c> and <c>format_version</c> attributes every PdeFlows file carries.</summary>
    public static H5File NewFile(string format)
    {
        var file = new H5File();
        file.Attributes["format"] = format;
        file.Attributes["format_version"] = FormatVersion;
        return file;
    }

    /// <summary>The version of the layout in docs/results-format.md.</summary>
    public const int FormatVersion = 1;
}
