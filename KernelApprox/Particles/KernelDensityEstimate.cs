using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// Gaussian kernel density estimate of a particle measure at its own particles:
/// μ̂(xᵢ) = Σⱼ wⱼ N(xᵢ; xⱼ, h²I) / Σⱼ wⱼ (a probability density), matrix-free.
/// </summary>
public static class KernelDensityEstimate
{
    /// <summary>
    /// Silverman's rule-of-thumb bandwidth for a Gaussian kernel density estimate in d dimensions,
    /// h = (4/(d+2))^{1/(d+4)} σ̂ N^{−1/(d+4)} (Silverman 1986, eq. 4.14; 1.06 σ̂ N^{−1/5} in 1D), with
    /// σ̂² the mean of the weighted marginal variances and N the particle count. It minimizes the
    /// asymptotic mean integrated squared error for Gaussian data; for multimodal data it oversmooths.
    /// </summary>
    /// <param name="ensemble">The particles (weights need not sum to 1).</param>
    /// <returns>h &gt; 0.</returns>
    /// <exception cref="ArgumentException">The particles have no spread (all at one point).</exception>
    public static double SilvermanBandwidth(ParticleEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        int d = ensemble.Dimension;
        double[] covariance = ensemble.Covariance();
        double variance = 0;
        for (int a = 0; a < d; a++)
        {
            variance += covariance[(a * d) + a] / d;
        }

        if (!(variance > 0))
        {
            throw new ArgumentException("The particles have no spread; Silverman's rule needs a positive variance.", nameof(ensemble));
        }

        return Math.Pow(4.0 / (d + 2), 1.0 / (d + 4)) * Math.Sqrt(variance) * Math.Pow(ensemble.Count, -1.0 / (d + 4));
    }

    /// <summary>log μ̂(xᵢ) for every particle.</summary>
    /// <param name="ensemble">The particles.</param>
    /// <param name="bandwidth">h &gt; 0.</param>
    /// <param name="options">Product options.</param>
    public static double[] LogDensityAtParticles(ParticleEnsemble ensemble, double bandwidth, KernelProductOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var kernel = new GaussianKernel(bandwidth);
        PointSet points = ensemble.ToPointSet();
        var values = new double[ensemble.Count];
        KernelMatrixFreeProduct.Multiply(kernel, points, points, ensemble.Weights.ToArray(), values, options);
        double logNormalization = Math.Log(ensemble.TotalWeight) + (0.5 * ensemble.Dimension * Math.Log(2.0 * Math.PI * bandwidth * bandwidth));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Log(values[i]) - logNormalization;
        }

        return values;
    }
}
