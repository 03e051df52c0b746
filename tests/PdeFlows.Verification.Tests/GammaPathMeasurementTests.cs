using PdeFlows.Verification.Gamma;

namespace PdeFlows.Verification.Tests;

/// <summary>The path functionals of the Γ-convergence study from typed samples, against closed forms.</summary>
public class GammaPathMeasurementTests
{
    /// <summary>Samples on [0, 0.4] at 0.1 and [0.4, 2] at 0.4: two segments, each with an even number of intervals.</summary>
    private static readonly double[] Times = [0, 0.1, 0.2, 0.3, 0.4, 0.8, 1.2, 1.6, 2.0];

    [Fact]
    public void Simpson_is_exact_for_cubics_on_segments_of_different_spacing()
    {
        // Simpson's rule integrates cubics exactly on each segment; ∫₀² (t³ − 2t + 1) dt = 4 − 4 + 2 = 2.
        double[] values = [.. Times.Select(t => (t * t * t) - (2 * t) + 1)];
        Assert.Equal(2.0, GammaPathMeasurement.Simpson(Times, values), 14);
        Assert.Throws<ArgumentException>(() => GammaPathMeasurement.Simpson([0, 0.1, 0.2, 0.3], [1, 1, 1, 1])); // three intervals
    }

    [Fact]
    public void Functionals_read_the_samples_in_time_order()
    {
        // E(t) = e^{−t}, D = −dE/dt = e^{−t}: the EDB residual is the relative error of Simpson's rule on ∫e^{−t} (8.7e-5 with these spacings: h⁴/180 · ∫e^{−t} on the coarse segment dominates), below 1e-3.
        var samples = Times.Select(t => new GammaPathSample(t, L1: t, 0, 0, 0, Energy: Math.Exp(-t), 0, Dissipation: Math.Exp(-t),
            RatePotential: 2 * t, SlopePotential: 2 * t, FisherRaoRatePotential: 0, FisherRaoSlopePotential: 0, Deficit: 0, ExactDissipation: 1)).ToArray();
        var measurement = new GammaPathMeasurement(1e-3, samples, 0);
        Assert.Equal(Times, measurement.Times);
        Assert.Equal(2.0, measurement.L1.Max());
        Assert.InRange(measurement.EdbResidual, 0, 1e-3);
        Assert.Equal(8.0, measurement.DissipationFunctional, 12); // ∫₀² 4t dt
        Assert.Equal(2.0, measurement.ExactDissipationFunctional, 12);
        Assert.Equal(0.0, measurement.IdentityDefect);
    }
}
