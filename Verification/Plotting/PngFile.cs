using ScottPlot;

namespace PdeFlows.Verification.Plotting;

/// <summary>Writes ScottPlot plots and multiplots as PNG files, creating the folder first.</summary>
public static class PngFile
{
    /// <summary>Saves <paramref name="plot"/> at <paramref name="size"/>; returns the full path.</summary>
    public static string Save(Plot plot, string path, PlotSize size)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string full = Prepare(path, size);
        plot.SavePng(full, size.Width, size.Height);
        return full;
    }

    /// <summary>Saves <paramref name="multiplot"/> at <paramref name="size"/>; returns the full path.</summary>
    public static string Save(Multiplot multiplot, string path, PlotSize size)
    {
        ArgumentNullException.ThrowIfNull(multiplot);
        string full = Prepare(path, size);
        multiplot.SavePng(full, size.Width, size.Height);
        return full;
    }

    /// <summary>Reads width and height from a PNG file's IHDR chunk.</summary>
    /// <exception cref="InvalidDataException">The file is not a PNG.</exception>
    public static PlotSize ReadSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(header);
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!header[..8].SequenceEqual(signature) || !header[12..16].SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException($"{path} is not a PNG file");
        }

        return new PlotSize(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..20]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }

    private static string Prepare(string path, PlotSize size)
    {
        ArgumentNullException.ThrowIfNull(path);
        size.Validate();
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
