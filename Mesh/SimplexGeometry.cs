namespace PdeFlows.Mesh;

/// <summary>Geometry of single simplices: signed volumes from vertex coordinates.</summary>
public static class SimplexGeometry
{
    /// <summary>Signed volume of cell <paramref name="cell"/> of <paramref name="mesh"/>.</summary>
    public static double SignedVolume(SimplexMesh mesh, int cell)
    {
        ReadOnlySpan<int> v = mesh.Cell(cell);
        return mesh.Dimension switch
        {
            1 => mesh.Vertex(v[1])[0] - mesh.Vertex(v[0])[0],
            2 => SignedArea(mesh.Vertex(v[0]), mesh.Vertex(v[1]), mesh.Vertex(v[2])),
            _ => SignedTetrahedronVolume(mesh.Vertex(v[0]), mesh.Vertex(v[1]), mesh.Vertex(v[2]), mesh.Vertex(v[3])),
        };
    }

    /// <summary>Signed area of the triangle (a, b, c): positive when counter-clockwise.</summary>
    public static double SignedArea(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c) =>
        0.5 * (((b[0] - a[0]) * (c[1] - a[1])) - ((b[1] - a[1]) * (c[0] - a[0])));

    /// <summary>Signed volume of the tetrahedron (a, b, c, d): positive when (b−a, c−a, d−a) is right-handed.</summary>
    public static double SignedTetrahedronVolume(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d)
    {
        double b0 = b[0] - a[0], b1 = b[1] - a[1], b2 = b[2] - a[2];
        double c0 = c[0] - a[0], c1 = c[1] - a[1], c2 = c[2] - a[2];
        double d0 = d[0] - a[0], d1 = d[1] - a[1], d2 = d[2] - a[2];
        double det = (b0 * ((c1 * d2) - (c2 * d1))) - (b1 * ((c0 * d2) - (c2 * d0))) + (b2 * ((c0 * d1) - (c1 * d0)));
        return det / 6.0;
    }
}
