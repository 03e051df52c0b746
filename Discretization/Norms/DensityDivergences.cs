namespace PdeFlows.Discretization.Norms;

/// <summary>
/// Divergences between nonnegative densities (math.md §6), in two versions:
/// <b>lumped</b> — the nodal rule ∫ f ≈ Σ m_i f(u_i, v_i) with the lumped mass m (the rule the flows
/// use for their energies, math.md §5: positivity-safe and exact for mass), and <b>quadrature</b> — the
/// integral of f(u_h, v_h) of the P1 interpolants by a cell rule (default degree 4). Both converge to
/// the continuous value at O(h²) for smooth positive densities.
/// Hellinger: H²(u, v) = ∫ (√u − √v)². Kullback–Leibler (unbalanced form): KL(u|v) = ∫ u log(u/v) − u + v,
/// with 0 log 0 = 0 and +∞ where u &gt; 0 = v.
/// </summary>
public static class DensityDivergences
{
    /// <summary>Σ m_i (√u_i − √v_i)².</summary>
    public static double HellingerSquaredLumped(double[] lumpedMass, double[] u, double[] v)
    {
        Check(lumpedMass, u, v);
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double e = Math.Sqrt(u[i]) - Math.Sqrt(v[i]);
            sum += lumpedMass[i] * e * e;
        }

        return sum;
    }

    /// <summary>∫ (√u_h − √v_h)² by quadrature.</summary>
    public static double HellingerSquared(P1Space space, double[] u, double[] v, int degree = 4)
    {
        ArgumentNullException.ThrowIfNull(space);
        Check(new double[space.DofCount], u, v);
        return CellIntegration.Integrate(space, degree, (c, l, _, _) =>
        {
            double e = Math.Sqrt(Math.Max(0, CellIntegration.Value(space, u, c, l))) - Math.Sqrt(Math.Max(0, CellIntegration.Value(space, v, c, l)));
            return e * e;
        });
    }

    /// <summary>Σ m_i (u_i log(u_i/v_i) − u_i + v_i).</summary>
    public static double KullbackLeiblerLumped(double[] lumpedMass, double[] u, double[] v)
    {
        Check(lumpedMass, u, v);
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += lumpedMass[i] * Integrand(u[i], v[i]);
        }

        return sum;
    }

    /// <summary>∫ u_h log(u_h/v_h) − u_h + v_h by quadrature.</summary>
    public static double KullbackLeibler(P1Space space, double[] u, double[] v, int degree = 4)
    {
        ArgumentNullException.ThrowIfNull(space);
        Check(new double[space.DofCount], u, v);
        return CellIntegration.Integrate(space, degree, (c, l, _, _) =>
            Integrand(Math.Max(0, CellIntegration.Value(space, u, c, l)), Math.Max(0, CellIntegration.Value(space, v, c, l))));
    }

    /// <summary>u log(u/v) − u + v with the conventions 0 log 0 = 0 and u log(u/0) = +∞.</summary>
    private static double Integrand(double u, double v)
    {
        if (u == 0)
        {
            return v;
        }

        return v == 0 ? double.PositiveInfinity : (u * Math.Log(u / v)) - u + v;
    }

    private static void Check(double[] mass, double[] u, double[] v)
    {
        ArgumentNullException.ThrowIfNull(mass);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Length != mass.Length || v.Length != mass.Length)
        {
            throw new ArgumentException($"need fields of length {mass.Length}, got {u.Length} and {v.Length}");
        }

        for (int i = 0; i < u.Length; i++)
        {
            if (!(u[i] >= 0) || !(v[i] >= 0))
            {
                throw new ArgumentException($"densities must be nonnegative: node {i} has u = {u[i]}, v = {v[i]}");
            }
        }
    }
}
