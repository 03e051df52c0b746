using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// The spherical MMD-geometry reaction (what <c>reaction = "mmd"</c> runs under a spherical flow
/// kind): u̇ = −β(𝖪M + εI)⁻¹(ξ − c) with the constant c that keeps the mass,
/// c = Σmᵢzᵢ(ξ) / Σmᵢzᵢ(1), z(f) = (𝖪M + εI)⁻¹f — the force restricted to the mass-preserving
/// directions, as in the spherical interaction-force transport (kernel.md §2). In the weights
/// ẇ = Mu̇ = −β𝕂₀(ξ − c), 𝕂₀ = (𝖪 + εM⁻¹)⁻¹, and c is the 𝕂₀-orthogonal projection of ξ onto the
/// constants, so the operator 𝕂₀ − 𝕂₀11ᵀ𝕂₀/1ᵀ𝕂₀1 is symmetric positive semidefinite.
/// </summary>
/// <remarks>
/// Solves as <see cref="MaximumMeanDiscrepancyReaction"/>: S = M^½𝖪M^½ + εI is factorized once
/// (M is the fixed lumped mass), z(f) = M^{−½}(S + ε)⁻¹M^½f, and z(1) is computed once. u itself
/// is integrated by adaptive Dormand–Prince 5(4); the velocity keeps Σmᵢu̇ᵢ = 0 to round-off, and a
/// Runge–Kutta method keeps linear invariants exactly, so the mass is kept to round-off.
/// </remarks>
public sealed class SphericalMaximumMeanDiscrepancyReaction : IKernelReactionRate, IReaction
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
    private readonly double[] constantResponse;
    private readonly double[] velocity;
    private readonly double constantMass;

    /// <summary>Creates the reaction, factorizes M^½𝖪M^½ + εI and solves for the constant force once.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ.</param>
    /// <param name="setting">Lumped masses mᵢ and nodal target.</param>
    /// <param name="energy">The energy whose first variation drives the flow.</param>
    /// <param name="beta">β, finite and ≥ 0.</param>
    /// <param name="epsilon">ε, finite and &gt; 0.</param>
    /// <param name="relativeTolerance">Relative local error tolerance of the integrator.</param>
    /// <param name="absoluteTolerance">Absolute local error tolerance of the integrator.</param>
    /// <param name="solveOptions">Dense/low-rank choice of the shifted solve; defaults if null.</param>
    public SphericalMaximumMeanDiscrepancyReaction(IKernel kernel, PointSet nodes, NodalSetting setting, IEnergy energy, double beta, double epsilon,
        double relativeTolerance = 1e-12, double absoluteTolerance = 1e-14, ShiftedSolveOptions? solveOptions = null)
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
        constantResponse = new double[n];
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        Solve(ones, constantResponse);
        constantMass = Mass(constantResponse);
    }

    /// <inheritdoc />
    public IKernel Kernel { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>The constant c subtracted from the force at the last evaluation.</summary>
    public double LastForceConstant { get; private set; }

    /// <inheritdoc />
    public RkhsProjectionResult? LastProjection => null;

    /// <inheritdoc />
    public ShiftedSolveReport? LastSolve { get; private set; }

    /// <inheritdoc />
    public int Evaluations { get; private set; }

    /// <summary>Writes u̇ = −β(𝖪M + εI)⁻¹(ξ(u) − c) into <paramref name="velocity"/>.</summary>
    /// <param name="density">u.</param>
    /// <param name="velocity">Destination, same length.</param>
    public void Velocity(ReadOnlySpan<double> density, Span<double> velocity)
    {
        KernelReactionValidation.CheckLengths(density, velocity, setting.Count);
        energy.FirstVariation(density, setting, force);
        Solve(force, solution);
        double c = Mass(solution) / constantMass;
        for (int i = 0; i < velocity.Length; i++)
        {
            velocity[i] = -Beta * (solution[i] - (c * constantResponse[i]));
        }

        LastForceConstant = c;
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

    /// <summary>z = (𝖪M + εI)⁻¹f = M^{−½}(S + εI)⁻¹M^½f.</summary>
    private void Solve(ReadOnlySpan<double> right, Span<double> result)
    {
        ReadOnlySpan<double> root = matrix.SquareRootWeights;
        for (int i = 0; i < right.Length; i++)
        {
            scaled[i] = root[i] * right[i];
        }

        LastSolve = ShiftedSystemSolver.SolveWith(solver, matrix, scaled, result, solveOptions);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] /= root[i]; // √mᵢ > 0: a mesh quantity, never a density
        }
    }

    private double Mass(ReadOnlySpan<double> values) => setting.Integrate(values);
}
