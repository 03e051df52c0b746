using BenchmarkDotNet.Attributes;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.KernelApprox.Reactions;

namespace PdeFlows.Bench;

/// <summary>Matrix-free Gaussian kernel product, N = 20 000 points in 2D (4·10⁸ pair evaluations per call: targets a separate copy of the sources, so the symmetric shortcut is not taken), on all cores and on one.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KernelProductBenchmark
{
    private PointSet points = null!;
    private PointSet targets = null!;
    private double[] weights = null!;
    private double[] result = null!;

    [Params(20_000)]
    public int Count { get; set; }

    [Params(-1, 1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (points, weights) = BenchmarkProblems.KernelProductProblem(Count);
        targets = new PointSet(points.Coordinates, points.Dimension);
        result = new double[Count];
    }

    [Benchmark]
    public void SymmetricGaussianProduct() => KernelMatrixFreeProduct.Multiply(new GaussianKernel(0.5), points, points, weights, result, new KernelProductOptions { MaxDegreeOfParallelism = Threads });

    [Benchmark]
    public void GaussianProduct() => KernelMatrixFreeProduct.Multiply(new GaussianKernel(0.5), targets, points, weights, result, new KernelProductOptions { MaxDegreeOfParallelism = Threads });
}

/// <summary>One λ-FRk rate evaluation (projection with a pivoted-Cholesky/Woodbury solve) on a 127×127 grid, λ = 1e-6, from a fresh rate object (nothing cached).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KernelFisherRaoRateBenchmark
{
    private PointSet nodes = null!;
    private PdeFlows.Flows.NodalSetting setting = null!;
    private double[] density = null!;
    private double[] values = null!;

    [GlobalSetup]
    public void Setup()
    {
        (nodes, setting, density) = BenchmarkProblems.KernelGrid(127);
        values = new double[nodes.Count];
    }

    [Benchmark]
    public void LambdaFisherRaoRate() =>
        new KernelFisherRaoRate(new GaussianKernel(1.0), nodes, setting, RelativeEntropy.Instance, beta: 1.0, regularization: 1e-6, spherical: false).Rate(density, values);
}

/// <summary>The kernel-fr-spherical run of bench/cases/kernel-fr-spherical-401.toml (401 nodes, 400 steps, λ = 1e-6): problem build and solver loop, no files.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KernelRunBenchmark
{
    private PdeFlows.Runs.Cases.CaseDefinition definition = null!;

    [GlobalSetup]
    public void Setup() => definition = PdeFlows.Runs.Cases.CaseFileLoader.Load(Path.Combine(BenchmarkProblems.RepositoryRoot(), KernelQuickMode.DefaultCase));

    [Benchmark]
    public double KernelFisherRaoSphericalRun()
    {
        using var problem = PdeFlows.Runs.Problems.FlowProblemBuilder.Build(definition);
        var state = problem.Solver.AdvanceTo(problem.Solver.InitialState(problem.Discretization.InitialDensity.AsSpan()), definition.Time.End);
        return state.Density[0];
    }
}
