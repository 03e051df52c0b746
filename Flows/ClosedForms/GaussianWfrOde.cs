namespace PdeFlows.Flows.ClosedForms;

/// <summary>
/// The Gaussian solutions of the W / WFR / SWFR flows of KL in one dimension (math.md §4): with a
/// target π = N(m*, Σ*) (mass 1) and u₀ = M₀ N(m₀, Σ₀), u(t) = M N(m, Σ) with
/// ṁ = −(α + βΣ)(m − m*)/Σ*, Σ̇ = α(2 − 2Σ/Σ*) + β(Σ − Σ²/Σ*),
/// Ṁ = −βM[log M + KL(N(m,Σ)‖N(m*,Σ*))] (Ṁ = 0 for the spherical flow).
/// Derived from log u being quadratic in x under both parts of the flow. Integrated with
/// classical RK4 at a fine fixed step (error far below the solver tolerances tested).
/// </summary>
public static class GaussianWfrOde
{
    /// <summary>The state (M, m, Σ) at time t.</summary>
    /// <param name="Mass">M.</param>
    /// <param name="Mean">m.</param>
    /// <param name="Variance">Σ.</param>
    public readonly record struct GaussianState(double Mass, double Mean, double Variance);

    /// <summary>KL(N(m,Σ) ‖ N(m*,Σ*)) in 1D.</summary>
    public static double GaussianRelativeEntropy(double mean, double variance, double targetMean, double targetVariance) =>
        0.5 * ((variance / targetVariance) + (((mean - targetMean) * (mean - targetMean)) / targetVariance) - 1 + Math.Log(targetVariance / variance));

    /// <summary>Integrates the ODEs from <paramref name="initial"/> to <paramref name="time"/>.</summary>
    public static GaussianState Solve(GaussianState initial, double targetMean, double targetVariance, double alpha, double beta, bool spherical, double time, int stepsPerUnitTime = 20000)
    {
        int steps = Math.Max(1, (int)Math.Ceiling(time * stepsPerUnitTime));
        double h = time / steps;
        var y = initial;
        GaussianState F(GaussianState s) => new(
            spherical ? 0 : -beta * s.Mass * (Math.Log(s.Mass) + GaussianRelativeEntropy(s.Mean, s.Variance, targetMean, targetVariance)),
            -(alpha + (beta * s.Variance)) * (s.Mean - targetMean) / targetVariance,
            (alpha * (2 - (2 * s.Variance / targetVariance))) + (beta * (s.Variance - (s.Variance * s.Variance / targetVariance))));
        static GaussianState Axpy(GaussianState y, double a, GaussianState k) =>
            new(y.Mass + (a * k.Mass), y.Mean + (a * k.Mean), y.Variance + (a * k.Variance));
        for (int n = 0; n < steps; n++)
        {
            var k1 = F(y);
            var k2 = F(Axpy(y, h / 2, k1));
            var k3 = F(Axpy(y, h / 2, k2));
            var k4 = F(Axpy(y, h, k3));
            y = new GaussianState(
                y.Mass + (h / 6 * (k1.Mass + (2 * k2.Mass) + (2 * k3.Mass) + k4.Mass)),
                y.Mean + (h / 6 * (k1.Mean + (2 * k2.Mean) + (2 * k3.Mean) + k4.Mean)),
                y.Variance + (h / 6 * (k1.Variance + (2 * k2.Variance) + (2 * k3.Variance) + k4.Variance)));
        }

        return y;
    }
}
