namespace PdeFlows.Flows.ClosedForms;

/// <summary>
/// Exact nodal solutions of the pure reaction flows (math.md §4), used as references by tests and
/// the verification layer. All are pointwise in the nodes; the spherical ones use the lumped mass.
/// </summary>
public static class FisherRaoClosedForms
{
    /// <summary>FR of KL: u(t) = π^{1−e^{−βt}} u₀^{e^{−βt}}.</summary>
    public static double[] RelativeEntropy(NodalSetting setting, ReadOnlySpan<double> initial, double beta, double time)
    {
        double decay = Math.Exp(-beta * time);
        var u = new double[initial.Length];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = Math.Pow(setting.Target[i], 1 - decay) * Math.Pow(initial[i], decay);
        }

        return u;
    }

    /// <summary>SFR of KL: the FR solution rescaled to the initial (lumped) mass.</summary>
    public static double[] SphericalRelativeEntropy(NodalSetting setting, ReadOnlySpan<double> initial, double beta, double time)
    {
        double[] u = RelativeEntropy(setting, initial, beta, time);
        double scale = setting.Mass(initial) / setting.Mass(u);
        for (int i = 0; i < u.Length; i++)
        {
            u[i] *= scale;
        }

        return u;
    }

    /// <summary>FR of χ²: r = u/π, r(t) = 1 / (1 + (1/r₀ − 1) e^{−βt}).</summary>
    public static double[] ChiSquared(NodalSetting setting, ReadOnlySpan<double> initial, double beta, double time)
    {
        double decay = Math.Exp(-beta * time);
        var u = new double[initial.Length];
        for (int i = 0; i < u.Length; i++)
        {
            double r0 = initial[i] / setting.Target[i];
            u[i] = setting.Target[i] / (1 + (((1 / r0) - 1) * decay));
        }

        return u;
    }

    /// <summary>
    /// SFR of χ², semi-analytic. With r = u/π and z = 1/r, ṙ = −βr(r − 1 − c(t)) is linear in z, so
    /// z_i(t) = P(t)(z_i(0) + q(t)). Mass conservation Σ m_i π_i r_i = M fixes P = S(q)/M with
    /// S(q) = Σ m_i π_i / (z_i(0) + q), and q̇ = β/P integrates to
    /// t = (1/(βM)) Σ m_i π_i log(1 + q / z_i(0)), which is increasing in q: q(t) is found by a
    /// safeguarded Newton iteration to machine precision. Then u_i = π_i M / (S(q)(z_i(0) + q)).
    /// </summary>
    public static double[] SphericalChiSquared(NodalSetting setting, ReadOnlySpan<double> initial, double beta, double time)
    {
        int n = initial.Length;
        var z0 = new double[n];
        var weight = new double[n];
        double mass = 0;
        for (int i = 0; i < n; i++)
        {
            z0[i] = setting.Target[i] / initial[i];
            weight[i] = setting.LumpedMass[i] * setting.Target[i];
            mass += setting.LumpedMass[i] * initial[i];
        }

        double target = beta * mass * time;
        double TimeOf(double q)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += weight[i] * double.LogP1(q / z0[i]);
            }

            return sum;
        }

        double Slope(double q)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += weight[i] / (z0[i] + q);
            }

            return sum;
        }

        // Bracket [lo, hi] with TimeOf(lo) ≤ target ≤ TimeOf(hi), then Newton with bisection fallback.
        double lo = 0, hi = 1;
        while (TimeOf(hi) < target)
        {
            lo = hi;
            hi *= 2;
        }

        double q = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double f = TimeOf(q) - target;
            if (f > 0)
            {
                hi = q;
            }
            else
            {
                lo = q;
            }

            double next = q - (f / Slope(q));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - q) <= 1e-16 * Math.Max(1, Math.Abs(q)))
            {
                q = next;
                break;
            }

            q = next;
        }

        double s = Slope(q);
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = setting.Target[i] * mass / (s * (z0[i] + q));
        }

        return u;
    }
}
