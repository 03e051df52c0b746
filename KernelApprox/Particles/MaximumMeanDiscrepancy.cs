using PdeFlows.Flows;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// MMD between weighted point measures (kernel.md §1, §3b): MMD²(Σaᵢδ_{xᵢ}, Σbⱼδ_{yⱼ}) =
/// aᵀ𝖪ₓₓa − 2aᵀ𝖪ₓᵧb + bᵀ𝖪ᵧᵧb, with three matrix-free products.
/// </summary>
public static class MaximumMeanDiscrepancy
{
    /// <summary>MMD² between two weighted point measures (may round to a tiny negative value when they coincide).</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="first">Points xᵢ.</param>
    /// <param name="firstWeights">aᵢ.</param>
    /// <param name="second">Points yⱼ (same dimension).</param>
    /// <param name="secondWeights">bⱼ.</param>
    /// <param name="options">Product options.</param>
    public static double Squared(IKernel kernel, PointSet first, ReadOnlySpan<double> firstWeights, PointSet second, ReadOnlySpan<double> secondWeights, KernelProductOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        double[] a = firstWeights.ToArray(), b = secondWeights.ToArray();
        var ka = new double[first.Count];
        var kb = new double[second.Count];
        var kab = new double[first.Count];
        KernelMatrixFreeProduct.Multiply(kernel, first, first, a, ka, options);
        KernelMatrixFreeProduct.Multiply(kernel, second, second, b, kb, options);
        KernelMatrixFreeProduct.Multiply(kernel, first, second, b, kab, options);
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * (ka[i] - (2.0 * kab[i]));
        }

        for (int j = 0; j < b.Length; j++)
        {
            sum += b[j] * kb[j];
        }

        return sum;
    }

    /// <summary>MMD = √max(MMD², 0).</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="first">Points xᵢ.</param>
    /// <param name="firstWeights">aᵢ.</param>
    /// <param name="second">Points yⱼ.</param>
    /// <param name="secondWeights">bⱼ.</param>
    /// <param name="options">Product options.</param>
    public static double Distance(IKernel kernel, PointSet first, ReadOnlySpan<double> firstWeights, PointSet second, ReadOnlySpan<double> secondWeights, KernelProductOptions? options = null) =>
        Math.Sqrt(Math.Max(0.0, Squared(kernel, first, firstWeights, second, secondWeights, options)));

    /// <summary>MMD between a particle measure and the nodal measure Σ mᵢuᵢ δ_{xᵢ} of a finite-element density.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="particles">The particles (their weights as given).</param>
    /// <param name="nodes">The node coordinates.</param>
    /// <param name="setting">The lumped masses mᵢ.</param>
    /// <param name="density">The nodal density uᵢ.</param>
    /// <param name="options">Product options.</param>
    public static double BetweenParticlesAndNodes(IKernel kernel, ParticleEnsemble particles, PointSet nodes, NodalSetting setting, ReadOnlySpan<double> density, KernelProductOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(setting);
        var nodalWeights = new double[setting.Count];
        for (int i = 0; i < nodalWeights.Length; i++)
        {
            nodalWeights[i] = setting.LumpedMass[i] * density[i];
        }

        return Distance(kernel, particles.ToPointSet(), particles.Weights, nodes, nodalWeights, options);
    }
}
