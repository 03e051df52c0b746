namespace PdeFlows.Mesh;

/// <summary>
/// Structured meshes of an interval, a rectangle (triangles) and a box (tetrahedra). Every cell is
/// non-obtuse (right triangles; Kuhn tetrahedra with dihedral angles of 45°, 60° and 90°), so the P1
/// Laplacian is an M-matrix. Boundary groups are named xmin, xmax, ymin, ymax, zmin, zmax;
/// the cell group "domain" holds every cell.
/// </summary>
public static class MeshGenerators
{
    /// <summary>The name of the cell group holding every cell of a generated mesh.</summary>
    public const string DomainGroup = "domain";

    private static readonly string[] SideNames = ["xmin", "xmax", "ymin", "ymax", "zmin", "zmax"];

    /// <summary>The interval [lower, upper] cut into <paramref name="cells"/> equal pieces.</summary>
    public static SimplexMesh Interval(double lower, double upper, int cells) =>
        Structured([lower], [upper], [cells]);

    /// <summary>The rectangle [lower, upper] with nx × ny squares, each cut along its (0,0)–(1,1) diagonal.</summary>
    public static SimplexMesh Rectangle(double[] lower, double[] upper, int nx, int ny) =>
        Structured(lower, upper, [nx, ny]);

    /// <summary>The box [lower, upper] with nx × ny × nz bricks, each cut into six Kuhn tetrahedra.</summary>
    public static SimplexMesh Box(double[] lower, double[] upper, int nx, int ny, int nz) =>
        Structured(lower, upper, [nx, ny, nz]);

    /// <summary>The structured mesh of the box [lower, upper] in dimension lower.Length with counts[k] cells per axis.</summary>
    public static SimplexMesh Structured(double[] lower, double[] upper, int[] counts)
    {
        int d = lower.Length;
        if (d is < 1 or > 3 || upper.Length != d || counts.Length != d)
        {
            throw new ArgumentException($"lower, upper and counts must have the same length 1, 2 or 3 (got {lower.Length}, {upper.Length}, {counts.Length})");
        }

        for (int k = 0; k < d; k++)
        {
            if (!double.IsFinite(lower[k]) || !double.IsFinite(upper[k]) || !(lower[k] < upper[k]))
            {
                throw new ArgumentException($"axis {k}: need finite lower < upper, got [{lower[k]}, {upper[k]}]");
            }

            if (counts[k] < 1)
            {
                throw new ArgumentException($"axis {k}: need at least one cell, got {counts[k]}");
            }
        }

        var grid = new Grid(lower, upper, counts);
        var coordinates = grid.Coordinates();
        var cells = d switch
        {
            1 => IntervalCells(grid),
            2 => TriangleCells(grid),
            _ => KuhnTetrahedra(grid),
        };
        var facetGroups = new Dictionary<string, int[]>();
        for (int axis = 0; axis < d; axis++)
        {
            facetGroups[SideNames[2 * axis]] = grid.SideFacets(axis, upperSide: false);
            facetGroups[SideNames[(2 * axis) + 1]] = grid.SideFacets(axis, upperSide: true);
        }

        var allCells = new int[cells.Length / (d + 1)];
        for (int c = 0; c < allCells.Length; c++)
        {
            allCells[c] = c;
        }

        var cellGroups = new Dictionary<string, int[]> { [DomainGroup] = allCells };
        return new SimplexMesh(d, coordinates, cells, cellGroups, facetGroups);
    }

    private static int[] IntervalCells(Grid g)
    {
        var cells = new int[2 * g.Counts[0]];
        for (int i = 0; i < g.Counts[0]; i++)
        {
            cells[2 * i] = i;
            cells[(2 * i) + 1] = i + 1;
        }

        return cells;
    }

    private static int[] TriangleCells(Grid g)
    {
        var cells = new List<int>(6 * g.Counts[0] * g.Counts[1]);
        for (int j = 0; j < g.Counts[1]; j++)
        {
            for (int i = 0; i < g.Counts[0]; i++)
            {
                int v00 = g.Index(i, j, 0), v10 = g.Index(i + 1, j, 0), v01 = g.Index(i, j + 1, 0), v11 = g.Index(i + 1, j + 1, 0);
                cells.AddRange([v00, v10, v11]); // counter-clockwise
                cells.AddRange([v00, v11, v01]);
            }
        }

        return cells.ToArray();
    }

    /// <summary>Kuhn (Freudenthal) split: one tetrahedron per axis permutation, all sharing the main diagonal; conforming because every brick uses the same diagonal.</summary>
    private static int[] KuhnTetrahedra(Grid g)
    {
        int[][] permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        var cells = new List<int>(24 * g.Counts[0] * g.Counts[1] * g.Counts[2]);
        Span<int> corner = stackalloc int[3];
        for (int k = 0; k < g.Counts[2]; k++)
        {
            for (int j = 0; j < g.Counts[1]; j++)
            {
                for (int i = 0; i < g.Counts[0]; i++)
                {
                    foreach (int[] p in permutations)
                    {
                        corner[0] = i;
                        corner[1] = j;
                        corner[2] = k;
                        int a = g.Index(corner[0], corner[1], corner[2]);
                        corner[p[0]]++;
                        int b = g.Index(corner[0], corner[1], corner[2]);
                        corner[p[1]]++;
                        int c = g.Index(corner[0], corner[1], corner[2]);
                        corner[p[2]]++;
                        int dd = g.Index(corner[0], corner[1], corner[2]);
                        bool even = p is [0, 1, 2] or [1, 2, 0] or [2, 0, 1];
                        // Path order (a, b, c, dd) for even permutations; odd ones are negatively
                        // oriented, so swap a and c: (c, b, a, dd) keeps the pairs {a,c}/{b,dd} that
                        // make Bey refinement choose the diagonal giving Kuhn children (MeshRefinement).
                        cells.AddRange(even ? [a, b, c, dd] : [c, b, a, dd]);
                    }
                }
            }
        }

        return cells.ToArray();
    }

    /// <summary>The tensor grid of vertices, x fastest.</summary>
    private sealed record Grid(double[] Lower, double[] Upper, int[] Counts)
    {
        private int D => Counts.Length;

        private int NodesX => Counts[0] + 1;

        private int NodesY => D > 1 ? Counts[1] + 1 : 1;

        public int Index(int i, int j, int k) => i + (NodesX * (j + (NodesY * k)));

        public double[] Coordinates()
        {
            int nz = D > 2 ? Counts[2] + 1 : 1;
            var x = new double[NodesX * NodesY * nz * D];
            int n = 0;
            for (int k = 0; k < nz; k++)
            {
                for (int j = 0; j < NodesY; j++)
                {
                    for (int i = 0; i < NodesX; i++)
                    {
                        int[] ijk = [i, j, k];
                        for (int a = 0; a < D; a++)
                        {
                            // Exact end points: lower + (upper − lower)·i/n would round at i = n.
                            x[n++] = ijk[a] == Counts[a] ? Upper[a] : Lower[a] + ((Upper[a] - Lower[a]) * ijk[a] / Counts[a]);
                        }
                    }
                }
            }

            return x;
        }

        /// <summary>The boundary facets on the side x_axis = lower (or upper) of the box.</summary>
        public int[] SideFacets(int axis, bool upperSide)
        {
            int fixedIndex = upperSide ? Counts[axis] : 0;
            var facets = new List<int>();
            if (D == 1)
            {
                facets.Add(fixedIndex);
                return facets.ToArray();
            }

            int other1 = axis == 0 ? 1 : 0;
            int other2 = 3 - axis - other1; // only used in 3D
            int n1 = Counts[other1];
            int n2 = D > 2 ? Counts[other2] : 1;
            for (int b = 0; b < n2; b++)
            {
                for (int a = 0; a < n1; a++)
                {
                    int VertexAt(int da, int db)
                    {
                        int[] ijk = new int[3];
                        ijk[axis] = fixedIndex;
                        ijk[other1] = a + da;
                        if (D > 2)
                        {
                            ijk[other2] = b + db;
                        }

                        return Index(ijk[0], ijk[1], ijk[2]);
                    }

                    if (D == 2)
                    {
                        facets.AddRange([VertexAt(0, 0), VertexAt(1, 0)]);
                    }
                    else
                    {
                        // The Kuhn split cuts each boundary square along the diagonal from its
                        // lowest to its highest corner (both in-plane indices increase).
                        facets.AddRange([VertexAt(0, 0), VertexAt(1, 0), VertexAt(1, 1)]);
                        facets.AddRange([VertexAt(0, 0), VertexAt(0, 1), VertexAt(1, 1)]);
                    }
                }
            }

            return facets.ToArray();
        }
    }
}
