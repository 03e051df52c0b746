namespace PdeFlows.Mesh;

/// <summary>Numbers of Gmsh elements by type: points (15), lines (1), triangles (2), tetrahedra (4).</summary>
/// <param name="Points">Type 15, one node.</param>
/// <param name="Lines">Type 1, two nodes.</param>
/// <param name="Triangles">Type 2, three nodes.</param>
/// <param name="Tetrahedra">Type 4, four nodes.</param>
public readonly record struct GmshElementCounts(int Points, int Lines, int Triangles, int Tetrahedra)
{
    /// <summary>All elements.</summary>
    public int Total => Points + Lines + Triangles + Tetrahedra;

    /// <summary>Difference by type.</summary>
    public static GmshElementCounts operator -(GmshElementCounts a, GmshElementCounts b) =>
        new(a.Points - b.Points, a.Lines - b.Lines, a.Triangles - b.Triangles, a.Tetrahedra - b.Tetrahedra);

    internal static GmshElementCounts Of(IEnumerable<GmshElement> elements)
    {
        int points = 0, lines = 0, triangles = 0, tetrahedra = 0;
        foreach (var element in elements)
        {
            switch (element.Type)
            {
                case GmshElementType.Point: points++; break;
                case GmshElementType.Line: lines++; break;
                case GmshElementType.Triangle: triangles++; break;
                default: tetrahedra++; break;
            }
        }

        return new GmshElementCounts(points, lines, triangles, tetrahedra);
    }
}
