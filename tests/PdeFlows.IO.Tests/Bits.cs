namespace PdeFlows.IO.Tests;

/// <summary>Bit-exact comparison of arrays (so −0 ≠ +0 and NaN payloads count), with the first difference in the message.</summary>
internal static class Bits
{
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            long e = BitConverter.DoubleToInt64Bits(expected[i]);
            long a = BitConverter.DoubleToInt64Bits(actual[i]);
            Assert.True(e == a, $"{what}[{i}]: {actual[i]:R} (0x{a:X16}), expected {expected[i]:R} (0x{e:X16})");
        }
    }

    public static void Equal(ReadOnlySpan<int> expected, ReadOnlySpan<int> actual, string what)
    {
        Assert.True(expected.SequenceEqual(actual), $"{what}: integer arrays differ");
    }

    public static void Equal(TimeSeries expected, TimeSeries actual)
    {
        Equal(expected.Times, actual.Times, "series times");
        Assert.Equal(expected.Quantities.Keys, actual.Quantities.Keys);
        foreach (var (name, quantity) in expected.Quantities)
        {
            Assert.Equal(quantity.Shape, actual.Quantities[name].Shape);
            Equal(quantity.Values, actual.Quantities[name].Values, "series " + name);
        }
    }

    /// <summary>The checker itself must be able to fail: −0 against +0.</summary>
    public static bool Detects() => BitConverter.DoubleToInt64Bits(-0.0) != BitConverter.DoubleToInt64Bits(0.0);

    public static string Hex(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), values[i]);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
