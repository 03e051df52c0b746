using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// A <see cref="TimeSeries"/> as an HDF5 group: <c>times</c> (float64 [K]) and
/// <c>quantities/NAME</c> (float64 of the quantity's shape, first extent K).
/// </summary>
internal static class SeriesHdf
{
    /// <summary>Builds the group.</summary>
    public static H5Group Build(TimeSeries series)
    {
        var quantities = new H5Group();
        foreach (var (name, quantity) in series.Quantities)
        {
            quantities[name] = HdfWrite.Doubles(quantity.Values, [.. quantity.Shape]);
        }

        return new H5Group
        {
            ["times"] = HdfWrite.Doubles(series.Times, series.Times.Length),
            ["quantities"] = quantities,
        };
    }

    /// <summary>Reads the group at <paramref name="groupPath"/>; quantities may hold NaN, times may not.</summary>
    public static TimeSeries Read(HdfSource source, string groupPath)
    {
        double[] times = source.ReadDoubles(groupPath + "/times", [-1], allowNaN: false, out _);
        for (int k = 0; k < times.Length; k++)
        {
            if (!double.IsFinite(times[k]) || (k > 0 && !(times[k] > times[k - 1])))
            {
                throw source.Problem($"dataset {groupPath}/times is not finite and strictly increasing at index {k} ({times[k]:R})");
            }
        }

        var quantities = new Dictionary<string, ShapedArray>();
        foreach (string name in source.ChildNames(groupPath + "/quantities"))
        {
            string path = $"{groupPath}/quantities/{name}";
            int rank = source.Shape(path).Length;
            var expected = Enumerable.Repeat(-1, Math.Max(rank, 1)).ToArray();
            expected[0] = times.Length;
            double[] values = source.ReadDoubles(path, expected, allowNaN: true, out int[] shape);
            quantities[name] = new ShapedArray(values, shape);
        }

        return new TimeSeries(times, quantities);
    }
}
