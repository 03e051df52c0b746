namespace PdeFlows.Mesh;

/// <summary>
/// The edge → midpoint map used by uniform refinement: every edge of the mesh gets one new vertex,
/// shared by all cells around it. Numbering is deterministic: the old vertices keep 0..n−1 and the
/// midpoints are appended in the order their edges are first met, cells in order and, within a
/// cell, local edges (0,1), (0,2), …, (d−1,d).
/// </summary>
internal sealed class EdgeMidpoints
{
    private readonly Dictionary<long, int> midpointOfEdge;
    private readonly List<double> coordinates;
    private readonly int dimension;

    private EdgeMidpoints(int dimension, Dictionary<long, int> midpointOfEdge, List<double> coordinates)
    {
        this.dimension = dimension;
        this.midpointOfEdge = midpointOfEdge;
        this.coordinates = coordinates;
    }

    /// <summary>The coordinates of old and new vertices, (n + edges) × d row-major.</summary>
    public double[] Coordinates => coordinates.ToArray();

    /// <summary>Numbers the midpoints of every edge of <paramref name="mesh"/>.</summary>
    public static EdgeMidpoints Of(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        var coordinates = new List<double>(mesh.Coordinates.Length * 2);
        foreach (double x in mesh.Coordinates)
        {
            coordinates.Add(x);
        }

        var map = new Dictionary<long, int>(mesh.CellCount * (d == 3 ? 2 : d + 1));
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            for (int a = 0; a < d; a++)
            {
                for (int b = a + 1; b <= d; b++)
                {
                    long key = Key(cell[a], cell[b]);
                    if (!map.ContainsKey(key))
                    {
                        map[key] = coordinates.Count / d;
                        ReadOnlySpan<double> xa = mesh.Vertex(cell[a]), xb = mesh.Vertex(cell[b]);
                        for (int k = 0; k < d; k++)
                        {
                            coordinates.Add(0.5 * (xa[k] + xb[k]));
                        }
                    }
                }
            }
        }

        return new EdgeMidpoints(d, map, coordinates);
    }

    /// <summary>The index of the midpoint of edge (u, v), in either order.</summary>
    /// <exception cref="ArgumentException">(u, v) is not an edge of any cell.</exception>
    public int Midpoint(int u, int v) =>
        midpointOfEdge.TryGetValue(Key(u, v), out int m)
            ? m
            : throw new ArgumentException($"({u}, {v}) is not an edge of any cell (a facet group holds a facet that is not a face of the mesh)");

    /// <summary>Number of vertices after refinement.</summary>
    public int VertexCount => coordinates.Count / dimension;

    private static long Key(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;
}
