using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>Load vectors b_i = ∫_Ω f φ_i (cell quadrature) and b_i = ∫_∂Ω g φ_i (facet quadrature).</summary>
public static class LoadVector
{
    /// <summary>b_i = ∫ f φ_i by a cell rule of degree QuadratureDegree + 1.</summary>
    public static double[] Assemble(P1Space space, SpatialFunction source, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(source);
        options ??= AssemblyOptions.Default;
        var b = new double[space.DofCount];
        var rule = SimplexQuadrature.Get(space.Dimension, options.QuadratureDegree + 1);
        CellAssembler.AssembleVector(space.Sparsity, new LoadKernel<FunctionWeight>(new FunctionWeight(source)), rule, b, options);
        return b;
    }

    /// <summary>
    /// The natural boundary load b_i = ∫_∂Ω g(x, n) φ_i over all boundary facets, with n the unit
    /// outward normal; e.g. g = w ∇u·n for the flux of an exact solution u. Serial (boundary work is small).
    /// </summary>
    /// <param name="space">The P1 space.</param>
    /// <param name="flux">g(x, n).</param>
    /// <param name="degree">Facet quadrature degree.</param>
    public static double[] AssembleBoundary(P1Space space, BoundaryFunction flux, int degree = 4)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(flux);
        var mesh = space.Mesh;
        int d = mesh.Dimension;
        var boundary = mesh.Boundary;
        var b = new double[space.DofCount];
        var rule = SimplexQuadrature.Get(d - 1, degree);
        Span<double> normal = stackalloc double[3];
        Span<double> x = stackalloc double[3];
        Span<double> e1 = stackalloc double[3];
        Span<double> e2 = stackalloc double[3];
        for (int f = 0; f < boundary.Count; f++)
        {
            var vertices = boundary.Facet(f);
            var owner = mesh.Cell(boundary.Owner(f));
            var opposite = mesh.Vertex(owner[boundary.OppositeLocalVertex(f)]);
            var x0 = mesh.Vertex(vertices[0]);
            double measure;
            normal.Clear();
            switch (d)
            {
                case 1:
                    normal[0] = 1;
                    measure = 1;
                    break;
                case 2:
                    {
                        var x1 = mesh.Vertex(vertices[1]);
                        double tx = x1[0] - x0[0], ty = x1[1] - x0[1];
                        measure = Math.Sqrt((tx * tx) + (ty * ty));
                        normal[0] = ty / measure;
                        normal[1] = -tx / measure;
                        break;
                    }

                default:
                    {
                        var x1 = mesh.Vertex(vertices[1]);
                        var x2 = mesh.Vertex(vertices[2]);
                        for (int r = 0; r < 3; r++)
                        {
                            e1[r] = x1[r] - x0[r];
                            e2[r] = x2[r] - x0[r];
                        }

                        normal[0] = (e1[1] * e2[2]) - (e1[2] * e2[1]);
                        normal[1] = (e1[2] * e2[0]) - (e1[0] * e2[2]);
                        normal[2] = (e1[0] * e2[1]) - (e1[1] * e2[0]);
                        double norm = Math.Sqrt((normal[0] * normal[0]) + (normal[1] * normal[1]) + (normal[2] * normal[2]));
                        measure = norm / 2;
                        for (int r = 0; r < 3; r++)
                        {
                            normal[r] /= norm;
                        }

                        break;
                    }
            }

            // Orient outward: away from the owning cell's opposite vertex.
            double side = 0;
            for (int r = 0; r < d; r++)
            {
                side += normal[r] * (opposite[r] - x0[r]);
            }

            if (side > 0)
            {
                for (int r = 0; r < d; r++)
                {
                    normal[r] = -normal[r];
                }
            }

            // Facet rule: weights sum to 1/(d−1)!, so scale by measure · (d−1)!.
            double scale = measure / AffineSimplexMap.ReferenceVolume(d - 1);
            for (int q = 0; q < rule.PointCount; q++)
            {
                var lambda = rule.BarycentricPoint(q);
                x[..d].Clear();
                for (int k = 0; k < d; k++)
                {
                    var xv = mesh.Vertex(vertices[k]);
                    for (int r = 0; r < d; r++)
                    {
                        x[r] += lambda[k] * xv[r];
                    }
                }

                double value = rule.Weights[q] * scale * flux(x[..d], normal[..d]);
                for (int k = 0; k < d; k++)
                {
                    b[vertices[k]] += value * lambda[k];
                }
            }
        }

        return b;
    }
}
