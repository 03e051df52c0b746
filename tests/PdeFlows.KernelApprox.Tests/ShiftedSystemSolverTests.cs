using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Dense Cholesky, pivoted partial Cholesky and the Woodbury solve of (S + λI) x = b.</summary>
public class ShiftedSystemSolverTests(ITestOutputHelper output)
{
    private static (WeightedKernelMatrix Matrix, double[] RightHandSide) Problem(int count, int dimension, double bandwidth, int seed)
    {
        PointSet points = TestData.RandomPoints(count, dimension, seed);
        double[] weights = TestData.RandomVector(count, seed + 1, low: 0.0, high: 2.0 / count); // a probability-like measure
        return (new WeightedKernelMatrix(new GaussianKernel(bandwidth), points, weights), TestData.RandomVector(count, seed + 2));
    }

    [Fact]
    public void Dense_solve_has_a_tiny_residual_with_the_true_operator()
    {
        var (matrix, b) = Problem(400, 2, 0.2, seed: 11);
        var x = new double[400];
        ShiftedSolveReport report = ShiftedSystemSolver.Solve(matrix, 1e-4, b, x, new ShiftedSolveOptions { Method = ShiftedSolveMethod.Dense });
        Assert.Equal(ShiftedSolveMethod.Dense, report.Method);
        Assert.Equal(400, report.Rank);
        // Backward-stable Cholesky: residual ≈ ε‖S+λ‖‖x‖/‖b‖ ≲ ε/λ ≈ 1e-12 — reported by the solver
        // and recomputed here from the matrix's columns (not the solver's product).
        Assert.True(report.RelativeResidual < 1e-11, $"relative residual {report.RelativeResidual:E3}");
        double residual = TrueRelativeResidual(matrix, 1e-4, x, b);
        Assert.True(residual < 1e-11, $"true relative residual {residual:E3}");
        output.WriteLine($"dense n=400: relative residual {report.RelativeResidual:E2}");
    }

    [Fact]
    public void Full_rank_pivoted_Cholesky_reproduces_the_matrix()
    {
        var (matrix, _) = Problem(60, 1, 0.5, seed: 3);
        PivotedCholeskyFactor factor = PivotedCholeskyFactor.Compute(matrix, traceTolerance: 0.0);
        var column = new double[60];
        var reconstructed = new double[60];
        double worst = 0.0;
        for (int j = 0; j < 60; j++)
        {
            matrix.Column(j, column);
            for (int i = 0; i < 60; i++)
            {
                double sum = 0.0;
                for (int k = 0; k < factor.Rank; k++)
                {
                    sum += factor.Column(k)[i] * factor.Column(k)[j];
                }

                reconstructed[i] = sum;
            }

            worst = Math.Max(worst, VectorArithmetic.RelativeDifference(reconstructed, column));
        }

        // The Gaussian Gram matrix of 60 points with σ = 0.5 is numerically rank-deficient: the
        // factor stops at the rounding floor (1e-14 of the largest diagonal) with L Lᵀ = S to ~1e-12.
        Assert.True(worst < 1e-10, $"worst column relative error {worst:E3} at rank {factor.Rank}");
        // The Gram matrix LᵀL the factor carries (formed by chunks, 4×4 blocks and, for a rank that
        // is not a multiple of 4, entry by entry) against naive sums: each entry is a sum of 60
        // products, so 1e-14 relative to Σ|products| is rounding only.
        foreach (PivotedCholeskyFactor f in new[] { factor, PivotedCholeskyFactor.Compute(matrix, 0.0, maximumRank: 11) })
        {
            for (int k = 0; k < f.Rank; k++)
            {
                for (int j = 0; j < f.Rank; j++)
                {
                    double sum = 0.0, magnitude = 0.0;
                    for (int i = 0; i < 60; i++)
                    {
                        sum += f.Column(k)[i] * f.Column(j)[i];
                        magnitude += Math.Abs(f.Column(k)[i] * f.Column(j)[i]);
                    }

                    Assert.True(Math.Abs(f.Gram[(k * f.Rank) + j] - sum) <= 1e-14 * magnitude, $"rank {f.Rank}: Gram[{k},{j}]");
                }
            }
        }

        // Stopped at the floor: every remaining pivot ≤ 1e-14·max diag, max diag ≤ 2/60, so tr E ≤ 60·1e-14·2/60.
        Assert.True(factor.ResidualTrace <= 2e-14, $"residual trace {factor.ResidualTrace:E3}");
        output.WriteLine($"rank {factor.Rank} of 60, residual trace {factor.ResidualTrace:E2}, worst column error {worst:E2}");
    }

    [Fact]
    public void Candidate_columns_change_the_passes_but_not_a_bit_of_the_factor()
    {
        // The candidates of a pass are updated with the same fused multiply–adds in the same order as
        // a column computed when its pivot is chosen, so any number of columns per pass must give the
        // same factor, bit for bit, in fewer passes; threads must not matter either.
        var (matrix, _) = Problem(2000, 2, 0.25, seed: 17);
        PivotedCholeskyFactor single = PivotedCholeskyFactor.Compute(matrix, 1e-3 * 1e-6, columnsPerPass: 1, maxDegreeOfParallelism: 1);
        foreach (int columnsPerPass in new[] { 2, PivotedCholeskyFactor.DefaultColumnsPerPass, 9 })
        {
            PivotedCholeskyFactor batched = PivotedCholeskyFactor.Compute(matrix, 1e-3 * 1e-6, columnsPerPass: columnsPerPass);
            Assert.Equal(single.Pivots.ToArray(), batched.Pivots.ToArray());
            for (int k = 0; k < single.Rank; k++)
            {
                Assert.True(single.Column(k).SequenceEqual(batched.Column(k)), $"column {k} differs with {columnsPerPass} columns per pass");
            }

            Assert.Equal(single.Gram.ToArray(), batched.Gram.ToArray());
            Assert.Equal(single.ResidualTrace, batched.ResidualTrace);
            Assert.True(batched.Passes < single.Passes, $"{batched.Passes} passes with {columnsPerPass} columns per pass, {single.Passes} with one");
            output.WriteLine($"rank {batched.Rank}: {batched.Passes} passes with {columnsPerPass} columns per pass ({single.Passes} with one)");
        }
    }

    [Theory]
    [InlineData(1, 1e-4)]
    [InlineData(2, 1e-4)]
    [InlineData(2, 1e-7)]
    public void Low_rank_solve_matches_the_dense_solve_to_the_reported_bound(int dimension, double shift)
    {
        var (matrix, b) = Problem(1200, dimension, 0.3, seed: 21 + dimension);
        var dense = new double[1200];
        var lowRank = new double[1200];
        ShiftedSystemSolver.Solve(matrix, shift, b, dense, new ShiftedSolveOptions { Method = ShiftedSolveMethod.Dense });
        ShiftedSolveReport report = ShiftedSystemSolver.Solve(matrix, shift, b, lowRank, new ShiftedSolveOptions { Method = ShiftedSolveMethod.LowRank });
        Assert.Equal(ShiftedSolveMethod.LowRank, report.Method);
        Assert.True(report.LowRankResidualTrace <= report.LowRankTraceTolerance, $"trace {report.LowRankResidualTrace:E3} > tolerance {report.LowRankTraceTolerance:E3}");
        // Guarantees (ShiftedSolveOptions.LowRankRelativeAccuracy): relative residual and
        // relative solution error are both ≤ tr(E)/λ ≤ η = 1e-3.
        // The bound is the solver's own; a fixed cap η = 1e-3 (the default LowRankRelativeAccuracy)
        // stands beside it, so a solver that reports a loose bound cannot pass.
        const double Cap = 1e-3;
        Assert.True(report.LowRankResidualBound <= Cap, $"reported bound {report.LowRankResidualBound:E3} > {Cap:E0}");
        Assert.True(report.RelativeResidual <= report.LowRankResidualBound, $"residual {report.RelativeResidual:E3} > bound {report.LowRankResidualBound:E3}");
        double residual = TrueRelativeResidual(matrix, shift, lowRank, b);
        Assert.True(residual <= Math.Min(report.LowRankResidualBound, Cap), $"true residual {residual:E3} > min(bound {report.LowRankResidualBound:E3}, {Cap:E0})");
        double error = NumericAssert.RelativeClose(lowRank, dense, Math.Min(report.LowRankResidualBound, Cap), $"low-rank vs dense d={dimension} λ={shift:E0}");
        Assert.True(report.Rank < 600, $"rank {report.Rank} is not low");
        output.WriteLine($"d={dimension} λ={shift:E0}: rank {report.Rank}/1200, residual trace {report.LowRankResidualTrace:E2}, bound {report.LowRankResidualBound:E2}, relative residual {report.RelativeResidual:E2}, error vs dense {error:E2}");
    }

    [Fact]
    public void Refinement_drives_the_low_rank_residual_down()
    {
        var (matrix, b) = Problem(1000, 2, 0.3, seed: 5);
        var x = new double[1000];
        var options = new ShiftedSolveOptions { Method = ShiftedSolveMethod.LowRank, LowRankRelativeAccuracy = 1e-2, MaximumRefinementIterations = 6, RefinementTarget = 1e-11 };
        ShiftedSolveReport report = ShiftedSystemSolver.Solve(matrix, 1e-5, b, x, options);
        // Each step contracts the error by ‖E‖/λ ≤ 1e-2, so ≤ 6 steps reach 1e-11 (reported), and the
        // residual recomputed here from the matrix's columns agrees (round-off of the check: 1e-10).
        Assert.True(report.RelativeResidual <= 1e-11, $"residual {report.RelativeResidual:E3} after {report.RefinementIterations} steps");
        double residual = TrueRelativeResidual(matrix, 1e-5, x, b);
        Assert.True(residual <= 1e-10, $"true relative residual {residual:E3}");
        Assert.InRange(report.RefinementIterations, 1, 6);
        output.WriteLine($"refined: rank {report.Rank}, {report.RefinementIterations} steps, relative residual {report.RelativeResidual:E2}");
    }

    /// <summary>‖b − (S + λI)x‖/‖b‖ with S x formed column by column here (independent of the solver's products).</summary>
    private static double TrueRelativeResidual(WeightedKernelMatrix matrix, double shift, double[] x, double[] b)
    {
        int n = b.Length;
        var product = new double[n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            matrix.Column(j, column);
            for (int i = 0; i < n; i++)
            {
                product[i] += column[i] * x[j];
            }
        }

        double residual = 0, norm = 0;
        for (int i = 0; i < n; i++)
        {
            double r = b[i] - product[i] - (shift * x[i]);
            residual += r * r;
            norm += b[i] * b[i];
        }

        return Math.Sqrt(residual / norm);
    }

    [Fact]
    public void Automatic_choice_follows_the_threshold()
    {
        var (matrix, b) = Problem(300, 1, 0.3, seed: 8);
        var x = new double[300];
        Assert.Equal(ShiftedSolveMethod.Dense, ShiftedSystemSolver.Solve(matrix, 1e-3, b, x).Method);
        Assert.Equal(ShiftedSolveMethod.LowRank, ShiftedSystemSolver.Solve(matrix, 1e-3, b, x, new ShiftedSolveOptions { DenseThreshold = 299 }).Method);
    }

    [Fact]
    public void Dense_Cholesky_rejects_an_indefinite_matrix()
    {
        double[] indefinite = [1.0, 2.0, 2.0, 1.0];
        var error = Assert.Throws<ArgumentException>(() => DenseCholeskyFactorization.Factorize(indefinite, 2));
        Assert.Contains("pivot 1", error.Message);
    }
}
