using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;

namespace PdeFlows.KernelApprox.Projection;

/// <summary>
/// The RKHS projection (kernel ridge regression) P_λ ξ = (K_μ + λ)⁻¹K_μ ξ for the nodal
/// measure μ = Σ wᵢ δ_{xᵢ}, in the symmetric form of kernel.md §3a:
/// S = W^{½} 𝖪 W^{½}, a = W^{½}(S + λI)⁻¹W^{½} ξ, r = 𝖪 a. Never divides by a weight.
/// </summary>
/// <remarks>
/// <para>Why this equals (K_μ+λ)⁻¹K_μ ξ at the nodes: K_μ acts on nodal values as 𝖪W, and
/// 𝖪W(𝖪W+λ)⁻¹ = 𝖪W^{½}(S+λ)⁻¹W^{½} by the push-through identity, which commutes with K_μ.
/// The dissipation identity ⟨ξ, r⟩_w = Σwξ² − λ bᵀ(S+λI)⁻¹b, b = W^{½}ξ, follows from
/// Σ wξr = bᵀ S z with (S+λ)z = b.</para>
/// <para>Solve. S + λI is factorized densely or by low rank per weight vector
/// (<see cref="ShiftedSystemSolver"/>), or — for a <see cref="FixedNodeKernelMatrix"/> — solved with
/// the weight-independent factor of 𝖪 when it is accurate enough for the weights, then refined with
/// the true S (<see cref="RkhsProjectionOptions.FixedNodeRefinementIterations"/>). r is always
/// computed with the true kernel, and the one product r = 𝖪a also gives S z = W^{½}r, so the
/// reported residual ‖(S+λI)z − b‖/‖b‖ of every solve costs no extra product.</para>
/// </remarks>
public static class RkhsProjection
{
    /// <summary>r = P_λ ξ at the nodes (the λ-FRk growth rate, kernel.md §2).</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="points">The nodes xᵢ.</param>
    /// <param name="weights">wᵢ ≥ 0 (may be tiny or zero).</param>
    /// <param name="force">ξᵢ, finite.</param>
    /// <param name="regularization">λ, finite and &gt; 0.</param>
    /// <param name="options">Solve and product options; defaults if null.</param>
    public static RkhsProjectionResult Project(IKernel kernel, PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null) =>
        Project(Transient(kernel, points, options), weights, force, regularization, options);

    /// <summary>r = P_λ ξ at the nodes of a fixed-node kernel matrix (stored 𝖪 and reusable factor).</summary>
    /// <param name="kernelMatrix">𝖪 of the nodes.</param>
    /// <param name="weights">wᵢ ≥ 0 (may be tiny or zero).</param>
    /// <param name="force">ξᵢ, finite.</param>
    /// <param name="regularization">λ, finite and &gt; 0.</param>
    /// <param name="options">Solve and product options; defaults if null.</param>
    public static RkhsProjectionResult Project(FixedNodeKernelMatrix kernelMatrix, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernelMatrix);
        Validate(kernelMatrix.Points, weights, force, regularization);
        double[] copy = force.ToArray();
        return ProjectCentered(kernelMatrix, weights, copy, copy, regularization, 0.0, subtractResponseMean: false, options);
    }

    /// <summary>
    /// The spherical version r = Q P_λ Q ξ with Qf = f − ⟨f⟩_w, ⟨f⟩_w = Σwf/Σw (kernel.md §2,
    /// spherical λ-FRk): the force is centred, projected, and the response centred again, so
    /// Σ wᵢ rᵢ = 0 (mass is conserved).
    /// </summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="points">The nodes xᵢ.</param>
    /// <param name="weights">wᵢ ≥ 0 with Σw &gt; 0.</param>
    /// <param name="force">ξᵢ, finite.</param>
    /// <param name="regularization">λ, finite and &gt; 0.</param>
    /// <param name="options">Solve and product options; defaults if null.</param>
    public static RkhsProjectionResult ProjectSpherical(IKernel kernel, PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null) =>
        ProjectSpherical(Transient(kernel, points, options), weights, force, regularization, options);

    /// <summary>The spherical projection Q P_λ Q ξ at the nodes of a fixed-node kernel matrix.</summary>
    /// <param name="kernelMatrix">𝖪 of the nodes.</param>
    /// <param name="weights">wᵢ ≥ 0 with Σw &gt; 0.</param>
    /// <param name="force">ξᵢ, finite.</param>
    /// <param name="regularization">λ, finite and &gt; 0.</param>
    /// <param name="options">Solve and product options; defaults if null.</param>
    public static RkhsProjectionResult ProjectSpherical(FixedNodeKernelMatrix kernelMatrix, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernelMatrix);
        Validate(kernelMatrix.Points, weights, force, regularization);
        double mean = WeightedMean(weights, force);
        var centered = new double[force.Length];
        for (int i = 0; i < centered.Length; i++)
        {
            centered[i] = force[i] - mean;
        }

        return ProjectCentered(kernelMatrix, weights, force, centered, regularization, mean, subtractResponseMean: true, options);
    }

    /// <summary>⟨f⟩_w = Σ wᵢ fᵢ / Σ wᵢ.</summary>
    /// <param name="weights">wᵢ ≥ 0 with Σw &gt; 0.</param>
    /// <param name="values">fᵢ.</param>
    /// <exception cref="ArgumentException">Σw is not positive.</exception>
    public static double WeightedMean(ReadOnlySpan<double> weights, ReadOnlySpan<double> values)
    {
        double mass = 0.0, moment = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            mass += weights[i];
            moment += weights[i] * values[i];
        }

        if (!(mass > 0.0))
        {
            throw new ArgumentException($"The total weight is {mass}; the weighted mean needs a positive total.", nameof(weights));
        }

        return moment / mass;
    }

    /// <summary>A matrix-free 𝖪 without storage or factor: one projection does not repay either.</summary>
    private static FixedNodeKernelMatrix Transient(IKernel kernel, PointSet points, RkhsProjectionOptions? options) =>
        new(kernel, points, new FixedNodeKernelOptions { DenseStorageLimit = 0, FactorSizeLimit = 0 }, (options ?? RkhsProjectionOptions.Default).Product);

    private static RkhsProjectionResult ProjectCentered(FixedNodeKernelMatrix kernelMatrix, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double[] projectedForce, double regularization, double forceMean, bool subtractResponseMean, RkhsProjectionOptions? options)
    {
        options ??= RkhsProjectionOptions.Default;
        ShiftedSolveOptions solve = options.Solve;
        int n = kernelMatrix.Size;
        double[] s = SquareRoots(weights);
        var b = new double[n];
        double forceNormSquared = 0.0;
        for (int i = 0; i < n; i++)
        {
            b[i] = s[i] * projectedForce[i];
            forceNormSquared += b[i] * b[i];
        }

        WeightedLowRankShiftedSolver? reused = options.ReuseFixedNodeFactor
            ? kernelMatrix.WeightedSolver(s, regularization, solve.LowRankRelativeAccuracy, solve.MaxDegreeOfParallelism)
            : null;
        double target = solve.RefinementTarget;
        (IShiftedSymmetricSolver solver, ProjectionState solution, int refinements) = reused is null
            ? Solve(Factorize(kernelMatrix, weights, regularization, options), solve.MaximumRefinementIterations, kernelMatrix, s, b, regularization, target)
            : Solve(reused, options.FixedNodeRefinementIterations, kernelMatrix, s, b, regularization, target);
        if (reused is not null && !(solution.RelativeResidual <= solve.LowRankRelativeAccuracy))
        {
            // The factor guarantees a residual ≤ η before refinement; more means it failed numerically: solve afresh.
            (solver, solution, refinements) = Solve(Factorize(kernelMatrix, weights, regularization, options), solve.MaximumRefinementIterations, kernelMatrix, s, b, regularization, target);
        }

        double quadratic = 0.0;
        for (int i = 0; i < n; i++)
        {
            quadratic += b[i] * solution.Z[i];
        }

        double[] response = solution.Response;
        if (subtractResponseMean)
        {
            double responseMean = WeightedMean(weights, response);
            for (int i = 0; i < n; i++)
            {
                response[i] -= responseMean;
            }
        }

        // ⟨ξ, r⟩_w with the original force; equal to ⟨Qξ, r̃⟩_w in the spherical case (Q is self-adjoint in L²(w)).
        double dissipation = 0.0;
        for (int i = 0; i < n; i++)
        {
            dissipation += weights[i] * force[i] * response[i];
        }

        var report = Report(solver, n, regularization, refinements, solution.RelativeResidual, solve);
        return new RkhsProjectionResult(response, solution.Coefficients, regularization, forceMean, forceNormSquared, dissipation, regularization * quadratic, report);
    }

    private static IShiftedSymmetricSolver Factorize(FixedNodeKernelMatrix kernelMatrix, ReadOnlySpan<double> weights, double shift, RkhsProjectionOptions options) =>
        ShiftedSystemSolver.Factorize(new WeightedKernelMatrix(kernelMatrix.Kernel, kernelMatrix.Points, weights, options.Product), shift, options.Solve);

    /// <summary>z = solver(b), then up to <paramref name="maximumRefinements"/> steps z ← z + solver(b − (S+λ)z) with the true S, each kept only if the residual falls, stopping once it no longer halves.</summary>
    private static (IShiftedSymmetricSolver Solver, ProjectionState Solution, int Refinements) Solve(IShiftedSymmetricSolver solver, int maximumRefinements, FixedNodeKernelMatrix kernelMatrix, double[] s, double[] b, double shift, double target)
    {
        var solution = new ProjectionState(kernelMatrix, s, b, shift);
        solver.Solve(b, solution.Z);
        solution.Evaluate();
        int refinements = 0;
        var correction = new double[b.Length];
        while (refinements < maximumRefinements && solution.RelativeResidual > target)
        {
            solver.Solve(solution.Residual, correction);
            var refined = new ProjectionState(kernelMatrix, s, b, shift);
            for (int i = 0; i < b.Length; i++)
            {
                refined.Z[i] = solution.Z[i] + correction[i];
            }

            refined.Evaluate();
            if (!(refined.RelativeResidual < solution.RelativeResidual))
            {
                break;
            }

            bool converging = refined.RelativeResidual <= 0.5 * solution.RelativeResidual;
            solution = refined;
            refinements++;
            if (!converging)
            {
                break;
            }
        }

        return (solver, solution, refinements);
    }

    private static ShiftedSolveReport Report(IShiftedSymmetricSolver solver, int n, double shift, int refinements, double relativeResidual, ShiftedSolveOptions solve) => solver switch
    {
        WeightedLowRankShiftedSolver weighted => new ShiftedSolveReport(ShiftedSolveMethod.LowRank, n, shift, weighted.Rank, refinements, relativeResidual, weighted.ResidualTrace, solve.LowRankRelativeAccuracy * shift, false),
        LowRankShiftedSolver lowRank => new ShiftedSolveReport(ShiftedSolveMethod.LowRank, n, shift, lowRank.Rank, refinements, relativeResidual, lowRank.Factor.ResidualTrace, solve.LowRankRelativeAccuracy * shift, lowRank.Factor.ReachedRoundingFloor),
        _ => new ShiftedSolveReport(ShiftedSolveMethod.Dense, n, shift, solver.Rank, refinements, relativeResidual, 0.0, 0.0, false),
    };

    private static double[] SquareRoots(ReadOnlySpan<double> weights)
    {
        var roots = new double[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0.0) || !double.IsFinite(weights[i]))
            {
                throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite and ≥ 0.", nameof(weights));
            }

            roots[i] = Math.Sqrt(weights[i]);
        }

        return roots;
    }

    private static void Validate(PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (weights.Length != points.Count || force.Length != points.Count)
        {
            throw new ArgumentException($"{weights.Length} weights and {force.Length} force values for {points.Count} points.");
        }

        for (int i = 0; i < force.Length; i++)
        {
            if (!double.IsFinite(force[i]))
            {
                throw new ArgumentException($"Force value {i} is {force[i]}; it must be finite.", nameof(force));
            }
        }

        if (!(regularization > 0.0) || !double.IsFinite(regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "The regularization λ must be finite and > 0.");
        }
    }

    /// <summary>A candidate z with a = W^{½}z, r = 𝖪a and the residual b − W^{½}r − λz (one product).</summary>
    private sealed class ProjectionState(FixedNodeKernelMatrix kernelMatrix, double[] squareRootWeights, double[] rightHandSide, double shift)
    {
        public double[] Z { get; } = new double[rightHandSide.Length];

        public double[] Coefficients { get; } = new double[rightHandSide.Length];

        public double[] Response { get; } = new double[rightHandSide.Length];

        public double[] Residual { get; } = new double[rightHandSide.Length];

        public double RelativeResidual { get; private set; }

        public void Evaluate()
        {
            for (int i = 0; i < Z.Length; i++)
            {
                Coefficients[i] = squareRootWeights[i] * Z[i];
            }

            kernelMatrix.Multiply(Coefficients, Response);
            for (int i = 0; i < Z.Length; i++)
            {
                Residual[i] = rightHandSide[i] - (squareRootWeights[i] * Response[i]) - (shift * Z[i]);
            }

            double normResidual = VectorArithmetic.Norm(Residual), normRightHandSide = VectorArithmetic.Norm(rightHandSide);
            RelativeResidual = normRightHandSide == 0.0 ? (normResidual == 0.0 ? 0.0 : double.PositiveInfinity) : normResidual / normRightHandSide;
        }
    }
}
