using System.Diagnostics;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>The tiled SIMD product against the naive double loop, and its determinism.</summary>
public class KernelMatrixFreeProductTests(ITestOutputHelper output)
{
    // Tolerance 1e-12 relative (2-norm): the two paths differ only in summation order
    // (≈ √N·ε ≈ 1e-14 for positive-kernel sums with signed weights) and in Vector.Exp vs
    // Math.Exp (a few ulps); 1e-12 leaves margin for cancellation in signed sums.
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(1, 5000, 5000)]
    [InlineData(2, 5000, 5000)]
    [InlineData(3, 5000, 5000)]
    [InlineData(2, 997, 1003)] // sizes that are not multiples of the SIMD width or the tiles
    public void Gaussian_product_matches_the_naive_double_loop(int dimension, int targetCount, int sourceCount)
    {
        var kernel = new GaussianKernel(0.2);
        PointSet targets = TestData.RandomPoints(targetCount, dimension, seed: 1);
        PointSet sources = targetCount == sourceCount ? targets : TestData.RandomPoints(sourceCount, dimension, seed: 2);
        double[] weights = TestData.RandomVector(sourceCount, seed: 3);
        var fast = new double[targetCount];
        var clock = Stopwatch.StartNew();
        KernelMatrixFreeProduct.Multiply(kernel, targets, sources, weights, fast);
        double fastSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        double[] naive = TestData.NaiveProduct(kernel, targets, sources, weights);
        double naiveSeconds = clock.Elapsed.TotalSeconds;
        double error = NumericAssert.RelativeClose(fast, naive, Tolerance, $"d={dimension} N={targetCount} M={sourceCount}");
        output.WriteLine($"d={dimension} N={targetCount} M={sourceCount}: relative error {error:E2}, fast {fastSeconds * 1e3:F1} ms, naive {naiveSeconds * 1e3:F1} ms");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Gaussian_gradient_product_matches_the_naive_double_loop_at_5000_points(int dimension)
    {
        var kernel = new GaussianKernel(0.2);
        PointSet points = TestData.RandomPoints(5000, dimension, seed: 40 + dimension);
        double[] weights = TestData.RandomVector(5000, seed: 50 + dimension);
        var gradient = new double[5000 * dimension];
        KernelMatrixFreeProduct.MultiplyGradient(kernel, points, points, weights, gradient);
        double error = NumericAssert.RelativeClose(gradient, TestData.NaiveGradientProduct(kernel, points, points, weights), Tolerance, $"gradient d={dimension} N=5000");
        output.WriteLine($"gradient d={dimension} N=5000: relative error {error:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_kernel_and_its_gradient_product_match_the_naive_double_loop(int dimension)
    {
        PointSet targets = TestData.RandomPoints(301, dimension, seed: 10 + dimension);
        PointSet sources = TestData.RandomPoints(517, dimension, seed: 20 + dimension);
        double[] weights = TestData.RandomVector(517, seed: 30 + dimension);
        foreach (IKernel kernel in TestData.AllKernels(0.3))
        {
            var value = new double[targets.Count];
            KernelMatrixFreeProduct.Multiply(kernel, targets, sources, weights, value);
            NumericAssert.RelativeClose(value, TestData.NaiveProduct(kernel, targets, sources, weights), Tolerance, $"{kernel} value d={dimension}");
            var gradient = new double[targets.Count * dimension];
            KernelMatrixFreeProduct.MultiplyGradient(kernel, targets, sources, weights, gradient);
            NumericAssert.RelativeClose(gradient, TestData.NaiveGradientProduct(kernel, targets, sources, weights), Tolerance, $"{kernel} gradient d={dimension}");
        }
    }

    [Fact]
    public void Laplace_gradient_product_with_coincident_points_uses_the_zero_convention()
    {
        // Targets = sources: the self term has r = 0 and contributes exactly 0 (no NaN from 0/0).
        PointSet points = TestData.RandomPoints(130, 2, seed: 5);
        double[] weights = TestData.RandomVector(130, seed: 6);
        var gradient = new double[260];
        KernelMatrixFreeProduct.MultiplyGradient(new LaplaceKernel(0.5), points, points, weights, gradient);
        NumericAssert.AllFinite(gradient, "laplace gradient product");
        NumericAssert.RelativeClose(gradient, TestData.NaiveGradientProduct(new LaplaceKernel(0.5), points, points, weights), Tolerance, "laplace gradient with self terms");
    }

    [Theory]
    [InlineData(KernelKind.MaternFiveHalves, 3)]
    [InlineData(KernelKind.Gaussian, 1)]
    [InlineData(KernelKind.Gaussian, 2)]
    [InlineData(KernelKind.Gaussian, 3)]
    public void Results_are_bitwise_independent_of_thread_count_and_tiling(KernelKind kind, int dimension)
    {
        // Odd target tiles (7 rows: the two-row loop ends on a single row), source tiles that are
        // not multiples of the SIMD width, two threads and all threads: every bit must agree.
        PointSet targets = TestData.RandomPoints(1500, dimension, seed: 7);
        PointSet sources = TestData.RandomPoints(2101, dimension, seed: 8);
        double[] weights = TestData.RandomVector(2101, seed: 9);
        IKernel kernel = KernelFactory.Create(kind, 0.4);
        var serial = new KernelProductOptions { MaxDegreeOfParallelism = 1 };
        var oddTiles = new KernelProductOptions { TargetTileSize = 7, SourceTileSize = 100 };
        var twoThreads = new KernelProductOptions { MaxDegreeOfParallelism = 2, TargetTileSize = 33 };
        foreach (KernelProductOptions? options in new[] { null, oddTiles, twoThreads })
        {
            var reference = new double[1500];
            var parallel = new double[1500];
            KernelMatrixFreeProduct.Multiply(kernel, targets, sources, weights, reference, serial);
            KernelMatrixFreeProduct.Multiply(kernel, targets, sources, weights, parallel, options);
            Assert.Equal(reference, parallel); // exact equality of every double
            var referenceGradient = new double[1500 * dimension];
            var parallelGradient = new double[1500 * dimension];
            KernelMatrixFreeProduct.MultiplyGradient(kernel, targets, sources, weights, referenceGradient, serial);
            KernelMatrixFreeProduct.MultiplyGradient(kernel, targets, sources, weights, parallelGradient, options);
            Assert.Equal(referenceGradient, parallelGradient);
        }
    }

    [Theory]
    [InlineData(KernelKind.Gaussian, 1)]
    [InlineData(KernelKind.Gaussian, 2)]
    [InlineData(KernelKind.Gaussian, 3)]
    [InlineData(KernelKind.MaternThreeHalves, 2)]
    public void Symmetric_product_matches_the_naive_loop_and_is_bitwise_independent_of_thread_count(KernelKind kind, int dimension)
    {
        // 2603 points = five full blocks of 512 and one of 43 (an odd number of blocks, so the
        // round-robin schedule has a resting block each round, and a scalar column tail of 3).
        PointSet points = TestData.RandomPoints(2603, dimension, seed: 60 + dimension);
        double[] weights = TestData.RandomVector(2603, seed: 70 + dimension);
        IKernel kernel = KernelFactory.Create(kind, 0.3);
        Assert.True(points.Count >= KernelMatrixFreeProduct.SymmetricThreshold);
        var serial = new double[2603];
        KernelMatrixFreeProduct.Multiply(kernel, points, points, weights, serial, new KernelProductOptions { MaxDegreeOfParallelism = 1 });
        double error = NumericAssert.RelativeClose(serial, TestData.NaiveProduct(kernel, points, points, weights), Tolerance, $"symmetric {kernel} d={dimension}");
        foreach (var options in new[] { KernelProductOptions.Default, new KernelProductOptions { MaxDegreeOfParallelism = 2 } })
        {
            var threaded = new double[2603];
            KernelMatrixFreeProduct.Multiply(kernel, points, points, weights, threaded, options);
            Assert.Equal(serial, threaded);
        }

        output.WriteLine($"symmetric {kernel} d={dimension} N=2603: relative error {error:E2}");
    }

    [Fact]
    public void Mismatched_sizes_are_rejected()
    {
        PointSet targets = TestData.RandomPoints(10, 2, seed: 1);
        PointSet sources = TestData.RandomPoints(12, 3, seed: 2);
        Assert.Throws<ArgumentException>(() => KernelMatrixFreeProduct.Multiply(new GaussianKernel(1), targets, sources, new double[12], new double[10]));
        Assert.Throws<ArgumentException>(() => KernelMatrixFreeProduct.Multiply(new GaussianKernel(1), targets, targets, new double[9], new double[10]));
    }
}
