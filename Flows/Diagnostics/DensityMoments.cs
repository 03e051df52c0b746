using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;
using PdeFlows.Mesh;

namespace PdeFlows.Flows.Diagnostics;

/// <summary>
/// Mass, mean and covariance of a P1 density u_h, with the moments of the normalized density
/// u_h / ∫u_h (interfaces.md). Integrated cell by cell with a degree-3 rule, which is exact for
/// the products of the linear u_h with polynomials of degree ≤ 2.
/// </summary>
public static class DensityMoments
{
    /// <summary>The moments of one density.</summary>
    /// <param name="Mass">∫ u_h.</param>
    /// <param name="Mean">∫ x u_h / ∫ u_h (length d).</param>
    /// <param name="Covariance">∫ (x − mean)(x − mean)ᵀ u_h / ∫ u_h (d × d).</param>
    public sealed record Moments(double Mass, double[] Mean, double[][] Covariance);

    /// <summary>Cells per block (fixed, so the sums do not depend on the thread count; one block gives the serial sum).</summary>
    private const int BlockCells = 16384;

    /// <summary>Computes the moments of the nodal density <paramref name="density"/> on <paramref name="mesh"/> (blocks of cells in parallel, their sums added in block order).</summary>
    public static Moments Compute(SimplexMesh mesh, ReadOnlySpan<double> density)
    {
        int d = mesh.Dimension;
        var rule = SimplexQuadrature.Get(d, 3);
        double referenceVolume = 0;
        foreach (double w in rule.Weights)
        {
            referenceVolume += w;
        }

        int blocks = Math.Max(1, (mesh.CellCount + BlockCells - 1) / BlockCells);
        int width = 1 + d + (d * d); // mass, first moments, second moments
        var partials = new double[blocks * width];
        var u = density.ToArray();
        void MomentBlock(int block)
        {
            Span<double> x = stackalloc double[3];
            Span<double> sums = partials.AsSpan(block * width, width);
            int end = Math.Min(mesh.CellCount, (block + 1) * BlockCells);
            for (int c = block * BlockCells; c < end; c++)
            {
                ReadOnlySpan<int> cell = mesh.Cell(c);
                double scale = mesh.CellVolume(c) / referenceVolume;
                for (int q = 0; q < rule.PointCount; q++)
                {
                    ReadOnlySpan<double> lambda = rule.BarycentricPoint(q);
                    double value = 0;
                    x.Clear();
                    for (int a = 0; a <= d; a++)
                    {
                        value += lambda[a] * u[cell[a]];
                        ReadOnlySpan<double> vertex = mesh.Vertex(cell[a]);
                        for (int k = 0; k < d; k++)
                        {
                            x[k] += lambda[a] * vertex[k];
                        }
                    }

                    double w = rule.Weights[q] * scale * value;
                    sums[0] += w;
                    for (int k = 0; k < d; k++)
                    {
                        sums[1 + k] += w * x[k];
                        for (int l = 0; l < d; l++)
                        {
                            sums[1 + d + (k * d) + l] += w * x[k] * x[l];
                        }
                    }
                }
            }
        }

        BlockParallel.For(blocks, MomentBlock); // one block on this thread; partial sums added in order below

        double mass = 0;
        var first = new double[d];
        var second = new double[d * d];
        for (int b = 0; b < blocks; b++)
        {
            var sums = partials.AsSpan(b * width, width);
            mass += sums[0];
            for (int k = 0; k < d; k++)
            {
                first[k] += sums[1 + k];
            }

            for (int k = 0; k < d * d; k++)
            {
                second[k] += sums[1 + d + k];
            }
        }

        var mean = first.Select(v => v / mass).ToArray();
        var covariance = new double[d][];
        for (int k = 0; k < d; k++)
        {
            covariance[k] = new double[d];
            for (int l = 0; l < d; l++)
            {
                covariance[k][l] = (second[(k * d) + l] / mass) - (mean[k] * mean[l]);
            }
        }

        return new Moments(mass, mean, covariance);
    }
}
