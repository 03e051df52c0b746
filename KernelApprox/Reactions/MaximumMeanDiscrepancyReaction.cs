using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Projection;


namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// The MMD-geometry reaction on the nodes (kernel.md §2, §3a): u̇ = −β (𝖪M + εI)⁻¹ ξ with
/// M = diag(mᵢ) the lumped mass and ξ = δE/δu. It is not of the form u̇ = −uρ: it moves
/// mass by a nonlocal signed velocity and can make u negative.
/// Spherical (what <c>reaction = "mmd"</c> runs under a spherical flow kind):
/// u̇ = −β(𝖪M + εI)⁻¹(ξ − c) with the constant c that keeps the mass, c = Σmᵢzᵢ(ξ) / Σmᵢzᵢ(1),
/// z(f) = (𝖪M + εI)⁻¹f — the force restricted to the mass-preserving directions, as in the
/// spherical interaction-force transport (kernel.md §2). In the weights ẇ = Mu̇ = −β𝕂₀(ξ − c),
/// 𝕂₀ = (𝖪 + εM⁻¹)⁻¹, and c is the 𝕂₀-orthogonal projection of ξ onto the constants, so the
/// operator 𝕂₀ − 𝕂₀11ᵀ𝕂₀/1ᵀ𝕂₀1 is symmetric positive semidefinite; z(1) is computed once, the
/// velocity keeps Σmᵢu̇ᵢ = 0 to round-off and a Runge–Kutta method keeps linear invariants exactly.
/// </summary>
/// <remarks>
/// <para>Solve. 𝖪M + εI = M^{−½}(S + εI)M^{½} with S = M^{½}𝖪M^{½} symmetric positive
/// semidefinite, so (𝖪M + εI)⁻¹ξ = M^{−½}(S + εI)⁻¹M^{½}ξ. M is the fixed lumped mass of the
/// mesh (no density), so S + εI is factorized once, at construction, and reused by every
/// evaluation: that reuse is exact.</para>
/// <para>Integration. u itself is integrated (no log variables, which would need the division
/// ρᵢ = β[(𝖪M+ε)⁻¹ξ]ᵢ/uᵢ inside the integrator) by adaptive Dormand–Prince 5(4)
/// (<see cref="DormandPrinceIntegrator"/>) with mixed tolerances. Positivity is not enforced:
/// when the flow leaves the positive cone the splitting solver rejects the step and fails after
/// its halvings. For E = ½MMD² and positive u₀, π the ε = 0 flow u(t) = π + e^{−βt}(u₀ − π) is a
/// convex combination and stays positive.</para>
/// <para>Accuracy. (𝖪M+ε)⁻¹𝖪M has eigenvalues s/(s+ε) over the eigenvalues s of S: modes with
/// s ≫ ε decay at rate β(1 − ε/s), modes with s ≲ ε barely move. The computed velocity carries
/// the rounding of ξ amplified by up to ‖S‖/(s_min + ε); for smooth kernels (Gaussian) with ε far
/// below the small eigenvalues this amplification is large, for kernels with a well-conditioned
/// Gram matrix (Laplace/Matérn-½ in 1D) it is mild.</para>
/// <para><see cref="Rate"/> (used by the splitting solver only for the dissipation
/// Σ mᵢuᵢξᵢρᵢ = β ξᵀM(𝖪M+ε)⁻¹ξ) returns the equivalent per-node rate ρᵢ = −u̇ᵢ/uᵢ, which is defined
/// because the solver keeps u &gt; 0.</para>
/// </remarks>
public sealed class MaximumMeanDiscrepancyReaction : IKernelReactionRate, IReaction
{
    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly WeightedKernelMatrix matrix;
    private readonly IShiftedSymmetricSolver solver;
    private readonly ShiftedSolveOptions solveOptions;
    private readonly DormandPrinceIntegrator integrator;
    private readonly double[] force;
    private readonly double[] scaled;
    private readonly double[] solution;
    private readonly double[] velocity;
    private readonly bool spherical;
    private readonly double[]? constantResponse;
    private readonly double constantMass;

    /// <summary>Creates the reaction and factorizes M^{½}𝖪M^{½} + εI (spherical: and solves for the constant force once).</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ.</param>
    /// <param name="setting">Lumped masses mᵢ and nodal target.</param>
    /// <param name="energy">The energy whose first variation drives the flow.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="epsilon">ε, finite and &gt; 0 (absolute, on the scale of 𝖪M).</param>
    /// <param name="relativeTolerance">Relative local error tolerance of the integrator (default 1e-12).</param>
    /// <param name="absoluteTolerance">Absolute local error tolerance of the integrator (default 1e-14).</param>
    /// <param name="solveOptions">Dense/low-rank choice of the shifted solve; defaults if null.</param>
    /// <param name="spherical">Whether to subtract the mass-keeping constant c from the force.</param>
    public MaximumMeanDiscrepancyReaction(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, double epsilon,
        double relativeTolerance = 1e-12, double absoluteTolerance = 1e-14, ShiftedSolveOptions? solveOptions = null, bool spherical = false)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        ArgumentNullException.ThrowIfNull(nodes);
        this.setting = setting ?? throw new ArgumentNullException(nameof(setting));
        this.energy = energy ?? throw new ArgumentNullException(nameof(energy));
        KernelReactionValidation.CheckNodes(nodes, setting);
        Beta = KernelReactionValidation.CheckBeta(beta);
        if (!(epsilon > 0.0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The regularization ε must be finite and > 0.");
        }

        Epsilon = epsilon;
        this.solveOptions = solveOptions ?? ShiftedSolveOptions.Default;
        matrix = new WeightedKernelMatrix(kernel, nodes, setting.LumpedMass);
        solver = ShiftedSystemSolver.Factorize(matrix, epsilon, this.solveOptions);
        integrator = new DormandPrinceIntegrator(setting.Count, relativeTolerance, absoluteTolerance);
        int n = setting.Count;
        force = new double[n];
        scaled = new double[n];
        solution = new double[n];
        velocity = new double[n];
        this.spherical = spherical;
        if (spherical)
        {
            constantResponse = new double[n];
            var ones = new double[n];
            Array.Fill(ones, 1.0);
            Solve(ones, constantResponse);
            for (int i = 0; i < n; i++)
            {
                constantResponse[i] /= matrix.SquareRootWeights[i];
            }

            constantMass = setting.Integrate(constantResponse);
        }
    }

    /// <inheritdoc />
    public IKernel Kernel { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public RkhsProjectionResult? LastProjection => null;

    /// <inheritdoc />
    public ShiftedSolveReport? LastSolve { get; private set; }

    /// <inheritdoc />
    public int Evaluations { get; private set; }

    /// <summary>The constant c subtracted from the force at the last evaluation (0 unless spherical).</summary>
    public double LastForceConstant { get; private set; }

    /// <summary>Writes the velocity u̇ = −β(𝖪M + εI)⁻¹(ξ(u) − c) into <paramref name="velocity"/> (c = 0 unless spherical).</summary>
    /// <param name="density">u.</param>
    /// <param name="velocity">Destination, same length.</param>
    public void Velocity(ReadOnlySpan<double> density, Span<double> velocity)
    {
        KernelReactionValidation.CheckLengths(density, velocity, setting.Count);
        energy.FirstVariation(density, setting, force);
        Solve(force, solution);
        ReadOnlySpan<double> root = matrix.SquareRootWeights;
        if (!spherical)
        {
            for (int i = 0; i < velocity.Length; i++)
            {
                velocity[i] = -Beta * solution[i] / root[i]; // √mᵢ > 0: a mesh quantity, never a density
            }
        }
        else
        {
            for (int i = 0; i < solution.Length; i++)
            {
                solution[i] /= root[i];
            }

            double c = setting.Integrate(solution) / constantMass;
            for (int i = 0; i < velocity.Length; i++)
            {
                velocity[i] = -Beta * (solution[i] - (c * constantResponse![i]));
            }

            LastForceConstant = c;
        }

        Evaluations++;
    }

    /// <inheritdoc />
    /// <remarks>ρᵢ = −u̇ᵢ/uᵢ (for the dissipation diagnostic; needs u &gt; 0, which the splitting solver guarantees).</remarks>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate)
    {
        Velocity(density, velocity);
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = -velocity[i] / density[i];
        }
    }

    /// <inheritdoc />
    public ReactionStepReport Advance(Span<double> density, double duration) =>
        integrator.Advance(Velocity, density, duration);

    /// <summary>M^½z = (S + εI)⁻¹M^½f, i.e. z = (𝖪M + εI)⁻¹f before the division by √m.</summary>
    private void Solve(ReadOnlySpan<double> right, Span<double> scaledResult)
    {
        ReadOnlySpan<double> root = matrix.SquareRootWeights;
        for (int i = 0; i < right.Length; i++)
        {
            scaled[i] = root[i] * right[i];
        }

        LastSolve = ShiftedSystemSolver.SolveWith(solver, matrix, scaled, scaledResult, solveOptions);
    }
}
