namespace PdeFlows.Verification.Convergence;

/// <summary>
/// Observed orders of convergence from errors e_k at parameter values P_k, using the actual
/// ratios P_k / P_{k−1} (never assuming that P halves): pairwise
/// p_k = log(e_k / e_{k−1}) / log(P_k / P_{k−1}), and the least-squares slope of log e against log P.
/// An order is undefined (<see cref="double.NaN"/>) when an error is zero, negative or not finite,
/// or when two parameter values are equal.
/// </summary>
public static class ObservedOrder
{
    /// <summary>The pairwise orders: element k (k ≥ 1) compares rows k−1 and k; element 0 is always NaN.</summary>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static double[] Pairwise(IReadOnlyList<double> parameters, IReadOnlyList<double> errors)
    {
        CheckLengths(parameters, errors);
        var orders = new double[parameters.Count];
        if (orders.Length > 0)
        {
            orders[0] = double.NaN;
        }

        for (int k = 1; k < orders.Length; k++)
        {
            orders[k] = Between(parameters[k - 1], errors[k - 1], parameters[k], errors[k]);
        }

        return orders;
    }

    /// <summary>The order between two points, or NaN when undefined.</summary>
    public static double Between(double parameter0, double error0, double parameter1, double error1)
    {
        if (!IsUsable(parameter0, error0) || !IsUsable(parameter1, error1) || parameter0 == parameter1)
        {
            return double.NaN;
        }

        return Math.Log(error1 / error0) / Math.Log(parameter1 / parameter0);
    }

    /// <summary>
    /// The least-squares slope of log e against log P over the last <paramref name="tailCount"/> points
    /// (all when null), skipping points whose order would be undefined; NaN when fewer than two usable
    /// points with distinct parameters remain.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or the tail count is below 2.</exception>
    public static double FittedSlope(IReadOnlyList<double> parameters, IReadOnlyList<double> errors, int? tailCount = null)
    {
        CheckLengths(parameters, errors);
        if (tailCount is < 2)
        {
            throw new ArgumentException($"a fitted slope needs a tail of at least 2 rows, got {tailCount}", nameof(tailCount));
        }

        int first = tailCount is int tail ? Math.Max(0, parameters.Count - tail) : 0;
        var x = new List<double>();
        var y = new List<double>();
        for (int k = first; k < parameters.Count; k++)
        {
            if (IsUsable(parameters[k], errors[k]))
            {
                x.Add(Math.Log(parameters[k]));
                y.Add(Math.Log(errors[k]));
            }
        }

        if (x.Count < 2)
        {
            return double.NaN;
        }

        double meanX = x.Average();
        double meanY = y.Average();
        double sxy = 0.0;
        double sxx = 0.0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }

        return sxx > 0.0 ? sxy / sxx : double.NaN;
    }

    /// <summary>Whether a point can enter a logarithm: finite positive parameter and error.</summary>
    public static bool IsUsable(double parameter, double error) =>
        double.IsFinite(parameter) && parameter > 0.0 && double.IsFinite(error) && error > 0.0;

    private static void CheckLengths(IReadOnlyList<double> parameters, IReadOnlyList<double> errors)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        if (parameters.Count != errors.Count)
        {
            throw new ArgumentException($"{parameters.Count} parameter values but {errors.Count} errors");
        }
    }
}
