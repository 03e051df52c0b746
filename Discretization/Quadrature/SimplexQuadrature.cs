namespace PdeFlows.Discretization.Quadrature;

/// <summary>
/// Quadrature rules on the reference simplices for any degree: Gauss–Legendre on the interval;
/// on the triangle and tetrahedron the classical symmetric rules for degree ≤ 2 (centroid; the
/// 3-point edge-interior rule; the 4-point Keast rule) and Stroud conical (collapsed-coordinate)
/// products of Gauss–Jacobi rules above, which are exact to any requested degree with positive
/// weights and interior points. Rules are built once per (d, degree) and cached.
/// </summary>
public static class SimplexQuadrature
{
    /// <summary>Built rules by dimension, then degree (under a lock; a dictionary keyed by a tuple of ints is a generic instantiation the JIT compiles at every start).</summary>
    private static readonly Dictionary<int, QuadratureRule>[] Cache = [new(), new(), new(), new()];

    /// <summary>A rule on the reference d-simplex exact for total degree ≤ <paramref name="degree"/>.</summary>
    /// <param name="dimension">d ∈ {0, 1, 2, 3}.</param>
    /// <param name="degree">Degree ≥ 0.</param>
    public static QuadratureRule Get(int dimension, int degree)
    {
        if (dimension is < 0 or > 3 || degree < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), $"need d in 0..3 and degree ≥ 0, got d = {dimension}, degree = {degree}");
        }

        int key = Math.Max(degree, 1);
        var rules = Cache[dimension];
        lock (rules)
        {
            if (!rules.TryGetValue(key, out QuadratureRule? rule))
            {
                rule = Build(dimension, key);
                rules.Add(key, rule);
            }

            return rule;
        }
    }

    /// <summary>The Stroud conical product rule of the given degree (also for degree ≤ 2, for tests).</summary>
    public static QuadratureRule ConicalProduct(int dimension, int degree)
    {
        int n = Math.Max(1, (degree + 2) / 2); // 2n − 1 ≥ degree
        var (s, ws) = GaussJacobi.OnUnitInterval(n, 0);
        if (dimension == 1)
        {
            return new QuadratureRule(1, degree, s, ws);
        }

        var (t, wt) = GaussJacobi.OnUnitInterval(n, 1);
        if (dimension == 2)
        {
            // x = s(1 − t), y = t, dx dy = (1 − t) ds dt: the (1 − t) goes into the Jacobi weight.
            var points = new List<double>();
            var weights = new List<double>();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    points.Add(s[i] * (1 - t[j]));
                    points.Add(t[j]);
                    weights.Add(ws[i] * wt[j]);
                }
            }

            return new QuadratureRule(2, degree, points.ToArray(), weights.ToArray());
        }

        // x = s(1 − t)(1 − r), y = t(1 − r), z = r, dV = (1 − t)(1 − r)² ds dt dr.
        var (r, wr) = GaussJacobi.OnUnitInterval(n, 2);
        var p3 = new List<double>();
        var w3 = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    p3.Add(s[i] * (1 - t[j]) * (1 - r[k]));
                    p3.Add(t[j] * (1 - r[k]));
                    p3.Add(r[k]);
                    w3.Add(ws[i] * wt[j] * wr[k]);
                }
            }
        }

        return new QuadratureRule(3, degree, p3.ToArray(), w3.ToArray());
    }

    private static QuadratureRule Build(int dimension, int degree)
    {
        switch (dimension)
        {
            case 0:
                return new QuadratureRule(0, int.MaxValue, [], [1.0]);
            case 1:
                return ConicalProduct(1, degree);
            case 2 when degree == 1:
                return new QuadratureRule(2, 1, [1.0 / 3, 1.0 / 3], [0.5]);
            case 2 when degree == 2:
                return new QuadratureRule(2, 2, [1.0 / 6, 1.0 / 6, 2.0 / 3, 1.0 / 6, 1.0 / 6, 2.0 / 3], [1.0 / 6, 1.0 / 6, 1.0 / 6]);
            case 3 when degree == 1:
                return new QuadratureRule(3, 1, [0.25, 0.25, 0.25], [1.0 / 6]);
            case 3 when degree == 2:
                {
                    // Keast: the points (a, b, b, b) and permutations in barycentric coordinates, a = (5 + 3√5)/20.
                    double a = (5 + (3 * Math.Sqrt(5))) / 20, b = (5 - Math.Sqrt(5)) / 20;
                    return new QuadratureRule(3, 2, [b, b, b, a, b, b, b, a, b, b, b, a], [1.0 / 24, 1.0 / 24, 1.0 / 24, 1.0 / 24]);
                }

            default:
                return ConicalProduct(dimension, degree);
        }
    }
}
