using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>The symmetric-form RKHS projection of kernel.md §3a and its dissipation identity.</summary>
public class RkhsProjectionTests(ITestOutputHelper output)
{
    private static readonly RkhsProjectionOptions Dense = new() { Solve = new ShiftedSolveOptions { Method = ShiftedSolveMethod.Dense } };
    private static readonly RkhsProjectionOptions LowRank = new() { Solve = new ShiftedSolveOptions { Method = ShiftedSolveMethod.LowRank } };

    private static (PointSet Points, double[] Weights, double[] Force) Problem(int count, int dimension, int seed)
    {
        PointSet points = TestData.RandomPoints(count, dimension, seed);
        double[] weights = TestData.RandomVector(count, seed + 1, low: 0.0, high: 2.0 / count);
        var force = new double[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<double> x = points.Point(i);
            force[i] = Math.Sin(4 * x[0]) + (x.Length > 1 ? x[1] * x[1] : 0.0) + 0.5;
        }

        return (points, weights, force);
    }

    private static double WeightedNormSquared(ReadOnlySpan<double> weights, ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i] * values[i];
        }

        return sum;
    }

    [Theory]
    [InlineData(1, 1e-3)]
    [InlineData(2, 1e-3)]
    [InlineData(3, 1e-4)]
    public void Dissipation_identity_holds_for_plain_and_spherical_projections(int dimension, double lambda)
    {
        var (points, weights, force) = Problem(300, dimension, seed: 40 + dimension);
        var kernel = new GaussianKernel(0.3);
        foreach (bool spherical in new[] { false, true })
        {
            RkhsProjectionResult result = spherical
                ? RkhsProjection.ProjectSpherical(kernel, points, weights, force, lambda, Dense)
                : RkhsProjection.Project(kernel, points, weights, force, lambda, Dense);
            // ⟨ξ, r⟩_w = Σwξ̂² − λ bᵀ(S+λ)⁻¹b exactly; numerically the defect is ≲ (relative
            // residual ≈ 1e-13) × Σwξ̂², so 1e-10 relative is a safe, meaningful tolerance.
            NumericAssert.ScalarClose(result.Dissipation, result.ForceNormSquared - result.Deficit, 1e-10, $"identity spherical={spherical}");
            Assert.True(result.Deficit >= 0.0 && result.Dissipation >= 0.0);
            Assert.Equal(0.5 * result.Dissipation, result.DualDissipationPotential);
            if (spherical)
            {
                // Q on the outside: the response has zero weighted mean (mass conservation).
                NumericAssert.ScalarClose(RkhsProjection.WeightedMean(weights, result.Response.Span), 0.0, 1e-12, "⟨r⟩_w", scale: 1.0);
                NumericAssert.ScalarClose(result.ForceNormSquared + (result.ForceWeightedMean * result.ForceWeightedMean * weights.Sum()), WeightedNormSquared(weights, force), 1e-12, "Pythagoras for Q");
            }

            output.WriteLine($"d={dimension} spherical={spherical}: ⟨ξ,r⟩_w={result.Dissipation:E6}, deficit={result.Deficit:E3}, defect={result.DissipationIdentityDefect:E2}, residual={result.Solve.RelativeResidual:E2}");
        }
    }

    [Fact]
    public void Projection_equals_the_kernel_ridge_regression_formula()
    {
        // r = 𝖪W(𝖪W + λ)⁻¹ξ = (K_μ + λ)⁻¹K_μ ξ on the nodes, checked through (𝖪W + λ) r = 𝖪W ξ
        // (no inverse of W anywhere); tolerance 1e-10 relative to ‖𝖪Wξ‖ (solve residual ~1e-13).
        var (points, weights, force) = Problem(150, 2, seed: 3);
        var kernel = new MaternThreeHalvesKernel(0.25);
        const double lambda = 1e-3;
        RkhsProjectionResult result = RkhsProjection.Project(kernel, points, weights, force, lambda, Dense);
        double[] r = result.Response.ToArray();
        var weightedResponse = new double[150];
        var weightedForce = new double[150];
        for (int i = 0; i < 150; i++)
        {
            weightedResponse[i] = weights[i] * r[i];
            weightedForce[i] = weights[i] * force[i];
        }

        var left = new double[150];
        var right = new double[150];
        KernelMatrixFreeProduct.Multiply(kernel, points, points, weightedResponse, left);
        KernelMatrixFreeProduct.Multiply(kernel, points, points, weightedForce, right);
        for (int i = 0; i < 150; i++)
        {
            left[i] += lambda * r[i];
        }

        NumericAssert.RelativeClose(left, right, 1e-10, "(𝖪W + λ) r = 𝖪W ξ");
    }

    [Theory]
    [InlineData(ShiftedSolveMethod.Dense)]
    [InlineData(ShiftedSolveMethod.LowRank)]
    public void Zero_and_tiny_weights_give_finite_results(ShiftedSolveMethod method)
    {
        var (points, weights, force) = Problem(200, 2, seed: 9);
        for (int i = 0; i < 200; i += 3)
        {
            weights[i] = 0.0;
        }

        weights[1] = 1e-300;
        weights[4] = double.Epsilon;
        var options = new RkhsProjectionOptions { Solve = new ShiftedSolveOptions { Method = method } };
        foreach (bool spherical in new[] { false, true })
        {
            RkhsProjectionResult result = spherical
                ? RkhsProjection.ProjectSpherical(new LaplaceKernel(0.2), points, weights, force, 1e-6, options)
                : RkhsProjection.Project(new LaplaceKernel(0.2), points, weights, force, 1e-6, options);
            NumericAssert.AllFinite(result.Response.Span, "response");
            NumericAssert.AllFinite(result.Coefficients.Span, "coefficients");
            Assert.True(double.IsFinite(result.Dissipation) && double.IsFinite(result.Deficit));
            for (int i = 0; i < 200; i += 3)
            {
                Assert.Equal(0.0, result.Coefficients.Span[i]); // a = W^{½}(…): no mass, no coefficient
            }
        }
    }

    [Fact]
    public void Response_tends_to_the_force_as_lambda_tends_to_zero()
    {
        // 12 nodes, all weights positive: S is invertible, so r → ξ with error λ‖(S+λ)⁻¹b‖-like, i.e. O(λ).
        PointSet points = new(Enumerable.Range(0, 12).Select(i => i / 11.0).ToArray(), 1);
        double[] weights = Enumerable.Repeat(1.0 / 12, 12).ToArray();
        double[] force = Enumerable.Range(0, 12).Select(i => Math.Cos(3.0 * i / 11.0)).ToArray();
        var errors = new List<(double Lambda, double Error)>();
        foreach (double lambda in new[] { 1e-2, 1e-4, 1e-6, 1e-8 })
        {
            RkhsProjectionResult result = RkhsProjection.Project(new GaussianKernel(0.15), points, weights, force, lambda, Dense);
            errors.Add((lambda, VectorArithmetic.RelativeDifference(result.Response.Span, force)));
        }

        string table = string.Join("; ", errors.Select(e => $"λ={e.Lambda:E0}: {e.Error:E2}"));
        output.WriteLine(table);
        for (int k = 1; k < errors.Count; k++)
        {
            Assert.True(errors[k].Error < errors[k - 1].Error, $"error did not decrease: {table}");
        }

        Assert.True(errors[^1].Error < 1e-5, $"r is not close to ξ at λ = 1e-8: {table}");
    }

    [Fact]
    public void Low_rank_projection_matches_dense_within_the_accuracy_bound()
    {
        // ‖W^{½}(r̃ − r)‖ = ‖S(z̃ − z)‖ ≤ ‖E‖‖z̃‖ ≤ (tr E/λ)‖b‖ ≤ η ‖ξ‖_w with η = 1e-3.
        var (points, weights, force) = Problem(1000, 2, seed: 77);
        var kernel = new GaussianKernel(0.25);
        const double lambda = 1e-5;
        RkhsProjectionResult dense = RkhsProjection.Project(kernel, points, weights, force, lambda, Dense);
        RkhsProjectionResult lowRank = RkhsProjection.Project(kernel, points, weights, force, lambda, LowRank);
        var difference = new double[1000];
        for (int i = 0; i < 1000; i++)
        {
            difference[i] = lowRank.Response.Span[i] - dense.Response.Span[i];
        }

        double relative = Math.Sqrt(WeightedNormSquared(weights, difference) / WeightedNormSquared(weights, force));
        Assert.True(relative <= lowRank.Solve.LowRankResidualBound, $"weighted error {relative:E3} > bound {lowRank.Solve.LowRankResidualBound:E3}");
        // A fixed cap beside the solver's own bound: η = 1e-3 (the default LowRankRelativeAccuracy).
        Assert.True(lowRank.Solve.LowRankResidualBound <= 1e-3 && relative <= 1e-3, $"bound {lowRank.Solve.LowRankResidualBound:E3}, error {relative:E3}: above the cap 1e-3");
        output.WriteLine($"N=1000 2D λ=1e-5: rank {lowRank.Solve.Rank}, bound {lowRank.Solve.LowRankResidualBound:E2}, relative residual {lowRank.Solve.RelativeResidual:E2}, weighted response error {relative:E2}, deficit {lowRank.Deficit:E4} vs {dense.Deficit:E4}");
    }

    [Fact]
    public void Projection_is_bitwise_independent_of_thread_count()
    {
        var (points, weights, force) = Problem(700, 3, seed: 12);
        var serial = new RkhsProjectionOptions
        {
            Solve = new ShiftedSolveOptions { Method = ShiftedSolveMethod.Dense, MaxDegreeOfParallelism = 1 },
            Product = new KernelProductOptions { MaxDegreeOfParallelism = 1 },
        };
        RkhsProjectionResult one = RkhsProjection.Project(new MaternFiveHalvesKernel(0.3), points, weights, force, 1e-4, serial);
        RkhsProjectionResult many = RkhsProjection.Project(new MaternFiveHalvesKernel(0.3), points, weights, force, 1e-4, Dense);
        Assert.Equal(one.Response.ToArray(), many.Response.ToArray());
        Assert.Equal(one.Deficit, many.Deficit);
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        var (points, weights, force) = Problem(10, 1, seed: 1);
        var kernel = new GaussianKernel(0.3);
        Assert.Throws<ArgumentOutOfRangeException>(() => RkhsProjection.Project(kernel, points, weights, force, 0.0));
        double[] negative = (double[])weights.Clone();
        negative[2] = -1e-12;
        Assert.Throws<ArgumentException>(() => RkhsProjection.Project(kernel, points, negative, force, 1e-3));
        Assert.Throws<ArgumentException>(() => RkhsProjection.ProjectSpherical(kernel, points, new double[10], force, 1e-3));
    }
}
