using System.Text;
using PdeFlows.Flows.ClosedForms;
using Xunit.Abstractions;
using static PdeFlows.Runs.Tests.Acceptance.FlowCases;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// W, WFR and SWFR of KL with a Gaussian target N(½, 0.6) and Gaussian initial data M₀ N(−1, 0.3)
/// (variances) stay Gaussian; mass, mean and variance follow <see cref="GaussianWfrOde"/>. The box
/// [−8, 8] puts the boundary ≥ 10 standard deviations from both Gaussians (truncated mass ~e^{−50}).
/// </summary>
public class GaussianFlowTests(ITestOutputHelper output)
{
    /// <summary>
    /// 3200 cells (h = 5e-3) and strang with τ = 2.5e-3 to T = 1; moments from the summary (DensityMoments,
    /// exact quadrature of the P1 density) at t = 0, ¼, ½, 1. Error budget: the P1 interpolation adds
    /// h²/12 ≈ 2e-6 to the variance (visible at t = 0), the splitting and TR-BDF2 errors are O(τ²) ≈ 1e-6;
    /// observed ≤ 5e-6, asserted 1e-4 as the issue asks (20× margin; the lie-ie run below shows the check bites).
    /// </summary>
    [Theory]
    [InlineData("wfr", 1.0, 1.0, 1.5)]
    [InlineData("swfr", 1.0, 1.0, 1.0)]
    [InlineData("w", 1.0, 0.0, 1.0)]
    public void Mass_mean_and_variance_follow_the_gaussian_odes(string kind, double alpha, double beta, double mass0)
    {
        var (worst, table) = Compare(kind, alpha, beta, mass0, "strang", 2.5e-3);
        output.WriteLine(table);
        Assert.True(worst <= 1e-4, table + $"worst error {worst:E3} > 1e-4");
    }

    /// <summary>The same comparison with first-order lie-ie at τ = 2.5e-2 misses 1e-4 (error O(τ) ≈ 1e-3): the check can fail.</summary>
    [Fact]
    public void The_comparison_detects_a_first_order_time_error()
    {
        var (worst, table) = Compare("wfr", 1, 1, 1.5, "lie-ie", 2.5e-2);
        output.WriteLine(table);
        Assert.True(worst > 1e-4, table);
    }

    private static (double Worst, string Table) Compare(string kind, double alpha, double beta, double mass0, string scheme, double tau)
    {
        const double targetMean = 0.5, targetVariance = 0.6, mean0 = -1, variance0 = 0.3;
        double[] times = [0, 0.25, 0.5, 1];
        string text = Text(
            Interval(-8, 8, 3200),
            $"potential = \"(x - {F(targetMean)})^2 / (2*{F(targetVariance)})\"",
            $"density = \"exp(-(x - ({F(mean0)}))^2 / (2*{F(variance0)}))\"\nmass = {F(mass0)}",
            $"kind = \"{kind}\"\nalpha = {F(alpha)}\nbeta = {F(beta)}",
            Time(1, tau, scheme),
            Times(times));
        using var problem = Build(text);
        var rows = Run(problem).Rows;
        double worst = 0;
        var table = new StringBuilder($"{kind} {scheme} tau={tau} h={16.0 / 3200}\n t     mass (error)            mean (error)            variance (error)\n");
        for (int k = 0; k < times.Length; k++)
        {
            var exact = GaussianWfrOde.Solve(new(mass0, mean0, variance0), targetMean, targetVariance, alpha, beta, spherical: kind != "wfr", times[k]);
            double dm = rows[k].Mass - exact.Mass, dmean = rows[k].Mean[0] - exact.Mean, dvar = rows[k].Covariance[0][0] - exact.Variance;
            table.AppendLine($" {times[k],-5} {rows[k].Mass:F8} ({dm:E2})  {rows[k].Mean[0]:F8} ({dmean:E2})  {rows[k].Covariance[0][0]:F8} ({dvar:E2})");
            worst = Math.Max(worst, Math.Max(Math.Abs(dm), Math.Max(Math.Abs(dmean), Math.Abs(dvar))));
        }

        return (worst, table.ToString());
    }
}
