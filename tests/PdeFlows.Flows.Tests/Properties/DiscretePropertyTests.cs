using CsCheck;
using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Tests.Shared;

namespace PdeFlows.Flows.Tests.Properties;

/// <summary>
/// Properties of the transport matrix and its solvers over random meshes (CsCheck, fixed seeds):
/// the weighted stiffness A is symmetric with zero row sums (A·1 = 0: mass conservation) for any
/// positive weight; the linear-solver backends (managed Cholesky, CHOLMOD, conjugate gradients) agree
/// on (M + τA)x = b; and assembly is bitwise independent of the number of threads.
/// </summary>
public class DiscretePropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Count = 120;

    private static Gen<(RandomProblem Problem, double[] Weight, double Step, double[] RightHandSide)> Systems { get; } =
        from problem in RandomProblems.Problem
        from logStep in Gen.Double[-4, 1]
        from seed in Gen.Int[0, 1_000_000]
        select (problem, Weights(problem.Mesh.VertexCount, seed), Math.Pow(10, logStep), Weights(problem.Mesh.VertexCount, seed + 1));

    /// <summary>Positive nodal values spread over e^{±3}.</summary>
    private static double[] Weights(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Exp(3 * ((2 * random.NextDouble()) - 1))).ToArray();
    }

    [Fact]
    public void Weighted_stiffness_is_symmetric_with_zero_row_sums()
    {
        int rows = 0, perturbed = 0;
        Systems.Array[Count].Sample(cases => Array.ForEach(cases, c =>
        {
            perturbed += c.Problem.Moved > 0 ? 1 : 0;
            foreach (CsrMatrix a in new[] { WeightedStiffness.Assemble(c.Problem.Space, c.Weight), WeightedStiffness.Assemble(c.Problem.Space, c.Problem.Target) })
            {
                double[,] dense = a.ToDense();
                int n = a.RowCount;
                double largest = 0;
                foreach (double v in dense)
                {
                    largest = Math.Max(largest, Math.Abs(v));
                }

                for (int i = 0; i < n; i++)
                {
                    double sum = 0, rowScale = 0;
                    for (int j = 0; j < n; j++)
                    {
                        // Assembled cell by cell in one order for (i, j) and (j, i): symmetric to the last bit
                        // up to summation order; 1e-14 of the largest entry allows for that.
                        Assert.True(Math.Abs(dense[i, j] - dense[j, i]) <= 1e-14 * largest, $"A[{i},{j}] = {dense[i, j]:R} ≠ A[{j},{i}] = {dense[j, i]:R}; {c.Problem}");
                        sum += dense[i, j];
                        rowScale += Math.Abs(dense[i, j]);
                    }

                    // Σⱼ ∇φⱼ = 0 on every cell: the row sum is round-off of the row's entries.
                    Assert.True(Math.Abs(sum) <= 1e-13 * rowScale, $"row {i} sums to {sum:E2} (entries of size {rowScale:E2}); {c.Problem}");
                    rows++;
                }
            }
        }), seed: "0G0Qzuc6Yk1b", iter: 1, threads: 1);
        output.WriteLine($"{Count} random meshes ({perturbed} with moved vertices) and weights: {rows} rows symmetric with zero sums");
        // The generator must really produce unstructured meshes, not only the structured grids.
        Assert.True(perturbed >= Count / 5, $"only {perturbed} of {Count} meshes had moved vertices");
    }

    [Fact]
    public void Linear_solver_backends_agree_on_the_transport_system()
    {
        NativeTool.Require(CholmodLibrary.IsAvailable, "libcholmod.so.3 does not load (install libsuitesparse-dev)");
        double worstDirect = 0, worstIterative = 0;
        Systems.Array[Count].Sample(cases => Array.ForEach(cases, c =>
        {
            // (M + τA) with the consistent mass and the weighted stiffness: symmetric positive definite.
            var space = c.Problem.Space;
            CsrMatrix system = CsrMatrix.LinearCombination(1, ConsistentMass.Assemble(space), c.Step, WeightedStiffness.Assemble(space, c.Weight));
            double[] managed = Solve(LinearSolverKind.Managed, system, c.RightHandSide);
            double[] cholmod = Solve(LinearSolverKind.Cholmod, system, c.RightHandSide);
            double[] pcg = Solve(LinearSolverKind.Pcg, system, c.RightHandSide);
            double direct = RelativeDifference(cholmod, managed), iterative = RelativeDifference(pcg, managed);
            // Two backward-stable Cholesky factorizations: cond(M + τA) ε ≤ 1e-9 here (cond ≤ 1e6).
            Assert.True(direct <= 1e-9, $"CHOLMOD vs managed: {direct:E2}; {c.Problem}, τ = {c.Step:G3}");
            // CG to a relative residual of 1e-13 (below): error ≤ cond · 1e-13 ≤ 1e-7.
            Assert.True(iterative <= 1e-7, $"PCG vs managed: {iterative:E2}; {c.Problem}, τ = {c.Step:G3}");
            worstDirect = Math.Max(worstDirect, direct);
            worstIterative = Math.Max(worstIterative, iterative);
        }), seed: "0V2BLxlQ0WjF", iter: 1, threads: 1);
        output.WriteLine($"{Count} random systems: CHOLMOD vs managed ≤ {worstDirect:E2}, PCG vs managed ≤ {worstIterative:E2}");
    }

    [Fact]
    public void Assembly_is_bitwise_independent_of_the_thread_count()
    {
        int matrices = 0;
        Systems.Array[Count].Sample(cases => Array.ForEach(cases, c =>
        {
            var one = new AssemblyOptions(MaxDegreeOfParallelism: 1);
            foreach (int threads in new[] { 2, 3, 8 })
            {
                var many = new AssemblyOptions(MaxDegreeOfParallelism: threads);
                Assert.Equal(Bits(WeightedStiffness.Assemble(c.Problem.Space, c.Weight, one).Values), Bits(WeightedStiffness.Assemble(c.Problem.Space, c.Weight, many).Values));
                Assert.Equal(Bits(WeightedStiffness.Assemble(c.Problem.Space, c.Problem.Target, one).Values), Bits(WeightedStiffness.Assemble(c.Problem.Space, c.Problem.Target, many).Values));
                Assert.Equal(Bits(LumpedMass.Compute(c.Problem.Space, one)), Bits(LumpedMass.Compute(c.Problem.Space, many)));
                Assert.Equal(Bits(ConsistentMass.Assemble(c.Problem.Space, one).Values), Bits(ConsistentMass.Assemble(c.Problem.Space, many).Values));
                matrices += 4;
            }
        }), seed: "0SlU6sIzG3i0", iter: 1, threads: 1);
        output.WriteLine($"{Count} random meshes: {matrices} assemblies with 2, 3 and 8 threads bitwise equal to 1 thread");
    }

    private static double[] Solve(LinearSolverKind kind, CsrMatrix matrix, double[] rhs)
    {
        var selection = LinearSolverFactory.Create(kind, new ConjugateGradientOptions(1e-13, 100_000));
        using ISymmetricSolver solver = selection.Solver;
        Assert.Equal(kind, selection.Kind);
        solver.Analyze(matrix.Pattern);
        solver.Factorize(matrix);
        var x = new double[rhs.Length];
        solver.Solve(rhs, x);
        return x;
    }

    private static double RelativeDifference(double[] a, double[] b)
    {
        double difference = 0, norm = 0;
        for (int i = 0; i < a.Length; i++)
        {
            difference += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }

        return Math.Sqrt(difference / norm);
    }

    private static long[] Bits(ReadOnlySpan<double> values) => values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();
}
