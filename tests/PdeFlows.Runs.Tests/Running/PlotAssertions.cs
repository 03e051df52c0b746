using PdeFlows.Mesh;
using PdeFlows.Verification.Plotting;
using SkiaSharp;

namespace PdeFlows.Runs.Tests.Running;

/// <summary>Checks on written pictures and a nodal helper for the result plots (as in the Verification tests of the plotting layer).</summary>
internal static class PlotAssertions
{
    /// <summary>The file is a decodable PNG of the given size and not trivially small.</summary>
    public static void AssertPng(string path, int width, int height)
    {
        Assert.True(File.Exists(path), path);
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is only {new FileInfo(path).Length} bytes");
        Assert.Equal(new PlotSize(width, height), PngFile.ReadSize(path));
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    /// <summary>The values of <paramref name="function"/> at the mesh vertices.</summary>
    public static double[] Nodal(SimplexMesh mesh, Func<double[], double> function)
    {
        int d = mesh.Dimension;
        var values = new double[mesh.VertexCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = function(mesh.Coordinates.Slice(i * d, d).ToArray());
        }

        return values;
    }
}
