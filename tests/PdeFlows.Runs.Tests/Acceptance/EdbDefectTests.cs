using System.Text;
using PdeFlows.Flows.TimeStepping;
using Xunit.Abstractions;
using static PdeFlows.Runs.Tests.Acceptance.FlowCases;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// The discrete energy–dissipation balance (math.md §5), source-free: the per-step defect
/// δ_n = E^{n+1} − E^n + ∫_step D_h (right endpoint for lie-ie, trapezoidal for strang) is O(τ^{p+1}),
/// so Σ|δ_n| over [0, T] shrinks like τ^p. Case: the double well of interfaces.md on [−3, 3], 300 cells,
/// initial u₀ ∝ π(1 + 0.8 tanh 2x) (smooth ratio, so no step is rejected and the transient is resolved
/// by τ ≤ 0.05), mass 1.2, T = ½, τ = T/10 … T/160.
/// </summary>
public class EdbDefectTests(ITestOutputHelper output)
{
    private static string Case(string kind, double beta, double end, double step, string scheme) => Text(
        Interval(-3, 3, 300),
        "potential = \"2*(x^2 - 1)^2 + 0.3*x\"",
        "density = \"exp(-2*(x^2 - 1)^2 - 0.3*x)*(1 + 0.8*tanh(2*x))\"\nmass = 1.2",
        $"kind = \"{kind}\"\nalpha = 1\nbeta = {F(beta)}",
        Time(end, step, scheme),
        Times(0, end));

    [Theory]
    [InlineData("wfr", "lie-ie")]
    [InlineData("swfr", "lie-ie")]
    [InlineData("w", "lie-ie")]
    [InlineData("wfr", "strang")]
    [InlineData("swfr", "strang")]
    [InlineData("w", "strang")]
    public void Defect_order(string kind, string scheme)
    {
        double end = 0.5;
        var taus = new List<double>();
        var defects = new List<double>();
        double worstStep = double.NegativeInfinity;
        var table = new StringBuilder($"{kind} {scheme}\n");
        foreach (int steps in new[] { 10, 20, 40, 80, 160 })
        {
            using var problem = Build(Case(kind, kind == "w" ? 0 : 1, end, end / steps, scheme));
            double previous = 0, sumAbs = 0, maxIncrement = double.NegativeInfinity;
            var (state, _, _) = Run(problem, s =>
            {
                double increment = s.EdbDefect - previous;
                previous = s.EdbDefect;
                sumAbs += Math.Abs(increment);
                maxIncrement = Math.Max(maxIncrement, increment);
            });
            taus.Add(end / steps);
            defects.Add(sumAbs);
            worstStep = Math.Max(worstStep, maxIncrement);
            table.AppendLine($"tau={end / steps:E3} cumulative={state.EdbDefect:E3} sum|step|={sumAbs:E3} max step={maxIncrement:E3} rejected={state.Rejected}");
        }

        double slope = FittedSlope(taus, defects);
        output.WriteLine(table + $"slope {slope:F3}");
        double expected = scheme == "strang" ? 2 : 1, tolerance = scheme == "strang" ? 0.15 : 0.1;
        Assert.True(Math.Abs(slope - expected) <= tolerance, table + $"fitted slope of sum |defect| {slope:F3}, expected {expected} ± {tolerance}");
        if (kind == "w" && scheme == "lie-ie")
        {
            // Pure transport with implicit Euler: every step's defect is ≤ 0 (convexity of E and the M-matrix);
            // 1e-14 allows for the round-off of the two energies (|E| ≲ 1, 301 terms).
            Assert.True(worstStep <= 1e-14, table + $"largest per-step defect {worstStep:E3} > 0");
        }
    }
}
