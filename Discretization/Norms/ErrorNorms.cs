namespace PdeFlows.Discretization.Norms;

/// <summary>
/// Error norms of math.md §6 for P1 fields: against an exact function by cell quadrature (default
/// degree 4, so the quadrature error is far below the O(h²) discretization error), and between two
/// nodal fields on the same mesh (L² and H¹ exact for the P1 interpolants; L¹ by quadrature since
/// |u_h − v_h| is only piecewise smooth).
/// </summary>
public static class ErrorNorms
{
    /// <summary>‖u_h − u‖_{L¹}.</summary>
    public static double L1Error(P1Space space, double[] nodal, SpatialFunction exact, int degree = 4)
    {
        Check(space, nodal);
        ArgumentNullException.ThrowIfNull(exact);
        return CellIntegration.Integrate(space, degree, (c, l, x, _) => Math.Abs(CellIntegration.Value(space, nodal, c, l) - exact(x)));
    }

    /// <summary>‖u_h − u‖_{L²}.</summary>
    public static double L2Error(P1Space space, double[] nodal, SpatialFunction exact, int degree = 4)
    {
        Check(space, nodal);
        ArgumentNullException.ThrowIfNull(exact);
        return Math.Sqrt(CellIntegration.Integrate(space, degree, (c, l, x, _) =>
        {
            double e = CellIntegration.Value(space, nodal, c, l) - exact(x);
            return e * e;
        }));
    }

    /// <summary>|u_h − u|_{H¹} = ‖∇u_h − ∇u‖_{L²}.</summary>
    public static double H1SeminormError(P1Space space, double[] nodal, SpatialGradient exactGradient, int degree = 4)
    {
        Check(space, nodal);
        ArgumentNullException.ThrowIfNull(exactGradient);
        int d = space.Dimension;
        return Math.Sqrt(CellIntegration.Integrate(space, degree, (c, l, x, g) =>
        {
            Span<double> exact = stackalloc double[3];
            exactGradient(x, exact[..d]);
            double sum = 0;
            for (int r = 0; r < d; r++)
            {
                double e = CellIntegration.GradientComponent(space, nodal, c, g, r) - exact[r];
                sum += e * e;
            }

            return sum;
        }));
    }

    /// <summary>‖u_h − v_h‖_{L¹} between two nodal fields, by quadrature.</summary>
    public static double L1Distance(P1Space space, double[] u, double[] v, int degree = 4)
    {
        Check(space, u);
        Check(space, v);
        return CellIntegration.Integrate(space, degree, (c, l, _, _) => Math.Abs(CellIntegration.Value(space, u, c, l) - CellIntegration.Value(space, v, c, l)));
    }

    /// <summary>‖u_h − v_h‖_{L²} between two nodal fields (exact: degree-2 integrand).</summary>
    public static double L2Distance(P1Space space, double[] u, double[] v)
    {
        Check(space, u);
        Check(space, v);
        return Math.Sqrt(CellIntegration.Integrate(space, 2, (c, l, _, _) =>
        {
            double e = CellIntegration.Value(space, u, c, l) - CellIntegration.Value(space, v, c, l);
            return e * e;
        }));
    }

    /// <summary>|u_h − v_h|_{H¹} between two nodal fields (exact: constant gradients).</summary>
    public static double H1SeminormDistance(P1Space space, double[] u, double[] v)
    {
        Check(space, u);
        Check(space, v);
        int d = space.Dimension;
        return Math.Sqrt(CellIntegration.Integrate(space, 1, (c, _, _, g) =>
        {
            double sum = 0;
            for (int r = 0; r < d; r++)
            {
                double e = CellIntegration.GradientComponent(space, u, c, g, r) - CellIntegration.GradientComponent(space, v, c, g, r);
                sum += e * e;
            }

            return sum;
        }));
    }

    private static void Check(P1Space space, double[] nodal)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(nodal);
        if (nodal.Length != space.DofCount)
        {
            throw new ArgumentException($"a nodal field on this space has {space.DofCount} values, got {nodal.Length}");
        }
    }
}
