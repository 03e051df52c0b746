using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// The MMD flow of Arbel, Korba, Salim &amp; Gretton (2019) for E = ½MMD²(μ, π), π given by samples
/// (kernel.md §3b): xᵢ ← xᵢ − τ∇f(xᵢ + ηuᵢ), f the witness (<see cref="WitnessFunction"/>), with
/// optional noise injection uᵢ ~ N(0, I) of level η (η = 0: the plain Wasserstein gradient flow
/// of ½MMD²). The weights are not changed.
/// </summary>
public sealed class MaximumMeanDiscrepancyParticleFlow
{
    private readonly KernelProductOptions? options;

    /// <summary>Creates the flow.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="step">τ &gt; 0.</param>
    /// <param name="noiseLevel">η ≥ 0 (0: no noise injection).</param>
    /// <param name="options">Product options.</param>
    public MaximumMeanDiscrepancyParticleFlow(IKernel kernel, double step, double noiseLevel = 0.0, KernelProductOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        if (!(step > 0.0) || !(noiseLevel >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Need τ > 0 and η ≥ 0.");
        }

        Step = step;
        NoiseLevel = noiseLevel;
        this.options = options;
    }

    /// <summary>The kernel.</summary>
    public IKernel Kernel { get; }

    /// <summary>τ.</summary>
    public double Step { get; }

    /// <summary>η.</summary>
    public double NoiseLevel { get; }

    /// <summary>One step.</summary>
    /// <param name="ensemble">The particles (moved in place).</param>
    /// <param name="targetSamples">Samples of π.</param>
    /// <param name="random">The generator of the noise (required when η &gt; 0).</param>
    public void Advance(ParticleEnsemble ensemble, PointSet targetSamples, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(targetSamples);
        PointSet evaluation = ensemble.ToPointSet();
        if (NoiseLevel > 0.0)
        {
            ArgumentNullException.ThrowIfNull(random);
            double[] noisy = ensemble.Positions.ToArray();
            for (int k = 0; k < noisy.Length; k++)
            {
                noisy[k] += NoiseLevel * ParticleSampling.NextStandardNormal(random);
            }

            evaluation = new PointSet(noisy, ensemble.Dimension);
        }

        double[] gradient = WitnessFunction.Gradient(Kernel, evaluation, ensemble, targetSamples, options);
        Span<double> positions = ensemble.Positions;
        for (int k = 0; k < gradient.Length; k++)
        {
            positions[k] -= Step * gradient[k];
        }
    }
}
