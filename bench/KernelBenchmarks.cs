using BenchmarkDotNet.Attributes;
using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Reactions;

namespace PdeFlows.Bench;

/// <summary>Matrix-free Gaussian kernel product, N = 20 000 points in 2D (4·10⁸ pair evaluations per call).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KernelProductBenchmark
{
    private PointSet points = null!;
    private double[] weights = null!;
    private double[] result = null!;

    [Params(20_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var coordinates = new double[2 * Count];
        for (int k = 0; k < coordinates.Length; k++)
        {
            coordinates[k] = 6.0 * random.NextDouble();
        }

        points = new PointSet(coordinates, 2);
        weights = Enumerable.Range(0, Count).Select(_ => random.NextDouble() - 0.5).ToArray();
        result = new double[Count];
    }

    [Benchmark]
    public void GaussianProduct() => KernelMatrixFreeProduct.Multiply(new GaussianKernel(0.5), points, points, weights, result);
}

/// <summary>One λ-FRk rate evaluation (projection with a pivoted-Cholesky/Woodbury solve) on a 127×127 grid, λ = 1e-6.</summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class KernelFisherRaoRateBenchmark
{
    private KernelFisherRaoRate rate = null!;
    private double[] density = null!;
    private double[] values = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int side = 127;
        double h = 6.0 / (side - 1);
        int n = side * side;
        var coordinates = new double[2 * n];
        var mass = new double[n];
        var target = new double[n];
        density = new double[n];
        for (int a = 0; a < side; a++)
        {
            for (int b = 0; b < side; b++)
            {
                int i = (a * side) + b;
                double x = -3 + (a * h), y = -3 + (b * h);
                coordinates[2 * i] = x;
                coordinates[(2 * i) + 1] = y;
                mass[i] = h * h * (a == 0 || a == side - 1 ? 0.5 : 1) * (b == 0 || b == side - 1 ? 0.5 : 1);
                target[i] = Math.Exp(-(((x - 1) * (x - 1)) + (y * y)) / 0.5) + Math.Exp(-(((x + 1) * (x + 1)) + (y * y)) / 0.5);
                density[i] = Math.Exp(-((x * x) + (y * y)) / 4.5);
            }
        }

        var nodes = new PointSet(coordinates, 2);
        rate = new KernelFisherRaoRate(new GaussianKernel(1.0), nodes, new NodalSetting(mass, target), RelativeEntropy.Instance, beta: 1.0, regularization: 1e-6, spherical: false);
        values = new double[n];
    }

    [Benchmark]
    public void LambdaFisherRaoRate() => rate.Rate(density, values);
}
