namespace PdeFlows.Verification.Plotting;

/// <summary>Barycentric coordinates in one tetrahedron: λ₁..₃ = T⁻¹(p − a) with T = [b − a, c − a, d − a], λ₀ = 1 − λ₁ − λ₂ − λ₃ (inverse by cofactors).</summary>
internal readonly struct TetrahedronBarycentric
{
    private readonly double ax, ay, az;
    private readonly double i00, i01, i02, i10, i11, i12, i20, i21, i22;

    public TetrahedronBarycentric(ReadOnlySpan<double> coordinates, ReadOnlySpan<int> vertices)
    {
        int a = vertices[0], b = vertices[1], c = vertices[2], d = vertices[3];
        (ax, ay, az) = (coordinates[3 * a], coordinates[(3 * a) + 1], coordinates[(3 * a) + 2]);
        double t00 = coordinates[3 * b] - ax, t01 = coordinates[3 * c] - ax, t02 = coordinates[3 * d] - ax;
        double t10 = coordinates[(3 * b) + 1] - ay, t11 = coordinates[(3 * c) + 1] - ay, t12 = coordinates[(3 * d) + 1] - ay;
        double t20 = coordinates[(3 * b) + 2] - az, t21 = coordinates[(3 * c) + 2] - az, t22 = coordinates[(3 * d) + 2] - az;
        double c00 = (t11 * t22) - (t12 * t21), c01 = (t12 * t20) - (t10 * t22), c02 = (t10 * t21) - (t11 * t20);
        double determinant = (t00 * c00) + (t01 * c01) + (t02 * c02);
        IsValid = determinant != 0.0 && double.IsFinite(determinant);
        double s = IsValid ? 1.0 / determinant : 0.0;
        (i00, i01, i02) = (c00 * s, ((t02 * t21) - (t01 * t22)) * s, ((t01 * t12) - (t02 * t11)) * s);
        (i10, i11, i12) = (c01 * s, ((t00 * t22) - (t02 * t20)) * s, ((t02 * t10) - (t00 * t12)) * s);
        (i20, i21, i22) = (c02 * s, ((t01 * t20) - (t00 * t21)) * s, ((t00 * t11) - (t01 * t10)) * s);
    }

    /// <summary>Whether the tetrahedron has non-zero volume.</summary>
    public bool IsValid { get; }

    /// <summary>Writes the four barycentric coordinates of (x, y, z) into <paramref name="lambda"/>.</summary>
    public void Coordinates(double x, double y, double z, Span<double> lambda)
    {
        double px = x - ax, py = y - ay, pz = z - az;
        lambda[1] = (i00 * px) + (i01 * py) + (i02 * pz);
        lambda[2] = (i10 * px) + (i11 * py) + (i12 * pz);
        lambda[3] = (i20 * px) + (i21 * py) + (i22 * pz);
        lambda[0] = 1.0 - lambda[1] - lambda[2] - lambda[3];
    }
}
