using PdeFlows.KernelApprox.Particles;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Silverman's rule h = (4/(d+2))^{1/(d+4)} σ̂ N^{−1/(d+4)} for the kernel density estimate of the particle methods.</summary>
public class SilvermanBandwidthTests
{
    [Fact]
    public void One_dimension_is_1_06_sigma_n_to_the_minus_one_fifth()
    {
        // Five points −2 … 2, equal weights: weighted (population) variance 2; (4/3)^{1/5} = 1.0592.
        var ensemble = new ParticleEnsemble([-2.0, -1.0, 0.0, 1.0, 2.0], 1);
        double expected = Math.Pow(4.0 / 3.0, 0.2) * Math.Sqrt(2.0) * Math.Pow(5, -0.2);
        Assert.Equal(expected, KernelDensityEstimate.SilvermanBandwidth(ensemble), 14);
        Assert.Equal(1.06, Math.Pow(4.0 / 3.0, 0.2), 2);
    }

    [Fact]
    public void Two_dimensions_use_the_mean_marginal_variance_and_the_weights()
    {
        // (±1, 0) and (0, ±2): marginal variances ½ and 2, mean 1.25; d = 2: (4/4)^{1/6} = 1, N^{−1/6}.
        var ensemble = new ParticleEnsemble([1.0, 0.0, -1.0, 0.0, 0.0, 2.0, 0.0, -2.0], 2);
        Assert.Equal(Math.Sqrt(1.25) * Math.Pow(4, -1.0 / 6.0), KernelDensityEstimate.SilvermanBandwidth(ensemble), 14);
        // Weights enter the variance: all the weight on the x pair leaves the marginal variances 1 and 0.
        var weighted = new ParticleEnsemble([1.0, 0.0, -1.0, 0.0, 0.0, 2.0, 0.0, -2.0], 2, [1.0, 1.0, 0.0, 0.0]);
        Assert.Equal(Math.Sqrt(0.5) * Math.Pow(4, -1.0 / 6.0), KernelDensityEstimate.SilvermanBandwidth(weighted), 14);
    }

    [Fact]
    public void A_single_point_has_no_bandwidth()
    {
        Assert.Throws<ArgumentException>(() => KernelDensityEstimate.SilvermanBandwidth(new ParticleEnsemble([0.5, 0.5], 1)));
    }
}
