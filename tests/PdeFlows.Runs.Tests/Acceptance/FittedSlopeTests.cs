namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>The slope fit used by every order test recovers exact powers and is moved by a wrong row (it can fail).</summary>
public class FittedSlopeTests
{
    [Fact]
    public void Recovers_the_exponent_of_a_power_law_and_sees_a_perturbation()
    {
        double[] h = [0.1, 0.05, 0.025, 0.0125];
        Assert.Equal(2, FlowCases.FittedSlope(h, h.Select(v => 3 * v * v).ToArray()), 12);
        Assert.Equal(1, FlowCases.FittedSlope(h, h.Select(v => 0.5 * v).ToArray()), 12);
        double[] spoiled = h.Select(v => 3 * v * v).ToArray();
        spoiled[^1] *= 4; // the finest error stalls at the previous value's level
        Assert.True(FlowCases.FittedSlope(h, spoiled) < 1.7);
    }
}
