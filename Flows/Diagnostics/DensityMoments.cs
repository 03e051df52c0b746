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

    /// <summary>Computes the moments of the nodal density <paramref name="density"/> on <paramref name="mesh"/>.</summary>
    public static Moments Compute(SimplexMesh mesh, ReadOnlySpan<double> density)
    {
        int d = mesh.Dimension;
        var rule = SimplexQuadrature.Get(d, 3);
        double referenceVolume = 0;
        foreach (double w in rule.Weights)
        {
            referenceVolume += w;
        }

        double mass = 0;
        var first = new double[d];
        var second = new double[d * d];
        Span<double> x = stackalloc double[3];
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            double scale = mesh.CellVolume(c) / referenceVolume;
            for (int q = 0; q < rule.PointCount; q++)
            {
                ReadOnlySpan<double> lambda = rule.BarycentricPoint(q);
                double u = 0;
                x.Clear();
                for (int a = 0; a <= d; a++)
                {
                    u += lambda[a] * density[cell[a]];
                    ReadOnlySpan<double> vertex = mesh.Vertex(cell[a]);
                    for (int k = 0; k < d; k++)
                    {
                        x[k] += lambda[a] * vertex[k];
                    }
                }

                double w = rule.Weights[q] * scale * u;
                mass += w;
                for (int k = 0; k < d; k++)
                {
                    first[k] += w * x[k];
                    for (int l = 0; l < d; l++)
                    {
                        second[(k * d) + l] += w * x[k] * x[l];
                    }
                }
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
