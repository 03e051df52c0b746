using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Projection;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>
/// Tensor-grid nodes with the (separable) Gaussian kernel: detection of the grid, the Kronecker
/// product against the naive pairwise sum, and the eigenvector factor's Woodbury solve against the
/// independent dense reference of <see cref="ReferenceProjection"/>.
/// </summary>
public class TensorGridTests(ITestOutputHelper output)
{
    private const double Epsilon = 1.1102230246251565e-16; // unit roundoff 2⁻⁵³

    [Fact]
    public void Shuffled_nonuniform_grids_are_detected_and_broken_ones_are_not()
    {
        double[] xs = [-1.0, -0.3, 0.0, 0.45, 2.0], ys = [0.0, 0.1, 0.7, 1.5];
        PointSet grid = Grid2D(xs, ys, shuffleSeed: 3);
        TensorGrid? detected = TensorGrid.TryCreate(grid);
        Assert.NotNull(detected);
        Assert.Equal(xs, detected!.Axis(0).ToArray());
        Assert.Equal(ys, detected.Axis(1).ToArray());
        Assert.Equal([xs.Length, ys.Length], detected.Shape.ToArray());
        for (int i = 0; i < grid.Count; i++)
        {
            // The tensor position decodes to the point's own coordinates.
            int position = detected.TensorIndex[i];
            Assert.Equal(xs[position / ys.Length], grid.Point(i)[0]);
            Assert.Equal(ys[position % ys.Length], grid.Point(i)[1]);
            Assert.Equal(xs[detected.AxisIndex(0)[i]], grid.Point(i)[0]);
            Assert.Equal(ys[detected.AxisIndex(1)[i]], grid.Point(i)[1]);
        }

        double[] coordinates = grid.Coordinates.ToArray();
        double[] missing = coordinates[..^2];                         // one combination missing
        double[] repeated = [.. coordinates[..^2], coordinates[0], coordinates[1]]; // n = Π nₐ, but a point twice
        double[] moved = (double[])coordinates.Clone();
        moved[4] += 1e-12;                                            // a rounding-level move breaks exactness
        Assert.Null(TensorGrid.TryCreate(new PointSet(missing, 2)));
        Assert.Null(TensorGrid.TryCreate(new PointSet(repeated, 2)));
        Assert.Null(TensorGrid.TryCreate(new PointSet(moved, 2)));
        Assert.Null(TensorGrid.TryCreate(new PointSet([0.0, 1.0, 2.0, 3.0], 1))); // 1-D: nothing to gain
        Assert.NotNull(TensorGrid.TryCreate(Grid3D(4, 3, 5)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Kronecker_product_matches_the_naive_pairwise_sum(int dimension)
    {
        PointSet points = dimension == 2 ? Grid2D(NonUniform(23, 0.0, 2.0), NonUniform(17, -1.0, 1.5), shuffleSeed: 7) : Grid3D(9, 7, 8);
        var kernel = new GaussianKernel(0.6);
        double[] x = TestData.RandomVector(points.Count, seed: 11);
        TensorGrid grid = TensorGrid.TryCreate(points)!;
        var product = new double[points.Count];
        new TensorGridKernelProduct(kernel, grid).Multiply(x, product);
        double[] naive = TestData.NaiveProduct(kernel, points, points, x);

        // Worst-case rounding (Higham): each entry is a product of d rounded exponentials ((d + 1)ε
        // relative) summed in some order (≤ n ε relative to Σ|terms| for either summation), so
        // |Δᵢ| ≤ (2n + d + 1)ε Σⱼ|k(xᵢ,xⱼ)xⱼ| bounds the difference of the two computations.
        double worst = 0.0;
        for (int i = 0; i < points.Count; i++)
        {
            double magnitude = 0.0;
            for (int j = 0; j < points.Count; j++)
            {
                magnitude += Math.Abs(kernel.Value(points.Point(i), points.Point(j)) * x[j]);
            }

            double ratio = Math.Abs(product[i] - naive[i]) / ((2 * points.Count + dimension + 1) * Epsilon * magnitude);
            worst = Math.Max(worst, ratio);
        }

        output.WriteLine($"d = {dimension}, n = {points.Count}: largest |Δ| / bound = {worst:E2}");
        Assert.True(worst <= 1.0, $"difference {worst:E3} × the rounding bound");
    }

    [Fact]
    public void Kronecker_product_is_bitwise_independent_of_the_thread_count()
    {
        PointSet points = Grid3D(40, 30, 20); // large enough for the threaded axis passes
        var kernel = new GaussianKernel(0.4);
        double[] x = TestData.RandomVector(points.Count, seed: 2);
        TensorGrid grid = TensorGrid.TryCreate(points)!;
        var serial = new double[points.Count];
        var threaded = new double[points.Count];
        new TensorGridKernelProduct(kernel, grid, new KernelProductOptions { MaxDegreeOfParallelism = 1 }).Multiply(x, serial);
        new TensorGridKernelProduct(kernel, grid).Multiply(x, threaded);
        Assert.Equal(serial, threaded);
    }

    [Fact]
    public void Eigenvector_factor_meets_its_trace_bound_and_reports_the_true_residual_diagonal()
    {
        PointSet points = Grid2D(NonUniform(21, -2.0, 2.0), NonUniform(18, -1.5, 1.5), shuffleSeed: 5);
        int n = points.Count;
        var kernel = new GaussianKernel(0.8);
        double[] roots = TestData.RandomVector(n, seed: 8, low: 0.05, high: 0.4);
        const double lambda = 1e-6, eta = 1e-3;
        var factor = new TensorGridEigenFactor(new TensorGridKernelProduct(kernel, TensorGrid.TryCreate(points)!));
        WeightedLowRankShiftedSolver solver = factor.WeightedSolver(roots, lambda, eta, maximumRank: n)!;

        // The guarantee Σ wᵢ(𝖪 − L Lᵀ)ᵢᵢ ≤ ηλ is what the factor reports; it is checked independently
        // through an actual solve: its relative residual against the dense S (scalar kernel values,
        // naive loops) must obey ‖W^{½}EW^{½}‖₂/λ ≤ tr/λ ≤ η.
        Assert.True(solver.ResidualTrace <= eta * lambda, $"trace {solver.ResidualTrace:E3} > ηλ");
        Assert.True(solver.Rank < n / 2, $"rank {solver.Rank} of {n}");
        double[] b = TestData.RandomVector(n, seed: 9);
        var z = new double[n];
        solver.Solve(b, z);
        double residual = DenseRelativeResidual(kernel, points, roots, lambda, b, z);
        output.WriteLine($"n = {n}: rank {solver.Rank}, trace {solver.ResidualTrace:E2} (ηλ = {eta * lambda:E0}), relative residual against the dense S {residual:E2}");
        Assert.True(residual <= eta, $"relative residual {residual:E3} above η = {eta}"); // ‖E‖₂/λ ≤ tr/λ ≤ η
        Assert.True(residual <= solver.ResidualTrace / lambda * (1 + 1e-6) + 1e-12, "the residual exceeds the trace bound of the factor");
    }

    [Theory]
    [InlineData(false, 1e-6)]
    [InlineData(true, 1e-6)]
    [InlineData(true, 1e-3)]
    public void Projection_on_a_grid_beyond_the_factor_limit_matches_the_independent_dense_reference(bool spherical, double lambda)
    {
        // FactorSizeLimit = 0 and DenseStorageLimit = 0 put a small grid on the path a large one takes:
        // Kronecker products and the eigenvector factor, refined with the true S.
        PointSet points = Grid2D(NonUniform(33, -3.0, 3.0), NonUniform(29, -2.5, 2.5), shuffleSeed: 1);
        int n = points.Count;
        var kernel = new GaussianKernel(1.0);
        double[] weights = new double[n], force = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = points.Point(i)[0], y = points.Point(i)[1];
            weights[i] = 0.05 * Math.Exp(-((x * x) + (y * y)) / 4.5);
            force[i] = Math.Log(weights[i] / (0.05 * Math.Exp(-(((x - 1) * (x - 1)) + (y * y)) / 0.5))) + 1.0;
        }

        var matrix = new FixedNodeKernelMatrix(kernel, points, new FixedNodeKernelOptions { DenseStorageLimit = 0, FactorSizeLimit = 0 });
        Assert.True(matrix.UsesTensorGridProduct);
        RkhsProjectionResult fast = spherical ? RkhsProjection.ProjectSpherical(matrix, weights, force, lambda) : RkhsProjection.Project(matrix, weights, force, lambda);
        var (reference, referenceResidual) = ReferenceProjection.Response(kernel, points, weights, force, lambda, spherical);
        double mean = spherical ? RkhsProjection.WeightedMean(weights, force) : 0.0;
        double error = ReferenceProjection.WeightedRelativeDistance(weights, fast.Response.Span, reference, force.Select(f => f - mean).ToArray());

        // As in FixedNodeProjectionTests: ‖r̃ − r‖_w/‖Qξ‖_w ≤ res̃ + res + product rounding; the fast
        // path must be refined to a fixed cap (1e-12), not just to its factor's guarantee η.
        Assert.Equal(ShiftedSolveMethod.LowRank, fast.Solve.Method);
        Assert.True(fast.Solve.Rank < n / 2, $"rank {fast.Solve.Rank} of {n}");
        Assert.True(fast.Solve.RelativeResidual <= 1e-12, $"fast residual {fast.Solve.RelativeResidual:E3}");
        double bound = fast.Solve.RelativeResidual + referenceResidual + 1e-13;
        output.WriteLine($"spherical={spherical} λ={lambda:E0}: rank {fast.Solve.Rank} of {n}, {fast.Solve.RefinementIterations} refinement(s), residual {fast.Solve.RelativeResidual:E2}, error {error:E2} ≤ {bound:E2}");
        Assert.True(error <= bound, $"weighted response error {error:E3} > bound {bound:E3}");
    }

    [Fact]
    public void Projection_on_the_tensor_grid_path_is_bitwise_independent_of_the_thread_count()
    {
        // 96×90 nodes: n·nₐ ≥ 2¹⁹ multiply–adds per axis pass, so the passes of the products and of the
        // eigenvector choice run threaded.
        PointSet points = Grid2D(NonUniform(96, -3.0, 3.0), NonUniform(90, -2.5, 2.5), shuffleSeed: 4);
        int n = points.Count;
        var kernel = new GaussianKernel(1.0);
        double[] weights = TestData.RandomVector(n, seed: 12, low: 1e-4, high: 1e-3);
        double[] force = TestData.RandomVector(n, seed: 13);
        var limits = new FixedNodeKernelOptions { DenseStorageLimit = 0, FactorSizeLimit = 0 };
        var one = new KernelProductOptions { MaxDegreeOfParallelism = 1 };
        var serialOptions = new RkhsProjectionOptions { Product = one, FixedNodes = limits, Solve = new ShiftedSolveOptions { MaxDegreeOfParallelism = 1 } };
        var threadedOptions = new RkhsProjectionOptions { FixedNodes = limits };
        RkhsProjectionResult serial = RkhsProjection.ProjectSpherical(new FixedNodeKernelMatrix(kernel, points, limits, one), weights, force, 1e-6, serialOptions);
        RkhsProjectionResult threaded = RkhsProjection.ProjectSpherical(new FixedNodeKernelMatrix(kernel, points, limits), weights, force, 1e-6, threadedOptions);
        Assert.Equal(ShiftedSolveMethod.LowRank, threaded.Solve.Method);
        Assert.Equal(serial.Response.ToArray(), threaded.Response.ToArray());
        Assert.Equal(serial.Dissipation, threaded.Dissipation);
    }

    private static double DenseRelativeResidual(IKernel kernel, PointSet points, double[] roots, double lambda, double[] b, double[] z)
    {
        int n = points.Count;
        double residualSquared = 0.0, rightSquared = 0.0;
        for (int i = 0; i < n; i++)
        {
            double sum = lambda * z[i];
            for (int j = 0; j < n; j++)
            {
                sum += roots[i] * kernel.Value(points.Point(i), points.Point(j)) * roots[j] * z[j];
            }

            residualSquared += (sum - b[i]) * (sum - b[i]);
            rightSquared += b[i] * b[i];
        }

        return Math.Sqrt(residualSquared / rightSquared);
    }

    private static double[] NonUniform(int count, double low, double high) =>
        Enumerable.Range(0, count).Select(k => low + ((high - low) * Math.Pow((double)k / (count - 1), 1.3))).ToArray();

    private static PointSet Grid2D(double[] xs, double[] ys, int shuffleSeed)
    {
        var points = new List<(double X, double Y)>();
        foreach (double x in xs)
        {
            foreach (double y in ys)
            {
                points.Add((x, y));
            }
        }

        var random = new Random(shuffleSeed);
        var shuffled = points.OrderBy(_ => random.Next()).ToList();
        return new PointSet(shuffled.SelectMany(p => new[] { p.X, p.Y }).ToArray(), 2);
    }

    private static PointSet Grid3D(int nx, int ny, int nz)
    {
        var coordinates = new List<double>();
        for (int a = 0; a < nx; a++)
        {
            for (int b = 0; b < ny; b++)
            {
                for (int c = 0; c < nz; c++)
                {
                    coordinates.AddRange([a * 0.1, -0.5 + (b * 0.13), c * c * 0.01]);
                }
            }
        }

        return new PointSet(coordinates.ToArray(), 3);
    }
}
