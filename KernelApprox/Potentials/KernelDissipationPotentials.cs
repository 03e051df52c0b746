using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Potentials;

/// <summary>
/// The primal (rate) and dual (slope) dissipation potentials of the kernel reactions on the nodes,
/// β included (docs/kernel.md, "Dissipation potentials on the nodes"). Each reaction is
/// ẇ = −𝕂ξ with 𝕂 symmetric positive semidefinite in the weights w = m∘u (μ = Σwᵢδ_{xᵢ}):
/// the dual potential is R*(ξ) = ½ξᵀ𝕂ξ and the primal its Legendre dual, R(ẇ) = ½ẇᵀ𝕂⁺ẇ on the
/// range of 𝕂. Along the flow R = R* up to the residual of the solve that produced the rate: a
/// solver consistency check, not a theorem check. The primal potentials here are functions of the
/// rate (its representation in the RKHS, or the velocity), computed without the force, so that the
/// comparison with R* can fail.
/// </summary>
/// <remarks>
/// Rates are rate densities v = dμ̇/dμ with μ̇ = −μv (ẇ = −Wv); in λ-FRk and FRk they are RKHS
/// functions v = 𝖪b (+ a constant in the spherical flow) given by their coefficients b, with
/// ‖𝖪b‖²_H = bᵀ𝖪b. Products with 𝖪 are matrix-free.
/// </remarks>
public static class KernelDissipationPotentials
{
    /// <summary>
    /// λ-FRk (<c>kernel-fr</c>, 𝕂 = βW𝖪(W𝖪 + λ)⁻¹W): R_λ(μ, v) = (1/2β)[‖v‖²_w + λ‖v‖²_H] at v = 𝖪b.
    /// Along the flow b = βa with a = (W𝖪 + λ)⁻¹Wξ, so R_λ = (β/2)[‖𝖪a‖²_w + λaᵀ𝖪a].
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="weights">wᵢ ≥ 0.</param>
    /// <param name="coefficients">b, the rate's RKHS coefficients.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <param name="options">Product options.</param>
    /// <returns>R_λ.</returns>
    public static double KernelFisherRaoRate(IKernel kernel, PointSet nodes, ReadOnlySpan<double> weights, ReadOnlySpan<double> coefficients, double beta, double lambda, KernelProductOptions? options = null)
    {
        CheckBeta(beta);
        double[] product = Product(kernel, nodes, coefficients, options);
        double rateSquared = 0, normSquared = 0;
        for (int i = 0; i < product.Length; i++)
        {
            rateSquared += weights[i] * product[i] * product[i];
            normSquared += coefficients[i] * product[i];
        }

        return (rateSquared + (lambda * normSquared)) / (2 * beta);
    }

    /// <summary>
    /// Spherical λ-FRk (<c>kernel-fr-spherical</c>, 𝕂 = βQᵀW𝖪(W𝖪 + λ)⁻¹WQ): for a mass-preserving
    /// rate v = 𝖪b + γ1 (wᵀv = 0; the potential is +∞ otherwise),
    /// R_s(μ, v) = min over c of (1/2β)[‖v + c‖²_w + λ‖v + c‖²_H] — the non-spherical potential
    /// minimised over adding a constant to the rate (the Legendre dual of restricting the forces to
    /// w-mean-zero ones). With t the constant left beside 𝖪b, the quadratic is
    /// ‖𝖪b + t‖²_w + λ(bᵀ𝖪b + 2t1ᵀb + t²s), s = ‖1‖²_H, minimised at t* = −g/(M + λs) with
    /// g = wᵀ𝖪b + λ1ᵀb and M = Σw. Along the flow b = βa with (W𝖪 + λ)a = WQξ, so g = 0 up to the
    /// solve and R_s = (β/2)[‖𝖪a‖²_w + λaᵀ𝖪a] with the uncentred response 𝖪a.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="weights">wᵢ ≥ 0 with Σw &gt; 0.</param>
    /// <param name="coefficients">b, the coefficients of the rate's RKHS part.</param>
    /// <param name="constant">γ, the rate's constant part (it decides only whether the rate keeps mass).</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <param name="constantNormSquared">s = ‖1‖²_H ∈ [0, ∞]: +∞ when constants are not in the RKHS (Gaussian kernels), 1ᵀ𝖪⁻¹1 for the nodal RKHS of an invertible Gram matrix.</param>
    /// <param name="options">Product options.</param>
    /// <returns>The potential and its consistency numbers.</returns>
    public static SphericalRatePotential SphericalKernelFisherRaoRate(
        IKernel kernel, PointSet nodes, ReadOnlySpan<double> weights, ReadOnlySpan<double> coefficients, double constant, double beta, double lambda,
        double constantNormSquared = double.PositiveInfinity, KernelProductOptions? options = null)
    {
        CheckBeta(beta);
        if (!(constantNormSquared >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(constantNormSquared), constantNormSquared, "‖1‖²_H must be ≥ 0 (or +∞).");
        }

        double[] product = Product(kernel, nodes, coefficients, options);
        double mass = 0, rateSquared = 0, normSquared = 0, weightedProduct = 0, coefficientSum = 0, scale = 0, massRate = 0, massRateScale = 0;
        for (int i = 0; i < product.Length; i++)
        {
            mass += weights[i];
            rateSquared += weights[i] * product[i] * product[i];
            normSquared += coefficients[i] * product[i];
            weightedProduct += weights[i] * product[i];
            coefficientSum += coefficients[i];
            scale += (weights[i] * Math.Abs(product[i])) + (lambda * Math.Abs(coefficients[i]));
            double rate = product[i] + constant;
            massRate += weights[i] * rate;
            massRateScale += weights[i] * Math.Abs(rate);
        }

        if (!(mass > 0))
        {
            throw new ArgumentException($"The total weight is {mass}; the spherical potential needs a positive total.", nameof(weights));
        }

        double unshifted = (rateSquared + (lambda * normSquared)) / (2 * beta);
        double g = weightedProduct + (lambda * coefficientSum);
        // q(t*) = q(0) − g²/(M + λs); s = ∞ leaves no constant beside 𝖪b.
        double drop = double.IsPositiveInfinity(constantNormSquared) ? 0 : g * g / (mass + (lambda * constantNormSquared));
        return new SphericalRatePotential(
            unshifted - (drop / (2 * beta)),
            unshifted,
            unshifted - (g * g / mass / (2 * beta)),
            g,
            scale > 0 ? Math.Abs(g) / scale : 0,
            massRateScale > 0 ? Math.Abs(massRate) / massRateScale : 0);
    }

    /// <summary>
    /// The dual potential of λ-FRk and of spherical λ-FRk: R*_λ(μ, ξ) = ½ξᵀ𝕂ξ = (β/2)⟨ξ, r⟩_w with r the
    /// projected force (P_λξ, or Q P_λ Q ξ in the spherical flow).
    /// </summary>
    /// <param name="weights">wᵢ.</param>
    /// <param name="force">ξ.</param>
    /// <param name="response">r at the nodes.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <returns>R*_λ.</returns>
    public static double KernelFisherRaoSlope(ReadOnlySpan<double> weights, ReadOnlySpan<double> force, ReadOnlySpan<double> response, double beta)
    {
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * force[i] * response[i];
        }

        return 0.5 * beta * sum;
    }

    /// <summary>
    /// FRk (<c>frk</c>, 𝕂 = βW𝖪W, or βQᵀW𝖪WQ when spherical): R(μ, v) = (1/2β)‖v‖²_H at v = 𝖪b
    /// (along the flow b = βWξ, or βWQξ). For the spherical flow the minimum over constants of the
    /// same is attained at the H-part itself, because 1ᵀb = β·wᵀQξ = 0 (exactly, no solve).
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="coefficients">b.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="options">Product options.</param>
    /// <returns>R.</returns>
    public static double KernelizedFisherRaoRate(IKernel kernel, PointSet nodes, ReadOnlySpan<double> coefficients, double beta, KernelProductOptions? options = null)
    {
        CheckBeta(beta);
        double[] product = Product(kernel, nodes, coefficients, options);
        double normSquared = 0;
        for (int i = 0; i < product.Length; i++)
        {
            normSquared += coefficients[i] * product[i];
        }

        return normSquared / (2 * beta);
    }

    /// <summary>FRk: R*(μ, ξ) = (β/2)⟨η, K_μη⟩_w = (β/2)ηᵀW𝖪Wη with η = ξ, or η = Qξ = ξ − ⟨ξ⟩_w when spherical.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="weights">wᵢ.</param>
    /// <param name="force">ξ.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <param name="spherical">Whether the force is centred first.</param>
    /// <param name="options">Product options.</param>
    /// <returns>R*.</returns>
    public static double KernelizedFisherRaoSlope(IKernel kernel, PointSet nodes, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double beta, bool spherical, KernelProductOptions? options = null)
    {
        double mean = spherical ? Projection.RkhsProjection.WeightedMean(weights, force) : 0;
        var weighted = new double[force.Length];
        for (int i = 0; i < weighted.Length; i++)
        {
            weighted[i] = weights[i] * (force[i] - mean);
        }

        double[] product = Product(kernel, nodes, weighted, options);
        double sum = 0;
        for (int i = 0; i < product.Length; i++)
        {
            sum += weighted[i] * product[i];
        }

        return 0.5 * beta * sum;
    }

    /// <summary>
    /// MMD geometry (<c>mmd</c>, 𝕂 = β(𝖪 + εM⁻¹)⁻¹ in the weights ẇ = Mu̇): the primal at the velocity u̇,
    /// R(u̇) = (1/2β)ẇᵀ(𝖪 + εM⁻¹)ẇ = (1/2β)[‖μ̇‖²_MMD + εΣmᵢu̇ᵢ²]. The same formula is the spherical
    /// primal on mass-preserving velocities (Σmᵢu̇ᵢ = 0; +∞ otherwise).
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="lumpedMass">mᵢ &gt; 0.</param>
    /// <param name="velocity">u̇.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="epsilon">ε ≥ 0.</param>
    /// <param name="options">Product options.</param>
    /// <returns>R.</returns>
    public static double MaximumMeanDiscrepancyRate(IKernel kernel, PointSet nodes, ReadOnlySpan<double> lumpedMass, ReadOnlySpan<double> velocity, double beta, double epsilon, KernelProductOptions? options = null)
    {
        CheckBeta(beta);
        var weightRate = new double[velocity.Length];
        double regularization = 0;
        for (int i = 0; i < weightRate.Length; i++)
        {
            weightRate[i] = lumpedMass[i] * velocity[i];
            regularization += lumpedMass[i] * velocity[i] * velocity[i];
        }

        double[] product = Product(kernel, nodes, weightRate, options);
        double discrepancy = 0;
        for (int i = 0; i < product.Length; i++)
        {
            discrepancy += weightRate[i] * product[i];
        }

        return (discrepancy + (epsilon * regularization)) / (2 * beta);
    }

    /// <summary>
    /// MMD geometry: R*(ξ) = (β/2)ξᵀ(𝖪 + εM⁻¹)⁻¹ξ = (β/2)bᵀ(S + ε)⁻¹b with S = M^½𝖪M^½, b = M^½ξ (one
    /// shifted solve). Spherical: the force minus the constant that keeps mass,
    /// R*_s = (β/2)[ξᵀ𝕂₀ξ − (1ᵀ𝕂₀ξ)²/1ᵀ𝕂₀1] = min over c of (β/2)(ξ − c)ᵀ𝕂₀(ξ − c), 𝕂₀ = (𝖪 + εM⁻¹)⁻¹.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="nodes">The nodes.</param>
    /// <param name="lumpedMass">mᵢ &gt; 0.</param>
    /// <param name="force">ξ.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="spherical">Whether the force is restricted to the mass-preserving directions.</param>
    /// <param name="options">Solve options.</param>
    /// <returns>R*.</returns>
    public static double MaximumMeanDiscrepancySlope(IKernel kernel, PointSet nodes, ReadOnlySpan<double> lumpedMass, ReadOnlySpan<double> force, double beta, double epsilon, bool spherical, ShiftedSolveOptions? options = null)
    {
        var matrix = new WeightedKernelMatrix(kernel, nodes, lumpedMass);
        ReadOnlySpan<double> root = matrix.SquareRootWeights;
        int n = force.Length;
        var b = new double[n];
        var ones = new double[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = root[i] * force[i];
            ones[i] = root[i];
        }

        var solver = ShiftedSystemSolver.Factorize(matrix, epsilon, options);
        var y = new double[n];
        ShiftedSystemSolver.SolveWith(solver, matrix, b, y, options);
        double forceForce = Dot(b, y);
        if (!spherical)
        {
            return 0.5 * beta * forceForce;
        }

        var z = new double[n];
        ShiftedSystemSolver.SolveWith(solver, matrix, ones, z, options);
        double oneForce = Dot(ones, y), oneOne = Dot(ones, z);
        return 0.5 * beta * (forceForce - (oneForce * oneForce / oneOne));
    }

    private static double[] Product(IKernel kernel, PointSet nodes, ReadOnlySpan<double> coefficients, KernelProductOptions? options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(nodes);
        if (coefficients.Length != nodes.Count)
        {
            throw new ArgumentException($"{coefficients.Length} coefficients for {nodes.Count} nodes.", nameof(coefficients));
        }

        var product = new double[coefficients.Length];
        KernelMatrixFreeProduct.Multiply(kernel, nodes, nodes, coefficients.ToArray(), product, options);
        return product;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The primal potential needs β > 0 (it divides by β).");
        }
    }
}
