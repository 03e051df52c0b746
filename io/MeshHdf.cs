using PdeFlows.Mesh;
using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// The mesh group of mesh.h5 and result.h5: <c>coordinates</c> (n × d float64), <c>cells</c>
/// (m × (d+1) int64), for d = 1 also <c>geometry_xy</c> (n × 2, y = 0, for XDMF readers, which
/// know no one-dimensional geometry), <c>cell_groups/NAME</c> (int64 [k]) and
/// <c>facet_groups/NAME</c> (int64 [k, d]).
/// </summary>
internal static class MeshHdf
{
    /// <summary>The group holding the mesh.</summary>
    public const string Group = "/mesh";

    /// <summary>Builds the mesh group.</summary>
    public static H5Group Build(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        var group = new H5Group
        {
            ["coordinates"] = HdfWrite.Doubles(mesh.Coordinates.ToArray(), mesh.VertexCount, d),
            ["cells"] = HdfWrite.Integers(ToLong(mesh.Cells), mesh.CellCount, d + 1),
        };
        if (d == 1)
        {
            var xy = new double[2 * mesh.VertexCount];
            for (int i = 0; i < mesh.VertexCount; i++)
            {
                xy[2 * i] = mesh.Coordinates[i];
            }

            group["geometry_xy"] = HdfWrite.Doubles(xy, mesh.VertexCount, 2);
        }

        var cellGroups = new H5Group();
        foreach (var (name, cells) in mesh.CellGroups)
        {
            ResultNames.CheckLinkName(name);
            cellGroups[name] = HdfWrite.Integers(ToLong(cells), cells.Length);
        }

        var facetGroups = new H5Group();
        foreach (var (name, facets) in mesh.FacetGroups)
        {
            ResultNames.CheckLinkName(name);
            facetGroups[name] = HdfWrite.Integers(ToLong(facets), facets.Length / d, d);
        }

        group["cell_groups"] = cellGroups;
        group["facet_groups"] = facetGroups;
        return group;
    }

    /// <summary>The dimension, vertex count and cell count, from the dataset shapes alone.</summary>
    public static (int Dimension, int VertexCount, int CellCount) Counts(HdfSource source)
    {
        ulong[] coordinates = source.Shape(Group + "/coordinates");
        ulong[] cells = source.Shape(Group + "/cells");
        if (coordinates.Length != 2 || coordinates[1] is < 1 or > 3)
        {
            throw source.Problem($"dataset {Group}/coordinates has shape [{string.Join(", ", coordinates)}], expected [n, d] with d = 1, 2 or 3");
        }

        int d = (int)coordinates[1];
        if (cells.Length != 2 || cells[1] != (ulong)(d + 1))
        {
            throw source.Problem($"dataset {Group}/cells has shape [{string.Join(", ", cells)}], expected [m, {d + 1}]");
        }

        return (d, (int)coordinates[0], (int)cells[0]);
    }

    /// <summary>Reads and validates the mesh.</summary>
    public static SimplexMesh Read(HdfSource source)
    {
        var (d, n, m) = Counts(source);
        double[] coordinates = source.ReadDoubles(Group + "/coordinates", [n, d], allowNaN: false, out _);
        int bad = Array.FindIndex(coordinates, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw source.Problem($"dataset {Group}/coordinates holds a non-finite value at vertex {bad / d}");
        }

        int[] cells = ToInt(source, Group + "/cells", source.ReadIntegers(Group + "/cells", [m, d + 1], out _));
        var cellGroups = new Dictionary<string, int[]>();
        foreach (string name in source.ChildNames(Group + "/cell_groups"))
        {
            string path = $"{Group}/cell_groups/{name}";
            cellGroups[name] = ToInt(source, path, source.ReadIntegers(path, [-1], out _));
        }

        var facetGroups = new Dictionary<string, int[]>();
        foreach (string name in source.ChildNames(Group + "/facet_groups"))
        {
            string path = $"{Group}/facet_groups/{name}";
            facetGroups[name] = ToInt(source, path, source.ReadIntegers(path, [-1, d], out _));
        }

        try
        {
            return new SimplexMesh(d, coordinates, cells, cellGroups, facetGroups);
        }
        catch (ArgumentException e)
        {
            throw source.Problem($"group {Group} is not a valid mesh: {e.Message}", e);
        }
    }

    private static long[] ToLong(ReadOnlySpan<int> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static int[] ToInt(HdfSource source, string path, long[] values)
    {
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is < int.MinValue or > int.MaxValue)
            {
                throw source.Problem($"dataset {path} holds {values[i]} at index {i}, out of the 32-bit index range");
            }

            result[i] = (int)values[i];
        }

        return result;
    }
}
