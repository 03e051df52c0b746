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
        Assert.Equal(2.0, PathIntegration.Simpson(Times, values), 14);
        // A quartic is not integrated exactly: the check can fail (error h⁴/180·|f⁗|·length ≈ 2e-3 here).
        double quartic = PathIntegration.Simpson(Times, [.. Times.Select(t => t * t * t * t)]);
        Assert.True(Math.Abs(quartic - 6.4) > 1e-4, $"∫t⁴ = {quartic}");
        Assert.Throws<ArgumentException>(() => PathIntegration.Simpson([0, 0.1, 0.2, 0.3], [1, 1, 1, 1])); // three intervals
    }

    [Fact]
    public void Functionals_read_the_samples_in_time_order_and_carry_the_transport_part()
    {
        // λ-path: E = e^{−t}, D = e^{−t} split as D_W = ½e^{−t}, R = R* = ¼e^{−t}: 𝔇 = ∫D = 1 − e^{−2}.
        // Limit path: E = 2e^{−t}, R_FR = R*_FR = ½e^{−t}, D_W = e^{−t}: 𝔇₀ = 2(1 − e^{−2}).
        // The EDB residual is Simpson's relative error on ∫e^{−t} (8.7e-5 with these spacings), below 1e-3.
        var samples = Times.Select(t => new GammaPathSample(t, L1: t, 0, 0, 0, Energy: Math.Exp(-t), LimitEnergy: 2 * Math.Exp(-t), Dissipation: Math.Exp(-t),
            TransportDissipation: 0.5 * Math.Exp(-t), RatePotential: 0.25 * Math.Exp(-t), SlopePotential: 0.25 * Math.Exp(-t), StationarityDefect: 0, Deficit: 0,
            LimitRatePotential: 0.5 * Math.Exp(-t), LimitSlopePotential: 0.5 * Math.Exp(-t), LimitTransportDissipation: Math.Exp(-t))).ToArray();
        var measurement = new GammaPathMeasurement(1e-3, samples, 0);
        double exact = 1 - Math.Exp(-2);
        Assert.Equal(Times, measurement.Times);
        Assert.Equal(2.0, measurement.L1.Max());
        Assert.InRange(measurement.EdbResidual, 0, 1e-3);
        Assert.Equal(exact, measurement.DissipationFunctional, 3);
        Assert.Equal(2 * exact, measurement.LimitDissipationFunctional, 3);
        Assert.Equal(measurement.TransportIntegral, measurement.RateIntegral + measurement.SlopeIntegral, 14);
        Assert.Equal(0.5 * measurement.LimitTransportIntegral, measurement.LimitRateIntegral, 14);
        Assert.Equal(0.0, measurement.IdentityDefect);
        Assert.Equal(0.0, measurement.LimitIdentityDefect);
        Assert.InRange(Math.Abs(measurement.LimitEdbDefect), 0, 2e-3 * 2 * exact);
    }
}
