using System.Globalization;
using System.Text;

namespace PdeFlows.Mesh;

/// <summary>
/// Shape and consistency statistics of a simplicial mesh (see <see cref="MeshQuality"/>). Volumes are
/// signed (an inverted cell shows a negative minimum); angles are interior angles in 2D and dihedral
/// angles in 3D, in degrees, over the non-degenerate cells with valid indices (NaN in 1D or when there
/// is no such cell).
/// </summary>
/// <param name="Dimension">Spatial dimension d.</param>
/// <param name="VertexCount">Number of vertices.</param>
/// <param name="CellCount">Number of cells.</param>
/// <param name="MinimumCellVolume">Smallest signed cell volume (NaN without valid cells).</param>
/// <param name="MaximumCellVolume">Largest signed cell volume (NaN without valid cells).</param>
/// <param name="MinimumAngleDegrees">Smallest angle: interior (2D) or dihedral (3D); NaN in 1D.</param>
/// <param name="MaximumAngleDegrees">Largest angle: interior (2D) or dihedral (3D); NaN in 1D.</param>
/// <param name="ObtuseCellCount">Cells with an angle above 90° + tolerance (always 0 in 1D).</param>
/// <param name="InvertedCellCount">Cells with negative volume beyond the degeneracy threshold.</param>
/// <param name="DegenerateCellCount">Cells with |volume| at most the degeneracy threshold (relative to the largest cell).</param>
/// <param name="InvalidCellCount">Cells that refer to a vertex out of range or repeat a vertex (possible only for raw arrays).</param>
/// <param name="DuplicateVertexCount">Vertices within the duplicate distance of a vertex with a smaller index.</param>
/// <param name="UnusedVertexCount">Vertices referenced by no cell.</param>
/// <param name="Tolerances">The tolerances used.</param>
public sealed record MeshQualityReport(
    int Dimension,
    int VertexCount,
    int CellCount,
    double MinimumCellVolume,
    double MaximumCellVolume,
    double MinimumAngleDegrees,
    double MaximumAngleDegrees,
    int ObtuseCellCount,
    int InvertedCellCount,
    int DegenerateCellCount,
    int InvalidCellCount,
    int DuplicateVertexCount,
    int UnusedVertexCount,
    MeshQualityTolerances Tolerances)
{
    /// <summary>True when no cell is inverted, degenerate or invalid and no vertex is duplicated or unused.</summary>
    public bool IsValid => InvertedCellCount == 0 && DegenerateCellCount == 0 && InvalidCellCount == 0
        && DuplicateVertexCount == 0 && UnusedVertexCount == 0;

    /// <summary>A multi-line summary for people.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        string angleKind = Dimension == 3 ? "dihedral angles" : "angles";
        text.Append(CultureInfo.InvariantCulture, $"Mesh quality (d={Dimension}, {VertexCount} vertices, {CellCount} cells)\n");
        text.Append(CultureInfo.InvariantCulture, $"  cell volume: min {MinimumCellVolume:G6}, max {MaximumCellVolume:G6}\n");
        if (Dimension > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {angleKind}: min {MinimumAngleDegrees:F2}°, max {MaximumAngleDegrees:F2}°\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  obtuse cells: {ObtuseCellCount} (above 90° + {Tolerances.ObtuseAngleDegrees:G3}°)\n");
        text.Append(CultureInfo.InvariantCulture, $"  inverted cells: {InvertedCellCount}, degenerate cells: {DegenerateCellCount}, invalid cells: {InvalidCellCount}\n");
        text.Append(CultureInfo.InvariantCulture, $"  duplicate vertices: {DuplicateVertexCount}, unused vertices: {UnusedVertexCount}\n");
        text.Append(IsValid ? "  valid" : "  NOT valid");
        return text.ToString();
    }
}
