using PdeFlows.Verification.ClosedForms;

namespace PdeFlows.Verification.Tests;

/// <summary>
/// The continuum FR/SFR reference flow and its box quadrature against closed forms: for a Gaussian target
/// N(0, 1) and a Gaussian u₀ = N(1, ¼), π^{1−e}u₀^{e} is Gaussian with precision p = (1 − e) + 4e and mean
/// 4e/p (e = e^{−βt}), so the SFR density, its KL energy and its moments are known exactly. The box
/// [−12, 12] truncates below 1e-30, far under the tolerances.
/// </summary>
public class ContinuumFlowTests
{
    private static readonly BoxQuadrature Rule = new([-12.0], [12.0], 400, 6);

    private static ContinuumRelativeEntropyFlow Flow(bool spherical) =>
        new(Rule, x => 0.5 * x[0] * x[0], x => Math.Exp(-2 * (x[0] - 1) * (x[0] - 1)), 1.0, 0.7, spherical);

    [Fact]
    public void The_box_rule_integrates_polynomials_and_products_exactly()
    {
        var square = new BoxQuadrature([0.0, 0.0], [1.0, 2.0], 3, 2);
        Assert.Equal(2.0, square.Weights.ToArray().Sum(), 14);
        Assert.Equal((1.0 / 3.0) * (16.0 / 4.0), square.Integrate(x => x[0] * x[0] * x[1] * x[1] * x[1]), 13); // ∫x² ∫y³ = ⅓ · 4
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(2.5)]
    public void Spherical_flow_is_the_exact_gaussian_with_its_energy_and_moments(double time)
    {
        var flow = Flow(spherical: true);
        double e = Math.Exp(-0.7 * time), precision = (1 - e) + (4 * e), mean = 4 * e / precision, variance = 1 / precision;
        var u = flow.At(time);
        foreach (double x in new[] { -1.5, 0.0, 0.3, 2.0 })
        {
            double exact = Math.Exp(-((x - mean) * (x - mean)) / (2 * variance)) / Math.Sqrt(2 * Math.PI * variance);
            Assert.Equal(exact, u([x]), 12);
        }

        // KL(N(m, s²) ‖ N(0, 1)) = ½(s² + m² − 1 − log s²).
        Assert.Equal(0.5 * (variance + (mean * mean) - 1 - Math.Log(variance)), flow.Energy(time), 12);
        var (mass, m, covariance) = flow.Moments(time);
        Assert.Equal(1.0, mass, 13);
        Assert.Equal(mean, m[0], 12);
        Assert.Equal(variance, covariance[0], 12);
    }

    [Fact]
    public void Two_dimensional_spherical_energy_is_the_kl_of_the_exact_gaussian()
    {
        // The 2D path (tensor rule, its normalizations) used by gamma-fr-mesh: π = N(0, I), u₀ ∝ N((1, −½), diag(¼, ½)),
        // so u(t) is Gaussian with precisions (1 − e) + 4e, (1 − e) + 2e and means 4e/p₁, −e/p₂; KL adds over the axes.
        // The box [−10, 10]² truncates below 1e-20; 80² panels of 6 Gauss points resolve the Gaussians to round-off.
        var rule = new BoxQuadrature([-10.0, -10.0], [10.0, 10.0], 80, 6);
        var flow = new ContinuumRelativeEntropyFlow(rule, x => 0.5 * ((x[0] * x[0]) + (x[1] * x[1])), x => Math.Exp((-2 * (x[0] - 1) * (x[0] - 1)) - ((x[1] + 0.5) * (x[1] + 0.5))), 1.0, 1.0, spherical: true);
        foreach (double time in new[] { 0.0, 0.5, 1.0 })
        {
            double e = Math.Exp(-time), p1 = (1 - e) + (4 * e), p2 = (1 - e) + (2 * e), m1 = 4 * e / p1, m2 = -e / p2;
            double kl = (0.5 * ((1 / p1) + (m1 * m1) - 1 + Math.Log(p1))) + (0.5 * ((1 / p2) + (m2 * m2) - 1 + Math.Log(p2)));
            Assert.Equal(kl, flow.Energy(time), 11);
        }
    }

    [Fact]
    public void Unbalanced_flow_starts_at_u0_and_tends_to_pi()
    {
        var flow = Flow(spherical: false);
        Assert.Equal(Math.Sqrt(2 / Math.PI) * Math.Exp(-2 * 0.49), flow.At(0)([0.3]), 13);
        Assert.Equal(Math.Exp(-0.045) / Math.Sqrt(2 * Math.PI), flow.At(60)([0.3]), 12);
        Assert.Equal(0.0, flow.Energy(60), 12);
    }
}
