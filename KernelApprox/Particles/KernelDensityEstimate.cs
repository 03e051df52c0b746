using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// Gaussian kernel density estimate of a particle measure at its own particles:
/// μ̂(xᵢ) = Σⱼ wⱼ N(xᵢ; xⱼ, h²I) / Σⱼ wⱼ (a probability density), matrix-free.
/// </summary>
public static class KernelDensityEstimate
{
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
