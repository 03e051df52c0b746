using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Norms;

/// <summary>An integrand at one quadrature point: cell, barycentric coordinates, physical point, basis gradients ((d+1) × d).</summary>
internal delegate double QuadraturePointIntegrand(int cell, ReadOnlySpan<double> barycentric, ReadOnlySpan<double> x, ReadOnlySpan<double> gradients);

/// <summary>
/// Σ over cells of ∫_T integrand, by a cell rule; parallel over fixed chunks of cells whose partial
/// sums are added in chunk order, so the result is the same for every thread count.
/// </summary>
internal static class CellIntegration
{
    private const int ChunkCells = 2048;

    public static double Integrate(P1Space space, int degree, QuadraturePointIntegrand integrand)
    {
        var mesh = space.Mesh;
        int d = mesh.Dimension;
        var rule = SimplexQuadrature.Get(d, degree);
        int chunks = (mesh.CellCount + ChunkCells - 1) / ChunkCells;
        var partial = new double[chunks];
        void IntegrateChunk(int chunk)
        {
            var gradients = new double[(d + 1) * d];
            var scratch = new double[2 * d * d];
            var x = new double[d];
            double sum = 0;
            int end = Math.Min(mesh.CellCount, (chunk + 1) * ChunkCells);
            for (int c = chunk * ChunkCells; c < end; c++)
            {
                double det = AffineSimplexMap.BarycentricGradients(mesh, c, gradients, scratch);
                double cellSum = 0;
                for (int q = 0; q < rule.PointCount; q++)
                {
                    var lambda = rule.BarycentricPoint(q);
                    AffineSimplexMap.ToPhysical(mesh, c, lambda, x);
                    cellSum += rule.Weights[q] * integrand(c, lambda, x, gradients);
                }

                sum += det * cellSum;
            }

            partial[chunk] = sum;
        }

        BlockParallel.For(chunks, IntegrateChunk); // one chunk on this thread; partial sums added in order below

        double total = 0;
        foreach (double s in partial)
        {
            total += s;
        }

        return total;
    }

    /// <summary>u_h at a point of a cell: Σ_k λ_k u_{v_k}.</summary>
    public static double Value(P1Space space, double[] nodal, int cell, ReadOnlySpan<double> barycentric)
    {
        var vertices = space.Mesh.Cell(cell);
        double sum = 0;
        for (int k = 0; k < vertices.Length; k++)
        {
            sum += barycentric[k] * nodal[vertices[k]];
        }

        return sum;
    }

    /// <summary>Component r of ∇u_h on a cell: Σ_k u_{v_k} ∇λ_k[r].</summary>
    public static double GradientComponent(P1Space space, double[] nodal, int cell, ReadOnlySpan<double> gradients, int r)
    {
        var vertices = space.Mesh.Cell(cell);
        int d = space.Dimension;
        double sum = 0;
        for (int k = 0; k < vertices.Length; k++)
        {
            sum += nodal[vertices[k]] * gradients[(k * d) + r];
        }

        return sum;
    }
}
