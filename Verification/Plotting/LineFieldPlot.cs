using System.Globalization;
using PdeFlows.Mesh;

namespace PdeFlows.Verification.Plotting;

/// <summary>A nodal field of a 1D mesh at several times, one line per time on one axis (vertices sorted by x).</summary>
public static class LineFieldPlot
{
    /// <summary>Writes the PNG (default 800 × 600) and returns its path.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="mesh">A 1D mesh.</param>
    /// <param name="snapshots">(time, one value per vertex) pairs.</param>
    /// <param name="fieldName">The vertical axis label.</param>
    /// <param name="size">Pixel size.</param>
    /// <exception cref="ArgumentException">The mesh is not 1D, or a snapshot's length differs from the vertex count.</exception>
    public static string Write(string path, SimplexMesh mesh, IEnumerable<(double Time, double[] Values)> snapshots, string fieldName, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (mesh.Dimension != 1)
        {
            throw new ArgumentException($"a line plot needs a 1D mesh, got dimension {mesh.Dimension}", nameof(mesh));
        }

        double[] x = mesh.Coordinates.ToArray();
        int[] order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        double[] sortedX = order.Select(i => x[i]).ToArray();
        var curves = snapshots.Select(s => s.Values.Length == x.Length
            ? new NamedCurve("t = " + s.Time.ToString("G4", CultureInfo.InvariantCulture), sortedX, order.Select(i => s.Values[i]).ToArray())
            : throw new ArgumentException($"a snapshot at t = {s.Time} has {s.Values.Length} values, the mesh {x.Length} vertices", nameof(snapshots))).ToList();
        return CurvePlot.Write(path, curves, new CurvePlotLabels(fieldName + " over x", "x", fieldName, AlwaysShowLegend: true), size: size);
    }
}
