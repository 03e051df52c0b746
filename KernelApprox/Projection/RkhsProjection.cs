using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Projection;

/// <summary>
/// The RKHS projection (kernel ridge regression) P_λ ξ = (K_μ + λ)⁻¹K_μ ξ for the nodal
/// measure μ = Σ wᵢ δ_{xᵢ}, in the symmetric form of kernel.md §3a:
/// S = W^{½} 𝖪 W^{½}, a = W^{½}(S + λI)⁻¹W^{½} ξ, r = 𝖪 a. Never divides by a weight.
/// </summary>
/// <remarks>
/// Why this equals (K_μ+λ)⁻¹K_μ ξ at the nodes: K_μ acts on nodal values as 𝖪W, and
/// 𝖪W(𝖪W+λ)⁻¹ = 𝖪W^{½}(S+λ)⁻¹W^{½} by the push-through identity, which commutes with K_μ.
/// The dissipation identity ⟨ξ, r⟩_w = Σwξ² − λ bᵀ(S+λI)⁻¹b, b = W^{½}ξ, follows from
/// Σ wξr = bᵀ S z with (S+λ)z = b. S is solved densely or by low rank
/// (<see cref="ShiftedSystemSolver"/>); r is always computed with the true kernel, matrix-free.
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
    public static RkhsProjectionResult Project(IKernel kernel, PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null)
    {
        Validate(points, weights, force, regularization);
        double[] copy = force.ToArray();
        return ProjectCentered(kernel, points, weights, copy, copy, regularization, 0.0, subtractResponseMean: false, options);
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
    public static RkhsProjectionResult ProjectSpherical(IKernel kernel, PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double regularization, RkhsProjectionOptions? options = null)
    {
        Validate(points, weights, force, regularization);
        double mean = WeightedMean(weights, force);
        var centered = new double[force.Length];
        for (int i = 0; i < centered.Length; i++)
        {
            centered[i] = force[i] - mean;
        }

        return ProjectCentered(kernel, points, weights, force, centered, regularization, mean, subtractResponseMean: true, options);
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

    private static RkhsProjectionResult ProjectCentered(IKernel kernel, PointSet points, ReadOnlySpan<double> weights, ReadOnlySpan<double> force, double[] projectedForce, double regularization, double forceMean, bool subtractResponseMean, RkhsProjectionOptions? options)
    {
        options ??= RkhsProjectionOptions.Default;
        var matrix = new WeightedKernelMatrix(kernel, points, weights, options.Product);
        ReadOnlySpan<double> s = matrix.SquareRootWeights;
        int n = points.Count;
        var b = new double[n];
        double forceNormSquared = 0.0;
        for (int i = 0; i < n; i++)
        {
            b[i] = s[i] * projectedForce[i];
            forceNormSquared += b[i] * b[i];
        }

        var z = new double[n];
        ShiftedSolveReport report = ShiftedSystemSolver.Solve(matrix, regularization, b, z, options.Solve);
        var coefficients = new double[n];
        double quadratic = 0.0;
        for (int i = 0; i < n; i++)
        {
            coefficients[i] = s[i] * z[i];
            quadratic += b[i] * z[i];
        }

        var response = new double[n];
        KernelMatrixFreeProduct.Multiply(kernel, points, points, coefficients, response, options.Product);
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

        return new RkhsProjectionResult(response, coefficients, regularization, forceMean, forceNormSquared, dissipation, regularization * quadratic, report);
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
}
