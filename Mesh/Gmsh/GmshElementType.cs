namespace PdeFlows.Mesh;

/// <summary>The Gmsh element types this reader accepts (linear simplices and points) and names for some it rejects.</summary>
internal static class GmshElementType
{
    public const int Line = 1;
    public const int Triangle = 2;
    public const int Tetrahedron = 4;
    public const int Point = 15;

    /// <summary>Nodes per element of a supported type.</summary>
    public static int NodeCount(int type) => type switch
    {
        Point => 1,
        Line => 2,
        Triangle => 3,
        Tetrahedron => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Topological dimension of a supported type.</summary>
    public static int Dimension(int type) => NodeCount(type) - 1;

    /// <summary>True for the types 1, 2, 4 and 15.</summary>
    public static bool IsSupported(int type) => type is Point or Line or Triangle or Tetrahedron;

    /// <summary>The error text for an unsupported type.</summary>
    public static string Unsupported(int type)
    {
        string name = type switch
        {
            3 => " (4-node quadrangle)",
            5 => " (8-node hexahedron)",
            6 => " (6-node prism)",
            7 => " (5-node pyramid)",
            8 => " (3-node second-order line)",
            9 => " (6-node second-order triangle)",
            10 => " (9-node second-order quadrangle)",
            11 => " (10-node second-order tetrahedron)",
            _ => string.Empty,
        };
        return $"unsupported element type {type}{name}: expected 1 (line), 2 (triangle), 4 (tetrahedron) or 15 (point); mesh with linear simplices only";
    }
}
