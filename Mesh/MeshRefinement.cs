namespace PdeFlows.Mesh;

/// <summary>
/// Uniform refinement: every edge is halved and every cell is cut into 2^d children (1D bisection,
/// 2D red refinement into four similar triangles, 3D Bey refinement into eight tetrahedra). Returns
/// a new mesh; cell groups pass to the children of their cells and facet groups to the children of
/// their facets.
/// </summary>
/// <remarks>
/// <para>Numbering is deterministic: old vertices keep their indices, edge midpoints are appended in
/// the order their edges are first met (cells in order, local edges (0,1), (0,2), …); the children of
/// cell c are cells 2^d·c … 2^d·c + 2^d − 1.</para>
/// <para>3D: Bey's rule (J. Bey, Computing 55, 1995) reads the cell's vertex order (x0, x1, x2, x3)
/// and cuts the inner octahedron along the diagonal from mid(x0,x2) to mid(x1,x3); applied
/// recursively it produces at most three similarity classes per initial tetrahedron. A child whose
/// Bey order is negatively oriented is stored with its vertices 0 and 2 swapped: this keeps the pair
/// {0,2}/{1,3} that selects the next diagonal, and Bey's rule gives the same children and the same
/// pairs for the swapped order, so the hierarchy is exactly Bey's. A Kuhn tetrahedron stored in
/// path order (or with 0 and 2 swapped, as <see cref="MeshGenerators.Box"/> does) has eight Kuhn
/// children of half the size, so generated box meshes stay non-obtuse at every level.</para>
/// </remarks>
public static class MeshRefinement
{
    // Local vertex numbering of a cell with its edge midpoints: vertices 0..d, then the midpoints of
    // the edges (0,1), (0,2), …, (d−1,d) in that order.
    private static readonly int[][] IntervalChildren = [[0, 2], [2, 1]];

    // 2D: 3 = m01, 4 = m02, 5 = m12. Three corner triangles and the middle one.
    private static readonly int[][] TriangleChildren = [[0, 3, 4], [3, 1, 5], [4, 5, 2], [3, 5, 4]];

    // 3D: 4 = m01, 5 = m02, 6 = m03, 7 = m12, 8 = m13, 9 = m23. Bey's order: four corner
    // tetrahedra, then four around the diagonal m02–m13.
    private static readonly int[][] TetrahedronChildren =
    [
        [0, 4, 5, 6], [4, 1, 7, 8], [5, 7, 2, 9], [6, 8, 9, 3],
        [4, 5, 6, 8], [4, 5, 7, 8], [5, 6, 8, 9], [5, 7, 8, 9],
    ];

    /// <summary>The mesh refined uniformly once.</summary>
    public static SimplexMesh Refine(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        int[][] children = ChildrenTable(d);
        bool[] flipped = ReferenceOrientationFlips(d, children);
        var midpoints = EdgeMidpoints.Of(mesh);
        int k = d + 1;
        var cells = new int[mesh.CellCount * children.Length * k];
        Span<int> local = stackalloc int[10];
        int next = 0;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            LocalVertices(cell, midpoints, local);
            for (int child = 0; child < children.Length; child++)
            {
                int[] pattern = children[child];
                for (int a = 0; a < k; a++)
                {
                    cells[next + a] = local[pattern[a]];
                }

                if (flipped[child])
                {
                    (cells[next], cells[next + 2]) = (cells[next + 2], cells[next]);
                }

                next += k;
            }
        }

        var cellGroups = new Dictionary<string, int[]>();
        foreach (var (name, members) in mesh.CellGroups)
        {
            cellGroups[name] = members.SelectMany(c => Enumerable.Range(c * children.Length, children.Length)).ToArray();
        }

        var facetGroups = new Dictionary<string, int[]>();
        foreach (var (name, facets) in mesh.FacetGroups)
        {
            facetGroups[name] = RefineFacets(facets, d, midpoints);
        }

        return new SimplexMesh(d, midpoints.Coordinates, cells, cellGroups, facetGroups);
    }

    /// <summary>The mesh refined uniformly <paramref name="levels"/> times (0: the mesh itself).</summary>
    public static SimplexMesh Refine(SimplexMesh mesh, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        for (int level = 0; level < levels; level++)
        {
            mesh = Refine(mesh);
        }

        return mesh;
    }

    /// <summary>Splits each facet (d vertices) into its 2^(d−1) children: points stay, edges halve, triangles split red.</summary>
    private static int[] RefineFacets(int[] facets, int d, EdgeMidpoints midpoints)
    {
        if (d == 1)
        {
            return (int[])facets.Clone();
        }

        var result = new List<int>(facets.Length * (d == 2 ? 2 : 4));
        for (int f = 0; f < facets.Length; f += d)
        {
            if (d == 2)
            {
                int u = facets[f], v = facets[f + 1], m = midpoints.Midpoint(u, v);
                result.AddRange([u, m, m, v]);
            }
            else
            {
                int u = facets[f], v = facets[f + 1], w = facets[f + 2];
                int uv = midpoints.Midpoint(u, v), uw = midpoints.Midpoint(u, w), vw = midpoints.Midpoint(v, w);
                result.AddRange([u, uv, uw, uv, v, vw, uw, vw, w, uv, vw, uw]);
            }
        }

        return result.ToArray();
    }

    /// <summary>Fills the cell's vertices followed by its edge midpoints, in the local numbering of the child tables.</summary>
    private static void LocalVertices(ReadOnlySpan<int> cell, EdgeMidpoints midpoints, Span<int> local)
    {
        int d = cell.Length - 1;
        int n = 0;
        for (int a = 0; a <= d; a++)
        {
            local[n++] = cell[a];
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b <= d; b++)
            {
                local[n++] = midpoints.Midpoint(cell[a], cell[b]);
            }
        }
    }

    private static int[][] ChildrenTable(int d) => d switch
    {
        1 => IntervalChildren,
        2 => TriangleChildren,
        _ => TetrahedronChildren,
    };

    /// <summary>Which children of a positively oriented reference simplex come out negatively oriented (an affine-invariant fact).</summary>
    private static bool[] ReferenceOrientationFlips(int d, int[][] children)
    {
        // Reference simplex: 0 and the unit vectors, then the edge midpoints in local order.
        var points = new List<double[]>();
        for (int a = 0; a <= d; a++)
        {
            var x = new double[d];
            if (a > 0)
            {
                x[a - 1] = 1;
            }

            points.Add(x);
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b <= d; b++)
            {
                points.Add(points[a].Zip(points[b], (p, q) => 0.5 * (p + q)).ToArray());
            }
        }

        return children.Select(child => d switch
        {
            1 => points[child[1]][0] - points[child[0]][0] < 0,
            2 => SimplexGeometry.SignedArea(points[child[0]], points[child[1]], points[child[2]]) < 0,
            _ => SimplexGeometry.SignedTetrahedronVolume(points[child[0]], points[child[1]], points[child[2]], points[child[3]]) < 0,
        }).ToArray();
    }
}
