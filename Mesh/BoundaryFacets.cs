namespace PdeFlows.Mesh;

/// <summary>
/// The facets (points in 1D, edges in 2D, triangles in 3D) that belong to exactly one cell,
/// each with its owning cell and the local index of the cell vertex opposite to it.
/// </summary>
public sealed class BoundaryFacets
{
    private readonly int[] vertices;
    private readonly int[] owners;
    private readonly int[] opposite;

    private BoundaryFacets(int dimension, int[] vertices, int[] owners, int[] opposite)
    {
        VerticesPerFacet = dimension;
        this.vertices = vertices;
        this.owners = owners;
        this.opposite = opposite;
    }

    /// <summary>Vertices per facet, d.</summary>
    public int VerticesPerFacet { get; }

    /// <summary>Number of boundary facets.</summary>
    public int Count => owners.Length;

    /// <summary>All facet vertex indices, Count × d, each facet ascending.</summary>
    public ReadOnlySpan<int> Vertices => vertices;

    /// <summary>The vertex indices of facet <paramref name="facet"/>, ascending.</summary>
    public ReadOnlySpan<int> Facet(int facet) => vertices.AsSpan(facet * VerticesPerFacet, VerticesPerFacet);

    /// <summary>The cell that owns facet <paramref name="facet"/>.</summary>
    public int Owner(int facet) => owners[facet];

    /// <summary>Local index (0..d) in the owning cell of the vertex opposite to the facet.</summary>
    public int OppositeLocalVertex(int facet) => opposite[facet];

    /// <summary>Finds the facets that occur in exactly one cell; throws if a facet occurs in more than two (non-manifold).</summary>
    internal static BoundaryFacets Compute(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        var count = new Dictionary<FacetKey, (int Cell, int Local, int Occurrences)>(mesh.CellCount * (d + 1) / 2 + 1);
        Span<int> facet = stackalloc int[3];
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            for (int local = 0; local <= d; local++)
            {
                var key = FacetKey.Of(cell, local, facet[..d]);
                if (count.TryGetValue(key, out var entry))
                {
                    if (entry.Occurrences >= 2)
                    {
                        throw new ArgumentException($"facet ({string.Join(", ", facet[..d].ToArray())}) is shared by more than two cells (cell {c} among them): the mesh is not a manifold");
                    }

                    count[key] = (entry.Cell, entry.Local, entry.Occurrences + 1);
                }
                else
                {
                    count[key] = (c, local, 1);
                }
            }
        }

        var vertices = new List<int>();
        var owners = new List<int>();
        var opposite = new List<int>();
        foreach (var (key, entry) in count.OrderBy(e => e.Value.Cell).ThenBy(e => e.Value.Local))
        {
            if (entry.Occurrences == 1)
            {
                key.AppendTo(vertices, d);
                owners.Add(entry.Cell);
                opposite.Add(entry.Local);
            }
        }

        return new BoundaryFacets(d, vertices.ToArray(), owners.ToArray(), opposite.ToArray());
    }

    /// <summary>A facet as its sorted vertex indices (unused slots −1).</summary>
    internal readonly record struct FacetKey(int A, int B, int C)
    {
        /// <summary>The facet of <paramref name="cell"/> opposite local vertex <paramref name="local"/>, sorted into <paramref name="scratch"/>.</summary>
        public static FacetKey Of(ReadOnlySpan<int> cell, int local, Span<int> scratch)
        {
            int n = 0;
            for (int a = 0; a < cell.Length; a++)
            {
                if (a != local)
                {
                    scratch[n++] = cell[a];
                }
            }

            scratch.Sort();
            return new FacetKey(scratch[0], n > 1 ? scratch[1] : -1, n > 2 ? scratch[2] : -1);
        }

        /// <summary>Appends the first <paramref name="d"/> indices.</summary>
        public void AppendTo(List<int> list, int d)
        {
            list.Add(A);
            if (d > 1)
            {
                list.Add(B);
            }

            if (d > 2)
            {
                list.Add(C);
            }
        }
    }
}
