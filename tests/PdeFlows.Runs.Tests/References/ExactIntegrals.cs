namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// Integrals of smooth functions on an interval by composite 5-point Gauss–Legendre (exact for degree 9
/// per panel), written here so that the closed-form truths do not share code with the solver or the
/// extrapolation under test. With 4000 panels on intervals of length ≤ 14 the rule's error for the
/// Gaussians and their logarithms used here is far below 1e-14 (panel error ~ (h/2)^10 f^(10)/…).
/// </summary>
internal static class ExactIntegrals
{
    private static readonly double[] Nodes = [0.0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640];
    private static readonly double[] Weights = [0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891];

    /// <summary>∫_a^b f.</summary>
    public static double Integrate(Func<double, double> f, double a, double b, int panels = 4000)
    {
        double h = (b - a) / panels, sum = 0;
        for (int k = 0; k < panels; k++)
        {
            double center = a + ((k + 0.5) * h);
            for (int q = 0; q < Nodes.Length; q++)
            {
                sum += Weights[q] * f(center + (0.5 * h * Nodes[q]));
            }
        }

        return sum * 0.5 * h;
    }
}
