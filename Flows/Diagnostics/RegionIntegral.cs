using PdeFlows.Mesh;

namespace PdeFlows.Flows.Diagnostics;

/// <summary>
/// The integral of a P1 density over an axis-aligned box (a region's mass, interfaces.md). Cells
/// inside the box contribute exactly, cells outside nothing; a cell the box cuts is clipped exactly
/// in 1D and 2D (the clipped polygon is integrated exactly, u_h being linear on it) and integrated
/// by Bey's 8-child subdivision to 4 levels in 3D (children still cut at the last level count by
/// the fraction of their corners inside: an O(h/16) error confined to the cut cells).
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
                _ => SubdividedTetrahedron(c, density),
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

    private double SubdividedTetrahedron(int c, ReadOnlySpan<double> u)
    {
        ReadOnlySpan<int> cell = mesh.Cell(c);
        var corners = new (double X, double Y, double Z, double U)[4];
        for (int a = 0; a < 4; a++)
        {
            ReadOnlySpan<double> x = mesh.Vertex(cell[a]);
            corners[a] = (x[0], x[1], x[2], u[cell[a]]);
        }

        return Subdivide(corners, mesh.CellVolume(c), SubdivisionLevels);
    }

    /// <summary>Bey's 8-child subdivision levels for a cut tetrahedron (4096 children at most).</summary>
    private const int SubdivisionLevels = 4;

    private double Subdivide((double X, double Y, double Z, double U)[] t, double volume, int levels)
    {
        int inCount = 0;
        foreach (var p in t)
        {
            if (IsInside(p.X, p.Y, p.Z))
            {
                inCount++;
            }
        }

        bool disjoint = false;
        for (int k = 0; k < 3 && !disjoint; k++)
        {
            double min = t.Min(p => k == 0 ? p.X : k == 1 ? p.Y : p.Z), max = t.Max(p => k == 0 ? p.X : k == 1 ? p.Y : p.Z);
            disjoint = max <= lower[k] || min >= upper[k];
        }

        double mean = (t[0].U + t[1].U + t[2].U + t[3].U) / 4;
        if (disjoint)
        {
            return 0;
        }

        if (inCount == 4 || levels == 0)
        {
            // Inside: exact. At the last level: the fraction of corners inside weights the exact mean.
            return volume * mean * inCount / 4;
        }

        static (double X, double Y, double Z, double U) Mid((double X, double Y, double Z, double U) a, (double X, double Y, double Z, double U) b) =>
            ((a.X + b.X) / 2, (a.Y + b.Y) / 2, (a.Z + b.Z) / 2, (a.U + b.U) / 2);
        var m01 = Mid(t[0], t[1]);
        var m02 = Mid(t[0], t[2]);
        var m03 = Mid(t[0], t[3]);
        var m12 = Mid(t[1], t[2]);
        var m13 = Mid(t[1], t[3]);
        var m23 = Mid(t[2], t[3]);
        (double X, double Y, double Z, double U)[][] children =
        [
            [t[0], m01, m02, m03], [m01, t[1], m12, m13], [m02, m12, t[2], m23], [m03, m13, m23, t[3]],
            [m01, m02, m03, m13], [m01, m02, m12, m13], [m02, m03, m13, m23], [m02, m12, m13, m23],
        ];
        double sum = 0;
        foreach (var child in children)
        {
            sum += Subdivide(child, volume / 8, levels - 1);
        }

        return sum;
    }

    private bool IsInside(double x, double y, double z) =>
        x >= lower[0] && x <= upper[0] && y >= lower[1] && y <= upper[1] && z >= lower[2] && z <= upper[2];
}
