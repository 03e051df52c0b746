using MathNet.Numerics.LinearAlgebra;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>
/// The sparse Cholesky solves split over the elimination tree (<see cref="ParallelCholeskySolve"/>):
/// against dense MathNet solves (an independent reference) with the split forced on small matrices,
/// against the sequential loops at the 2D benchmark's size, and the same bits on one and two threads.
/// </summary>
public class ParallelCholeskySolveTests(ITestOutputHelper output)
{
    private static double[] RightHandSide(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.3).ToArray();
    }

    private static double[] Solve(SparseCholesky factor, double[] b, int threads)
    {
        int saved = BlockParallel.ThreadCount;
        BlockParallel.ThreadCount = threads;
        try
        {
            var x = new double[b.Length];
            factor.Solve(b, x);
            return x;
        }
        finally
        {
            BlockParallel.ThreadCount = saved;
        }
    }

    public static TheoryData<string> SmallMatrices => new() { "2D 40×40", "3D 9³" };

    private static CsrMatrix Small(string name) => name == "2D 40×40"
        ? IterativeSolverTests.Shifted(MeshGenerators.Rectangle([-1, -1], [1, 1], 40, 40), 0.05)
        : IterativeSolverTests.Shifted(MeshGenerators.Box([-1, -1, -1], [1, 1, 1], 9, 9, 9), 0.05);

    [Theory]
    [MemberData(nameof(SmallMatrices))]
    public void Forced_split_agrees_with_dense_and_gives_the_same_bits_on_one_and_two_threads(string name)
    {
        var a = Small(name);
        var factor = new SparseCholesky(SymbolicCholesky.Analyze(a.Pattern), parallelSolveMinimum: 0);
        factor.Factorize(a);
        Assert.True(factor.ParallelTaskCount >= 2, $"{name}: the split did not happen ({factor.ParallelTaskCount} tasks)");
        var b = RightHandSide(a.RowCount, 3);
        var one = Solve(factor, b, 1);
        var two = Solve(factor, b, 2);
        var reference = Matrix<double>.Build.DenseOfArray(a.ToDense()).Cholesky().Solve(Vector<double>.Build.DenseOfArray(b));
        double difference = (Vector<double>.Build.DenseOfArray(two) - reference).L2Norm() / reference.L2Norm();
        output.WriteLine($"{name}: n = {a.RowCount}, nnz(L) = {factor.FactorNonzeroCount}, {factor.ParallelTaskCount} tasks, relative difference to dense {difference:E2}");
        // 1e-12: two backward-stable solves differ by ≲ ε·κ, and these shifted P1 matrices have κ ≲ 1e3.
        Assert.True(difference <= 1e-12, $"{name}: difference to dense {difference:E2}");
        Assert.True(one.AsSpan().SequenceEqual(two), $"{name}: the solution depends on the thread count");
    }

    [Theory]
    [InlineData(200)] // the 2D benchmark's mesh, 40,401 nodes: 16-bit row indices
    [InlineData(260)] // 68,121 nodes > 65,536: 32-bit row indices
    public void Benchmark_size_split_agrees_with_the_sequential_loops(int cells)
    {
        // cells × cells squares with a time step's shift.
        var a = IterativeSolverTests.Shifted(MeshGenerators.Rectangle([-3, -3], [3, 3], cells, cells), 1e-3);
        var symbolic = SymbolicCholesky.Analyze(a.Pattern);
        var split = new SparseCholesky(symbolic);
        var sequential = new SparseCholesky(symbolic, parallelSolveMinimum: long.MaxValue);
        split.Factorize(a);
        sequential.Factorize(a);
        Assert.True(split.ParallelTaskCount >= 2, $"the default threshold did not split a factor of {split.FactorNonzeroCount} entries");
        Assert.Equal(0, sequential.ParallelTaskCount);
        var b = RightHandSide(a.RowCount, 4);
        var x = Solve(split, b, 2);
        var y = Solve(sequential, b, 1);
        double difference = Math.Sqrt(x.Zip(y, (p, q) => (p - q) * (p - q)).Sum() / y.Sum(v => v * v));
        var ax = new double[b.Length];
        a.Multiply(x, ax);
        double residual = Math.Sqrt(ax.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(v => v * v));
        output.WriteLine($"{cells}×{cells}: n = {a.RowCount}, nnz(L) = {split.FactorNonzeroCount}, {split.ParallelTaskCount} tasks, relative difference to the sequential loops {difference:E2}, residual {residual:E2}");
        // The same factor, the same products summed in another order: round-off only (κ of this mass-dominated system ≲ 1e2).
        Assert.True(difference <= 1e-13, $"difference to the sequential solve {difference:E2}");
        Assert.True(residual <= 1e-13, $"residual {residual:E2}");
    }
}
