using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// The spherical IFT (Wasserstein ⊕ MMD) particle scheme for E = ½MMD²(μ, π), π given by samples
/// (Gladin, Dvurechensky, Mielke &amp; Zhu 2024; kernel.md §2): a transport step
/// xᵢ ← xᵢ − τα∇f(xᵢ) (f the witness), then a weight step in the MMD geometry on the particles,
/// w ← w − τβ(𝖪 + εI)⁻¹(ξ − c1) with ξᵢ = f(xᵢ) and c chosen so that Σw is conserved, followed by
/// the projection max(w, 0) and rescaling to the previous total.
/// </summary>
/// <remarks>
/// The MMD step is not of the form ẇ = −wρ: weights can cross zero; the clipping keeps the
/// measure nonnegative (a simple projection; the exact simplex projection of the paper's QP is
/// not implemented). 𝖪 + εI is factorized once per step (the positions moved).
/// </remarks>
public sealed class InteractionForceTransportParticles
{
    private readonly KernelProductOptions? options;

    /// <summary>Creates the scheme.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="step">τ &gt; 0.</param>
    /// <param name="alpha">Transport weight α ≥ 0.</param>
    /// <param name="beta">Reaction weight β ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0 of the regularized inverse.</param>
    /// <param name="options">Product options.</param>
    public InteractionForceTransportParticles(IKernel kernel, double step, double alpha, double beta, double epsilon, KernelProductOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        if (!(step > 0.0) || !(alpha >= 0.0) || !(beta >= 0.0) || !(epsilon > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Need τ > 0, α ≥ 0, β ≥ 0, ε > 0.");
        }

        Step = step;
        Alpha = alpha;
        Beta = beta;
        Epsilon = epsilon;
        this.options = options;
    }

    /// <summary>The kernel.</summary>
    public IKernel Kernel { get; }

    /// <summary>τ.</summary>
    public double Step { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>One transport step and one weight step.</summary>
    /// <param name="ensemble">The particles (positions and weights updated in place).</param>
    /// <param name="targetSamples">Samples of π.</param>
    public void Advance(ParticleEnsemble ensemble, PointSet targetSamples)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(targetSamples);
        if (Alpha > 0.0)
        {
            double[] gradient = WitnessFunction.Gradient(Kernel, ensemble.ToPointSet(), ensemble, targetSamples, options);
            Span<double> positions = ensemble.Positions;
            for (int k = 0; k < gradient.Length; k++)
            {
                positions[k] -= Step * Alpha * gradient[k];
            }
        }

        if (Beta > 0.0)
        {
            AdvanceWeights(ensemble, targetSamples);
        }
    }

    private void AdvanceWeights(ParticleEnsemble ensemble, PointSet targetSamples)
    {
        int n = ensemble.Count;
        PointSet points = ensemble.ToPointSet();
        double[] force = WitnessFunction.Value(Kernel, points, ensemble, targetSamples, options);
        var matrix = new WeightedKernelMatrix(Kernel, points, default, options);
        IShiftedSymmetricSolver solver = ShiftedSystemSolver.Factorize(matrix, Epsilon);
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var solvedForce = new double[n];
        var solvedOnes = new double[n];
        solver.Solve(force, solvedForce);
        solver.Solve(ones, solvedOnes);
        double constant = solvedForce.Sum() / solvedOnes.Sum();
        double total = ensemble.TotalWeight;
        Span<double> weights = ensemble.Weights;
        for (int i = 0; i < n; i++)
        {
            weights[i] = Math.Max(0.0, weights[i] - (Step * Beta * (solvedForce[i] - (constant * solvedOnes[i]))));
        }

        ensemble.NormalizeWeights(total);
    }
}
