using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Every kernel formula against a value computed by hand, and every gradient against central differences.</summary>
public class KernelFormulaTests
{
    // Hand values (computed from the closed forms in double precision, see each comment);
    // tolerance 1e-14 relative: a few ulps of exp/sqrt.
    private const double HandTolerance = 1e-14;

    [Fact]
    public void Gaussian_at_distance_one_with_bandwidth_half()
    {
        var kernel = new GaussianKernel(0.5);
        // exp(−1/(2·0.25)) = exp(−2)
        NumericAssert.ScalarClose(kernel.Value([0.0], [1.0]), 0.1353352832366127, HandTolerance, "gaussian value");
        // ∇ₓk = −(k/σ²)(x − y) = 4·exp(−2)
        var gradient = new double[1];
        kernel.Gradient([0.0], [1.0], gradient);
        NumericAssert.ScalarClose(gradient[0], 0.5413411329464508, HandTolerance, "gaussian gradient");
    }

    [Fact]
    public void Laplace_at_distance_one_with_bandwidth_two()
    {
        var kernel = new LaplaceKernel(2.0);
        // exp(−1/2)
        NumericAssert.ScalarClose(kernel.Value([0.0], [1.0]), 0.6065306597126334, HandTolerance, "laplace value");
        // ∇ₓk = −(k/(σr))(x − y) = exp(−1/2)/2
        var gradient = new double[1];
        kernel.Gradient([0.0], [1.0], gradient);
        NumericAssert.ScalarClose(gradient[0], 0.3032653298563167, HandTolerance, "laplace gradient");
    }

    [Fact]
    public void Laplace_gradient_at_zero_distance_is_defined_as_zero()
    {
        var kernel = new LaplaceKernel(0.3);
        var gradient = new double[2];
        kernel.Gradient([0.25, -1.0], [0.25, -1.0], gradient);
        Assert.Equal([0.0, 0.0], gradient);
        Assert.Equal(1.0, kernel.Value([0.25, -1.0], [0.25, -1.0]));
    }

    [Fact]
    public void Matern_three_halves_at_distance_one_with_bandwidth_one()
    {
        var kernel = new MaternThreeHalvesKernel(1.0);
        // (1 + √3)·exp(−√3)
        NumericAssert.ScalarClose(kernel.Value([0.0], [1.0]), 0.4833577245965077, HandTolerance, "matern32 value");
        // ∇ₓk = −3·exp(−√3)(x − y) = 3·exp(−√3)
        var gradient = new double[1];
        kernel.Gradient([0.0], [1.0], gradient);
        NumericAssert.ScalarClose(gradient[0], 0.5307636189532927, HandTolerance, "matern32 gradient");
    }

    [Fact]
    public void Matern_five_halves_at_distance_one_with_bandwidth_one()
    {
        var kernel = new MaternFiveHalvesKernel(1.0);
        // (1 + √5 + 5/3)·exp(−√5)
        NumericAssert.ScalarClose(kernel.Value([0.0], [1.0]), 0.5239941088318203, HandTolerance, "matern52 value");
        // ∇ₓk = −(5/3)(1 + √5)exp(−√5)(x − y) = (5/3)(1 + √5)exp(−√5)
        var gradient = new double[1];
        kernel.Gradient([0.0], [1.0], gradient);
        NumericAssert.ScalarClose(gradient[0], 0.5764403878852956, HandTolerance, "matern52 gradient");
    }

    [Fact]
    public void Inverse_multiquadric_in_two_dimensions_at_distance_five_with_bandwidth_two()
    {
        var kernel = new InverseMultiquadricKernel(2.0);
        // x = (0,0), y = (3,4): (1 + 25/4)^(−1/2) = 7.25^(−1/2)
        NumericAssert.ScalarClose(kernel.Value([0.0, 0.0], [3.0, 4.0]), 0.3713906763541037, HandTolerance, "imq value");
        // ∇ₓk = −(1/σ²)(7.25)^(−3/2)(x − y) = (1/4)·7.25^(−3/2)·(3, 4)
        var gradient = new double[2];
        kernel.Gradient([0.0, 0.0], [3.0, 4.0], gradient);
        NumericAssert.ScalarClose(gradient[0], 0.03841972514007969, HandTolerance, "imq gradient x");
        NumericAssert.ScalarClose(gradient[1], 0.051226300186772926, HandTolerance, "imq gradient y");
    }

    [Fact]
    public void Every_kernel_is_one_on_the_diagonal_and_symmetric()
    {
        foreach (IKernel kernel in TestData.AllKernels(0.7))
        {
            Assert.Equal(1.0, kernel.ValueFromSquaredDistance(0.0));
            Assert.Equal(kernel.Value([0.1, 0.2, 0.3], [0.9, -0.4, 0.5]), kernel.Value([0.9, -0.4, 0.5], [0.1, 0.2, 0.3]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Gradients_match_central_differences(int dimension)
    {
        // Central differences with step h = 1e-5: truncation error ~h²|k'''| ~ 1e-10/σ³ and
        // rounding ~ε/h ~ 1e-11, both far below the tolerance 1e-7·(scale of the gradient, 1/σ).
        const double step = 1e-5;
        var random = new Random(17 + dimension);
        foreach (IKernel kernel in TestData.AllKernels(0.7))
        {
            for (int trial = 0; trial < 20; trial++)
            {
                var x = new double[dimension];
                var y = new double[dimension];
                for (int c = 0; c < dimension; c++)
                {
                    x[c] = random.NextDouble() - 0.5;
                    y[c] = random.NextDouble() - 0.5;
                }

                if (Math.Sqrt(PointGeometry.SquaredDistance(x, y)) < 0.05)
                {
                    continue; // keep h far from the Laplace cone at r = 0
                }

                var gradient = new double[dimension];
                kernel.Gradient(x, y, gradient);
                for (int c = 0; c < dimension; c++)
                {
                    double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
                    plus[c] += step;
                    minus[c] -= step;
                    double difference = (kernel.Value(plus, y) - kernel.Value(minus, y)) / (2 * step);
                    NumericAssert.ScalarClose(gradient[c], difference, 1e-7, $"{kernel} ∂{c} at trial {trial}", scale: 1.0 / kernel.Bandwidth);
                }
            }
        }
    }

    [Fact]
    public void Vector_profiles_agree_with_scalar_profiles()
    {
        // Vector.Exp/SquareRoot versus Math.Exp/Sqrt: a few ulps, so 1e-14 relative.
        int width = System.Numerics.Vector<double>.Count;
        foreach (IKernel kernel in TestData.AllKernels(0.4))
        {
            for (int start = 0; start < 64; start += width)
            {
                var squared = new double[width];
                for (int l = 0; l < width; l++)
                {
                    squared[l] = 0.01 * (start + l) * (start + l);
                }

                var value = kernel.ValueFromSquaredDistance(new System.Numerics.Vector<double>(squared));
                var factor = kernel.GradientFactorFromSquaredDistance(new System.Numerics.Vector<double>(squared));
                for (int l = 0; l < width; l++)
                {
                    NumericAssert.ScalarClose(value[l], kernel.ValueFromSquaredDistance(squared[l]), 1e-14, $"{kernel} value lane", scale: 1e-300);
                    NumericAssert.ScalarClose(factor[l], kernel.GradientFactorFromSquaredDistance(squared[l]), 1e-14, $"{kernel} factor lane", scale: 1e-300);
                }
            }
        }
    }
}
