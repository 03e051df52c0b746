namespace PdeFlows.Flows.Tests;

/// <summary>
/// An independent reference for the pure reaction flows: the nodal ODE of math.md §4 written out
/// here — u̇ᵢ = −β uᵢ (ξᵢ − c), ξ the first variation of the energy (KL: log(uᵢ/πᵢ); χ²: uᵢ/πᵢ − 1),
/// c = 0 for FR and c = Σⱼ mⱼuⱼξⱼ / Σⱼ mⱼuⱼ for SFR (what keeps Σ mᵢuᵢ constant) — integrated in
/// ℓ = log u by the classical fourth-order Runge–Kutta method with a fixed fine step. It shares
/// no code with the reactions or closed forms under test (no FisherRaoRate, no closed form).
/// </summary>
internal static class NodalOdeReference
{
    /// <summary>The energies of the reference.</summary>
    public enum Energy
    {
        /// <summary>KL(u‖π): ξ = log(u/π).</summary>
        RelativeEntropy,

        /// <summary>χ²(u‖π): ξ = u/π − 1.</summary>
        ChiSquared,
    }

    /// <summary>u(t) from u₀ by RK4 in ℓ = log u with <paramref name="steps"/> equal steps.</summary>
    public static double[] Solve(double[] mass, double[] target, double[] initial, double beta, bool spherical, Energy energy, double time, int steps)
    {
        int n = initial.Length;
        var l = initial.Select(v => Math.Log(v)).ToArray();
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var stage = new double[n];
        double h = time / steps;
        for (int s = 0; s < steps; s++)
        {
            Derivative(l, k1);
            Stage(l, k1, h / 2, stage);
            Derivative(stage, k2);
            Stage(l, k2, h / 2, stage);
            Derivative(stage, k3);
            Stage(l, k3, h, stage);
            Derivative(stage, k4);
            for (int i = 0; i < n; i++)
            {
                l[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }
        }

        return l.Select(v => Math.Exp(v)).ToArray();

        void Derivative(double[] logU, double[] rate)
        {
            double weighted = 0, total = 0;
            for (int i = 0; i < n; i++)
            {
                double u = Math.Exp(logU[i]);
                rate[i] = energy == Energy.RelativeEntropy ? logU[i] - Math.Log(target[i]) : (u / target[i]) - 1;
                weighted += mass[i] * u * rate[i];
                total += mass[i] * u;
            }

            double c = spherical ? weighted / total : 0;
            for (int i = 0; i < n; i++)
            {
                rate[i] = -beta * (rate[i] - c);
            }
        }
    }

    private static void Stage(double[] l, double[] slope, double h, double[] result)
    {
        for (int i = 0; i < l.Length; i++)
        {
            result[i] = l[i] + (h * slope[i]);
        }
    }
}
