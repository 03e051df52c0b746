using PdeFlows.Mesh;

namespace PdeFlows.Flows.Diagnostics;

/// <summary>
/// The integral of a P1 density over an axis-aligned box (a region's mass, interfaces.md). Cells
/// inside the box contribute exactly, cells outside nothing; a cell the box cuts is clipped exactly
/// (the clipped interval, polygon or polyhedron — the latter split into tetrahedra — is integrated
/// exactly, u_h being linear on it).
/// A node on the box boundary thus counts with the part of its cells inside, never by its lumped mass.
/// </summary>
public sealed class RegionIntegral
{
    private readonly SimplexMesh mesh;
    private readonly double[] lower;
    private readonly double[] upper;
    private readonly int[] inside;
    private readonly int[] cut;

    /// <summary>Classifies the cells of <paramref name="mesh"/> against the box [lower, upper] once.</summary>
    public RegionIntegral(SimplexMesh mesh, double[] lower, double[] upper)
    {
        if (lower.Length != mesh.Dimension || upper.Length != mesh.Dimension)
        {
            throw new ArgumentException($"the region's corners must have {mesh.Dimension} coordinates");
        }

        this.mesh = mesh;
        this.lower = lower;
        this.upper = upper;
        var insideList = new List<int>();
        var cutList = new List<int>();
        var extent = mesh.BoundingBox();
        double tolerance = 1e-12 * Enumerable.Range(0, mesh.Dimension).Max(k => extent.Upper[k] - extent.Lower[k]);
        for (int c = 0; c < mesh.CellCount; c++)
        {
            bool allInside = true, disjoint = false;
            for (int k = 0; k < mesh.Dimension && !disjoint; k++)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (int v in mesh.Cell(c))
                {
                    double x = mesh.Vertex(v)[k];
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }

                disjoint = max <= lower[k] + tolerance || min >= upper[k] - tolerance;
                allInside &= min >= lower[k] - tolerance && max <= upper[k] + tolerance;
            }

            if (!disjoint)
            {
                (allInside ? insideList : cutList).Add(c);
            }
        }

        inside = insideList.ToArray();
        cut = cutList.ToArray();
    }

    /// <summary>Cells the box cuts (for reporting; 0 for a box aligned with mesh nodes on a structured mesh).</summary>
    public int CutCells => cut.Length;

    /// <summary>∫_box u_h.</summary>
    public double Integrate(ReadOnlySpan<double> density)
    {
        double sum = 0;
        foreach (int c in inside)
        {
            double mean = 0;
            foreach (int v in mesh.Cell(c))
            {
                mean += density[v];
            }

            sum += mesh.CellVolume(c) * mean / mesh.VerticesPerCell;
        }

        foreach (int c in cut)
        {
            sum += mesh.Dimension switch
            {
                1 => ClipInterval(c, density),
                2 => ClipTriangle(c, density),
                _ => ClipTetrahedron(c, density),
            };
        }

        return sum;
    }

    private double ClipInterval(int c, ReadOnlySpan<double> u)
    {
        ReadOnlySpan<int> cell = mesh.Cell(c);
        double x0 = mesh.Vertex(cell[0])[0], x1 = mesh.Vertex(cell[1])[0];
        double a = Math.Max(x0, lower[0]), b = Math.Min(x1, upper[0]);
        if (b <= a)
        {
            return 0;
        }

        double u0 = u[cell[0]], slope = (u[cell[1]] - u0) / (x1 - x0);
        return (b - a) * (u0 + (slope * ((0.5 * (a + b)) - x0)));
    }

    /// <summary>Sutherland–Hodgman clipping of the triangle (with u as a third coordinate) by the four box sides.</summary>
    private double ClipTriangle(int c, ReadOnlySpan<double> u)
    {
        ReadOnlySpan<int> cell = mesh.Cell(c);
        var polygon = new List<(double X, double Y, double U)>(8);
        foreach (int v in cell)
        {
            polygon.Add((mesh.Vertex(v)[0], mesh.Vertex(v)[1], u[v]));
        }

        for (int side = 0; side < 4 && polygon.Count > 0; side++)
        {
            int axis = side / 2;
            double bound = side % 2 == 0 ? lower[axis] : upper[axis];
            double sign = side % 2 == 0 ? 1 : -1;
            double Distance((double X, double Y, double U) p) => sign * ((axis == 0 ? p.X : p.Y) - bound);
            var clipped = new List<(double X, double Y, double U)>(8);
            for (int i = 0; i < polygon.Count; i++)
            {
                var p = polygon[i];
                var q = polygon[(i + 1) % polygon.Count];
                double dp = Distance(p), dq = Distance(q);
                if (dp >= 0)
                {
                    clipped.Add(p);
                }

                if ((dp >= 0) != (dq >= 0))
                {
                    double s = dp / (dp - dq);
                    clipped.Add((p.X + (s * (q.X - p.X)), p.Y + (s * (q.Y - p.Y)), p.U + (s * (q.U - p.U))));
                }
            }

            polygon = clipped;
        }

        // Fan triangulation; the vertex average is exact for the linear u on each triangle.
        double sum = 0;
        for (int i = 1; i + 1 < polygon.Count; i++)
        {
            var (a, b, d) = (polygon[0], polygon[i], polygon[i + 1]);
            double area = 0.5 * Math.Abs(((b.X - a.X) * (d.Y - a.Y)) - ((b.Y - a.Y) * (d.X - a.X)));
            sum += area * (a.U + b.U + d.U) / 3;
        }

        return sum;
    }

    /// <summary>A point with the density value there (linear along edges, so clipping interpolates it exactly).</summary>
    private readonly record struct Node(double X, double Y, double Z, double U)
    {
        public double Coordinate(int axis) => axis == 0 ? X : axis == 1 ? Y : Z;

        public static Node Between(Node a, Node b, double s) =>
            new(a.X + (s * (b.X - a.X)), a.Y + (s * (b.Y - a.Y)), a.Z + (s * (b.Z - a.Z)), a.U + (s * (b.U - a.U)));
    }

    /// <summary>Clips the tetrahedron by the six half-spaces of the box into tetrahedra and integrates the linear u exactly on each.</summary>
    private double ClipTetrahedron(int c, ReadOnlySpan<double> u)
    {
        ReadOnlySpan<int> cell = mesh.Cell(c);
        var pieces = new List<Node[]>(8) { new Node[4] };
        for (int a = 0; a < 4; a++)
        {
            ReadOnlySpan<double> x = mesh.Vertex(cell[a]);
            pieces[0][a] = new Node(x[0], x[1], x[2], u[cell[a]]);
        }

        for (int side = 0; side < 6 && pieces.Count > 0; side++)
        {
            int axis = side / 2;
            double bound = side % 2 == 0 ? lower[axis] : upper[axis];
            double sign = side % 2 == 0 ? 1 : -1;
            var kept = new List<Node[]>(pieces.Count * 3);
            foreach (var tet in pieces)
            {
                ClipByPlane(tet, p => sign * (p.Coordinate(axis) - bound), kept);
            }

            pieces = kept;
        }

        double sum = 0;
        foreach (var t in pieces)
        {
            double volume = Math.Abs(SimplexGeometry.SignedTetrahedronVolume(
                [t[0].X, t[0].Y, t[0].Z], [t[1].X, t[1].Y, t[1].Z], [t[2].X, t[2].Y, t[2].Z], [t[3].X, t[3].Y, t[3].Z]));
            sum += volume * (t[0].U + t[1].U + t[2].U + t[3].U) / 4;
        }

        return sum;
    }

    /// <summary>Appends to <paramref name="output"/> the part of the tetrahedron where distance ≥ 0, as tetrahedra.</summary>
    private static void ClipByPlane(Node[] tet, Func<Node, double> distance, List<Node[]> output)
    {
        var inside = new List<int>(4);
        var outside = new List<int>(4);
        var d = new double[4];
        for (int a = 0; a < 4; a++)
        {
            d[a] = distance(tet[a]);
            (d[a] >= 0 ? inside : outside).Add(a);
        }

        Node Cut(int a, int b) => Node.Between(tet[a], tet[b], d[a] / (d[a] - d[b]));
        switch (inside.Count)
        {
            case 4:
                output.Add(tet);
                break;
            case 1:
                int i0 = inside[0];
                output.Add([tet[i0], Cut(i0, outside[0]), Cut(i0, outside[1]), Cut(i0, outside[2])]);
                break;
            case 2:
                // A prism with triangles (a, a–c, a–d) and (b, b–c, b–d).
                int a2 = inside[0], b2 = inside[1], c2 = outside[0], d2 = outside[1];
                AddPrism([tet[a2], Cut(a2, c2), Cut(a2, d2)], [tet[b2], Cut(b2, c2), Cut(b2, d2)], output);
                break;
            case 3:
                // The tetrahedron minus the corner at the outside vertex: a prism.
                int o = outside[0];
                AddPrism([tet[inside[0]], tet[inside[1]], tet[inside[2]]], [Cut(inside[0], o), Cut(inside[1], o), Cut(inside[2], o)], output);
                break;
        }
    }

    /// <summary>Splits the prism with corresponding triangles <paramref name="bottom"/> and <paramref name="top"/> into three tetrahedra.</summary>
    private static void AddPrism(Node[] bottom, Node[] top, List<Node[]> output)
    {
        output.Add([bottom[0], bottom[1], bottom[2], top[0]]);
        output.Add([bottom[1], bottom[2], top[0], top[1]]);
        output.Add([bottom[2], top[0], top[1], top[2]]);
    }
}
