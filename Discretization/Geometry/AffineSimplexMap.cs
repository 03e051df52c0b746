using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Geometry;

/// <summary>
/// The affine map x = x₀ + J ξ from the reference simplex to a mesh cell, with J's columns the edge
/// vectors x_k − x₀ (k = 1..d): Jacobian, determinant, inverse transpose, and the (constant) gradients
/// of the barycentric coordinates, which are the P1 basis functions: ∇λ_k = J⁻ᵀ e_k (k ≥ 1),
/// ∇λ₀ = −Σ_k ∇λ_k. All functions write into caller-owned spans and allocate nothing.
/// </summary>
public static class AffineSimplexMap
{
    /// <summary>Writes J (d × d row-major, J[r, c] = x_{c+1}[r] − x₀[r]) of a cell.</summary>
    public static void Jacobian(SimplexMesh mesh, int cell, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        int d = mesh.Dimension;
        var vertices = mesh.Cell(cell);
        var x0 = mesh.Vertex(vertices[0]);
        for (int c = 0; c < d; c++)
        {
            var xc = mesh.Vertex(vertices[c + 1]);
            for (int r = 0; r < d; r++)
            {
                jacobian[(r * d) + c] = xc[r] - x0[r];
            }
        }
    }

    /// <summary>det J for d ∈ {1, 2, 3}.</summary>
    public static double Determinant(ReadOnlySpan<double> j, int d) => d switch
    {
        1 => j[0],
        2 => (j[0] * j[3]) - (j[1] * j[2]),
        3 => (j[0] * ((j[4] * j[8]) - (j[5] * j[7]))) - (j[1] * ((j[3] * j[8]) - (j[5] * j[6]))) + (j[2] * ((j[3] * j[7]) - (j[4] * j[6]))),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>Writes J⁻ᵀ (d × d row-major) and returns det J.</summary>
    public static double InverseTranspose(ReadOnlySpan<double> j, int d, Span<double> result)
    {
        double det = Determinant(j, d);
        double inv = 1.0 / det;
        switch (d)
        {
            case 1:
                result[0] = inv;
                break;
            case 2:
                // J⁻¹ = [j3 −j1; −j2 j0]/det, transposed.
                result[0] = j[3] * inv;
                result[1] = -j[2] * inv;
                result[2] = -j[1] * inv;
                result[3] = j[0] * inv;
                break;
            default:
                // Cofactor matrix / det = J⁻ᵀ.
                result[0] = ((j[4] * j[8]) - (j[5] * j[7])) * inv;
                result[1] = ((j[5] * j[6]) - (j[3] * j[8])) * inv;
                result[2] = ((j[3] * j[7]) - (j[4] * j[6])) * inv;
                result[3] = ((j[2] * j[7]) - (j[1] * j[8])) * inv;
                result[4] = ((j[0] * j[8]) - (j[2] * j[6])) * inv;
                result[5] = ((j[1] * j[6]) - (j[0] * j[7])) * inv;
                result[6] = ((j[1] * j[5]) - (j[2] * j[4])) * inv;
                result[7] = ((j[2] * j[3]) - (j[0] * j[5])) * inv;
                result[8] = ((j[0] * j[4]) - (j[1] * j[3])) * inv;
                break;
        }

        return det;
    }

    /// <summary>
    /// Writes the gradients of the d + 1 barycentric coordinates ((d+1) × d row-major) and returns
    /// |det J| (the cell volume is |det J| / d!). <paramref name="scratch"/> needs 2 d² entries.
    /// </summary>
    public static double BarycentricGradients(SimplexMesh mesh, int cell, Span<double> gradients, Span<double> scratch)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        int d = mesh.Dimension;
        var j = scratch[..(d * d)];
        var inverseTranspose = scratch.Slice(d * d, d * d);
        Jacobian(mesh, cell, j);
        double det = InverseTranspose(j, d, inverseTranspose);
        for (int r = 0; r < d; r++)
        {
            gradients[r] = 0;
        }

        for (int k = 1; k <= d; k++)
        {
            for (int r = 0; r < d; r++)
            {
                // ∇λ_k = J⁻ᵀ e_k: column k−1 of J⁻ᵀ.
                double g = inverseTranspose[(r * d) + k - 1];
                gradients[(k * d) + r] = g;
                gradients[r] -= g;
            }
        }

        return Math.Abs(det);
    }

    /// <summary>Maps barycentric coordinates (length d + 1) of a cell to the physical point x (length d).</summary>
    public static void ToPhysical(SimplexMesh mesh, int cell, ReadOnlySpan<double> barycentric, Span<double> x)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        int d = mesh.Dimension;
        var vertices = mesh.Cell(cell);
        var coordinates = mesh.Coordinates;
        x[..d].Clear();
        for (int k = 0; k <= d; k++)
        {
            int offset = vertices[k] * d;
            double lambda = barycentric[k];
            for (int r = 0; r < d; r++)
            {
                x[r] += lambda * coordinates[offset + r];
            }
        }
    }

    /// <summary>1/d! — the volume of the reference simplex.</summary>
    public static double ReferenceVolume(int d) => d switch { 0 => 1, 1 => 1, 2 => 0.5, _ => 1.0 / 6 };
}
