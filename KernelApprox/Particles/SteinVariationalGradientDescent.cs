using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// Stein variational gradient descent (Liu &amp; Wang 2016; kernel.md §3b) with weights:
/// xᵢ += τ vᵢ, vᵢ = Σⱼ wⱼ [k(xⱼ,xᵢ)∇log π(xⱼ) + ∇_{xⱼ}k(xⱼ,xᵢ)], and its regularized version
/// v = (K_μ + λ)⁻¹ṽ (regularized Stein, kernel.md §2) when λ &gt; 0.
/// </summary>
/// <remarks>
/// The two sums are matrix-free products: Σⱼ k(xᵢ,xⱼ)wⱼsⱼ per coordinate of the score s = −∇V,
/// and Σⱼ∇_{xⱼ}k(xⱼ,xᵢ)wⱼ = −Σⱼ∇_{xᵢ}k(xᵢ,xⱼ)wⱼ (radial kernel), one gradient product.
/// Regularized: K_μ acts on particle values as 𝖪W, and (𝖪W + λ)v = ṽ is solved without dividing
/// by a weight: z = (S + λ)⁻¹W^{½}ṽ with S = W^{½}𝖪W^{½}, then v = (ṽ − 𝖪W^{½}z)/λ.
/// Bandwidth: fixed, or (null) the SVGD rule σ = med/√(2 log N) (Liu &amp; Wang's h = med²/log N
/// for k = e^{−r²/h}) recomputed at every step.
/// </remarks>
public sealed class SteinVariationalGradientDescent
{
    private readonly KernelProductOptions options;

    /// <summary>Creates the method.</summary>
    /// <param name="step">τ &gt; 0.</param>
    /// <param name="bandwidth">σ of the Gaussian kernel, or null for the adaptive median rule.</param>
    /// <param name="regularization">λ ≥ 0; λ &gt; 0 gives regularized Stein.</param>
    /// <param name="options">Product options.</param>
    public SteinVariationalGradientDescent(double step, double? bandwidth = null, double regularization = 0.0, KernelProductOptions? options = null)
    {
        if (!(step > 0.0) || !(regularization >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Need τ > 0 and λ ≥ 0.");
        }

        Step = step;
        Bandwidth = bandwidth;
        Regularization = regularization;
        this.options = options ?? KernelProductOptions.Default;
    }

    /// <summary>τ.</summary>
    public double Step { get; }

    /// <summary>The fixed bandwidth, or null for the median rule.</summary>
    public double? Bandwidth { get; }

    /// <summary>λ (0: plain SVGD).</summary>
    public double Regularization { get; }

    /// <summary>The Gaussian kernel used for <paramref name="points"/>.</summary>
    /// <param name="points">The current particles.</param>
    public GaussianKernel KernelFor(PointSet points) =>
        new(Bandwidth ?? (MedianHeuristic.Bandwidth(points) / Math.Sqrt(2.0 * Math.Log(Math.Max(points.Count, 3)))));

    /// <summary>The SVGD velocity (row-major N×d).</summary>
    /// <param name="ensemble">The particles.</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    public double[] Velocity(ParticleEnsemble ensemble, ParticleTarget target)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(target);
        PointSet points = ensemble.ToPointSet();
        GaussianKernel kernel = KernelFor(points);
        int n = ensemble.Count, d = ensemble.Dimension;
        double[] gradient = target.GradientAtParticles(ensemble);
        double[] weights = ensemble.Weights.ToArray();
        var velocity = new double[n * d];
        KernelMatrixFreeProduct.MultiplyGradient(kernel, points, points, weights, velocity, options);
        for (int k = 0; k < velocity.Length; k++)
        {
            velocity[k] = -velocity[k];
        }

        var weightedScore = new double[n];
        var product = new double[n];
        for (int c = 0; c < d; c++)
        {
            for (int j = 0; j < n; j++)
            {
                weightedScore[j] = -weights[j] * gradient[(j * d) + c];
            }

            KernelMatrixFreeProduct.Multiply(kernel, points, points, weightedScore, product, options);
            for (int i = 0; i < n; i++)
            {
                velocity[(i * d) + c] += product[i];
            }
        }

        if (Regularization > 0.0)
        {
            Regularize(kernel, points, weights, velocity, d);
        }

        return velocity;
    }

    /// <summary>One step xᵢ += τvᵢ.</summary>
    /// <param name="ensemble">The particles (moved in place).</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    public void Advance(ParticleEnsemble ensemble, ParticleTarget target)
    {
        double[] velocity = Velocity(ensemble, target);
        Span<double> positions = ensemble.Positions;
        for (int k = 0; k < velocity.Length; k++)
        {
            positions[k] += Step * velocity[k];
        }
    }

    /// <summary><paramref name="steps"/> steps.</summary>
    /// <param name="ensemble">The particles.</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    /// <param name="steps">Number of steps.</param>
    public void Run(ParticleEnsemble ensemble, ParticleTarget target, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            Advance(ensemble, target);
        }
    }

    private void Regularize(GaussianKernel kernel, PointSet points, double[] weights, double[] velocity, int d)
    {
        int n = points.Count;
        var matrix = new WeightedKernelMatrix(kernel, points, weights, options);
        IShiftedSymmetricSolver solver = ShiftedSystemSolver.Factorize(matrix, Regularization);
        ReadOnlySpan<double> root = matrix.SquareRootWeights;
        var rightHandSide = new double[n];
        var z = new double[n];
        var product = new double[n];
        for (int c = 0; c < d; c++)
        {
            for (int i = 0; i < n; i++)
            {
                rightHandSide[i] = root[i] * velocity[(i * d) + c];
            }

            solver.Solve(rightHandSide, z);
            for (int i = 0; i < n; i++)
            {
                z[i] *= root[i];
            }

            KernelMatrixFreeProduct.Multiply(kernel, points, points, z, product, options);
            for (int i = 0; i < n; i++)
            {
                int k = (i * d) + c;
                velocity[k] = (velocity[k] - product[i]) / Regularization;
            }
        }
    }
}
