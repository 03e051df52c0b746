using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Discretization.Assembly;

/// <summary>
/// A_ij = ∫ w_h ∇φ_i·∇φ_j for a P1 weight w_h given by nodal values, assembled without allocation
/// (for a weight that changes every step: the χ² mobility). On a simplex the gradients are constant
/// and ∫_T w_h = |T| (mean of w over the vertices), so each cell contributes |T| w̄_T ∇λ_a·∇λ_b —
/// the same integral as <see cref="WeightedStiffness"/> with nodal weights, which uses a quadrature
/// rule exact for it. The cell loop is serial, in cell order.
/// </summary>
public sealed class NodalWeightedStiffness
{
    private readonly P1Space space;
    private readonly double[] gradients;
    private readonly double[] scratch;

    /// <summary>Prepares the assembly on <paramref name="space"/>.</summary>
    public NodalWeightedStiffness(P1Space space)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        int d = space.Dimension;
        gradients = new double[(d + 1) * d];
        scratch = new double[2 * d * d];
    }

    /// <summary>Overwrites <paramref name="target"/> (on the space's pattern) with the stiffness weighted by the P1 interpolant of <paramref name="nodalWeight"/>.</summary>
    public void AssembleInto(ReadOnlySpan<double> nodalWeight, CsrMatrix target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var sparsity = space.Sparsity;
        if (!ReferenceEquals(target.Pattern, sparsity.Pattern) || nodalWeight.Length != space.DofCount)
        {
            throw new ArgumentException("the target must be on the space's pattern and the weight must have one value per node");
        }

        var mesh = space.Mesh;
        int d = mesh.Dimension, nv = d + 1;
        double referenceVolume = AffineSimplexMap.ReferenceVolume(d);
        Span<double> values = target.Values;
        values.Clear();
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            double det = AffineSimplexMap.BarycentricGradients(mesh, cell, gradients, scratch);
            var vertices = mesh.Cell(cell);
            double mean = 0;
            for (int a = 0; a < nv; a++)
            {
                mean += nodalWeight[vertices[a]];
            }

            double integral = det * referenceVolume * mean / nv;
            var entries = sparsity.CellEntries(cell);
            for (int a = 0; a < nv; a++)
            {
                for (int b = 0; b < nv; b++)
                {
                    double dot = 0;
                    for (int r = 0; r < d; r++)
                    {
                        dot += gradients[(a * d) + r] * gradients[(b * d) + r];
                    }

                    values[entries[(a * nv) + b]] += integral * dot;
                }
            }
        }
    }
}
