namespace PdeFlows.Mesh;

/// <summary>The tolerances of a <see cref="MeshQuality"/> check.</summary>
/// <param name="ObtuseAngleDegrees">A cell is obtuse when an angle (2D) or dihedral angle (3D) exceeds 90° plus this.</param>
/// <param name="DegenerateRelativeVolume">A cell is degenerate when |volume| ≤ this × the largest |volume|; inverted when volume is below −(this × the largest |volume|).</param>
/// <param name="DuplicateRelativeDistance">Two vertices are duplicates when their distance is ≤ this × the diagonal of the bounding box.</param>
public readonly record struct MeshQualityTolerances(
    double ObtuseAngleDegrees = 1e-6,
    double DegenerateRelativeVolume = 1e-12,
    double DuplicateRelativeDistance = 1e-10)
{
    /// <summary>The defaults: 1e-6 degrees, 1e-12 relative volume, 1e-10 relative distance.</summary>
    public static MeshQualityTolerances Default => new(1e-6, 1e-12, 1e-10);
}
