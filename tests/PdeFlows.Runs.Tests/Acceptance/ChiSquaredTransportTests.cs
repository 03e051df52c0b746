using static PdeFlows.Runs.Tests.Acceptance.FlowCases;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// The χ² flows with transport (w, wfr, swfr): the linearly implicit scheme with the mobility u from
/// the previous step. Structure checks: mass (w, swfr), positivity, energy decrease, and convergence
/// to the target (χ² is minimized at u = π).
/// </summary>
public class ChiSquaredTransportTests
{
    private static string Case(string kind, double step) => Text(
        Interval(-3, 3, 120),
        "potential = \"x^2/2\"",
        "density = \"exp(-(x-1.5)^2/0.5)\"\nmass = 1.0",
        $"kind = \"{kind}\"\nenergy = \"chi2\"\nalpha = 1.0\nbeta = 1.0",
        Time(2.0, step, "lie-ie"),
        Times(0, 0.5, 1, 2));

    [Theory]
    [InlineData("w")]
    [InlineData("wfr")]
    [InlineData("swfr")]
    public void Chi_squared_flows_are_positive_dissipative_and_approach_the_target(string kind)
    {
        using var problem = Build(Case(kind, 0.01));
        double previous = double.PositiveInfinity;
        var (_, recorder, snapshots) = Run(problem, state =>
        {
            double energy = problem.Energy.Value(state.Density, problem.Setting);
            // Energy never increases (1e-12 relative: round-off of a lumped sum).
            Assert.True(energy <= previous * (1 + 1e-12), $"{kind}: χ² rose from {previous} to {energy} at t = {state.Time}");
            Assert.True(state.Density.Min() > 0, $"{kind}: density not positive at t = {state.Time}");
            previous = energy;
        });
        if (kind != "wfr")
        {
            foreach (var s in snapshots)
            {
                Assert.Equal(1.0, s.Mass, 12); // w and swfr conserve mass; 1e-12 covers the round-off
            }
        }

        // The energy at t = 2 is far below the initial one (a weak but failing-capable sanity check:
        // a broken mobility that freezes the flow leaves it near E(0)).
        Assert.True(snapshots[^1].Energy < 0.2 * snapshots[0].Energy, $"{kind}: E(0) = {snapshots[0].Energy}, E(2) = {snapshots[^1].Energy}");
        Assert.Equal(4, recorder.Count);
    }
}
