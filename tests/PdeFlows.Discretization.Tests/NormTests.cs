using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.Norms;

namespace PdeFlows.Discretization.Tests;

/// <summary>Error norms and divergences against hand-computed values.</summary>
public class NormTests
{
    [Fact]
    public void Distances_between_nodal_fields_match_closed_forms()
    {
        // u − v = x on [0,1]²: ‖x‖_L1 = 1/2, ‖x‖_L2 = 1/√3, |x|_H1 = 1 (x is in the P1 space, so exact).
        var space = new P1Space(TestSupport.UnitBox(2, 5));
        var u = space.Interpolate(x => 1 + x[0] + x[1]);
        var v = space.Interpolate(x => 1 + x[1]);
        Assert.Equal(0.5, ErrorNorms.L1Distance(space, u, v), 13);
        Assert.Equal(1 / Math.Sqrt(3), ErrorNorms.L2Distance(space, u, v), 13);
        Assert.Equal(1.0, ErrorNorms.H1SeminormDistance(space, u, v), 13);
        Assert.Equal(0.0, ErrorNorms.L2Error(space, u, x => 1 + x[0] + x[1]), 13);
        Assert.Equal(0.5, ErrorNorms.L1Error(space, u, x => 1 + x[1]), 13);
        Assert.Equal(1.0, ErrorNorms.H1SeminormError(space, u, (x, g) => { g[0] = 0; g[1] = 1; }), 13);
    }

    [Fact]
    public void Hellinger_and_KL_match_closed_forms()
    {
        // On [0,1] with constants u = 4, v = 1: H² = (2 − 1)² = 1, KL = 4 log 4 − 4 + 1.
        var space = new P1Space(TestSupport.UnitBox(1, 10));
        var m = LumpedMass.Compute(space);
        var u = Enumerable.Repeat(4.0, space.DofCount).ToArray();
        var v = Enumerable.Repeat(1.0, space.DofCount).ToArray();
        Assert.Equal(1.0, DensityDivergences.HellingerSquaredLumped(m, u, v), 13);
        Assert.Equal(1.0, DensityDivergences.HellingerSquared(space, u, v), 13);
        double kl = (4 * Math.Log(4)) - 3;
        Assert.Equal(kl, DensityDivergences.KullbackLeiblerLumped(m, u, v), 13);
        Assert.Equal(kl, DensityDivergences.KullbackLeibler(space, u, v), 13);
        Assert.Equal(0.0, DensityDivergences.KullbackLeiblerLumped(m, u, u), 15);

        // Lumped and quadrature versions converge to the same value for smooth positive densities.
        var fine = new P1Space(TestSupport.UnitBox(1, 400));
        var a = fine.Interpolate(x => 1 + x[0]);
        var b = fine.Interpolate(x => Math.Exp(x[0]));
        double lumped = DensityDivergences.KullbackLeiblerLumped(LumpedMass.Compute(fine), a, b);
        double quadrature = DensityDivergences.KullbackLeibler(fine, a, b, 6);
        Assert.True(Math.Abs(lumped - quadrature) < 1e-5, $"{lumped} vs {quadrature}");
        Assert.Throws<ArgumentException>(() => DensityDivergences.KullbackLeiblerLumped(m, v.Select(x => -x).ToArray(), v));
    }
}
