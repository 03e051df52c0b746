using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// The MMD witness f(z) = Σⱼ wⱼk(z, xⱼ) − Σₘ bₘk(z, yₘ) of μ = Σwⱼδ_{xⱼ} against π = Σbₘδ_{yₘ}
/// (bₘ = 1/M for samples): the first variation of ½MMD²(μ, π), and its gradient, matrix-free.
/// </summary>
public static class WitnessFunction
{
    /// <summary>f at <paramref name="at"/>.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="at">Evaluation points z.</param>
    /// <param name="ensemble">μ.</param>
    /// <param name="targetSamples">The samples yₘ of π (equal weights).</param>
    /// <param name="options">Product options.</param>
    public static double[] Value(IKernel kernel, PointSet at, ParticleEnsemble ensemble, PointSet targetSamples, KernelProductOptions? options = null)
    {
        var result = new double[at.Count];
        var negative = new double[at.Count];
        KernelMatrixFreeProduct.Multiply(kernel, at, ensemble.ToPointSet(), ensemble.Weights.ToArray(), result, options);
        KernelMatrixFreeProduct.Multiply(kernel, at, targetSamples, UniformWeights(targetSamples.Count), negative, options);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] -= negative[i];
        }

        return result;
    }

    /// <summary>∇f at <paramref name="at"/> (row-major, count×d).</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="at">Evaluation points z.</param>
    /// <param name="ensemble">μ.</param>
    /// <param name="targetSamples">The samples yₘ of π.</param>
    /// <param name="options">Product options.</param>
    public static double[] Gradient(IKernel kernel, PointSet at, ParticleEnsemble ensemble, PointSet targetSamples, KernelProductOptions? options = null)
    {
        var result = new double[at.Count * at.Dimension];
        var negative = new double[result.Length];
        KernelMatrixFreeProduct.MultiplyGradient(kernel, at, ensemble.ToPointSet(), ensemble.Weights.ToArray(), result, options);
        KernelMatrixFreeProduct.MultiplyGradient(kernel, at, targetSamples, UniformWeights(targetSamples.Count), negative, options);
        for (int k = 0; k < result.Length; k++)
        {
            result[k] -= negative[k];
        }

        return result;
    }

    private static double[] UniformWeights(int count)
    {
        var weights = new double[count];
        Array.Fill(weights, 1.0 / count);
        return weights;
    }
}
