using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>
/// The iterative path of the transport: CG with IC(0) or smoothed-aggregation multigrid against the
/// direct solve on the shifted systems M_π + cA; multigrid's iteration counts as h → 0; shared
/// symbolic analyses; no allocation per solve; results independent of the thread count.
/// </summary>
public class IterativeSolverTests(ITestOutputHelper output)
{
    /// <summary>π, a bump plus a floor, as in the transport: weights the mass and the stiffness.</summary>
    private static double Target(ReadOnlySpan<double> x)
    {
        double r2 = 0;
        foreach (double v in x)
        {
            r2 += (v - 0.3) * (v - 0.3);
        }

        return Math.Exp(-r2 / 0.5) + 0.05;
    }

    /// <summary>M_π + cA on a structured mesh of [−1, 1]^d (lumped weighted mass, π-weighted stiffness).</summary>
    internal static CsrMatrix Shifted(SimplexMesh mesh, double shift)
    {
        var space = new P1Space(mesh);
        var matrix = WeightedStiffness.Assemble(space, Target);
        var mass = LumpedMass.Compute(space);
        var pi = space.Interpolate(Target);
        var values = matrix.Values;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] *= shift;
        }

        for (int i = 0; i < mass.Length; i++)
        {
            values[matrix.Pattern.Find(i, i)] += mass[i] * pi[i];
        }

        return matrix;
    }

    private static SimplexMesh Square(int n) => MeshGenerators.Rectangle([-1, -1], [1, 1], n, n);

    private static SimplexMesh Cube(int n) => MeshGenerators.Box([-1, -1, -1], [1, 1, 1], n, n, n);

    private static double[] RightHandSide(CsrMatrix a, int seed)
    {
        var random = new Random(seed);
        var exact = new double[a.RowCount];
        for (int i = 0; i < exact.Length; i++)
        {
            exact[i] = 1 + random.NextDouble();
        }

        var b = new double[a.RowCount];
        a.Multiply(exact, b);
        return b;
    }

    public static TheoryData<int, double, PreconditionerKind> IterativeCases() => new()
    {
        // Shifts of a time step (c = τα-sized, mass-dominated) and stiff ones (c large: diffusion-dominated).
        { 2, 1e-4, PreconditionerKind.IncompleteCholesky },
        { 2, 1e-1, PreconditionerKind.IncompleteCholesky },
        { 2, 1e-4, PreconditionerKind.Multigrid },
        { 2, 1e-1, PreconditionerKind.Multigrid },
        { 3, 1e-3, PreconditionerKind.Multigrid },
        { 3, 1e1, PreconditionerKind.Multigrid },
    };

    [Theory]
    [MemberData(nameof(IterativeCases))]
    public void Transport_cg_stays_within_1e10_of_the_direct_solve(int dimension, double shift, PreconditionerKind kind)
    {
        // The direct solve is the reference (validated against dense solves in SparseSolverTests).
        var a = Shifted(dimension == 2 ? Square(48) : Cube(12), shift);
        var b = RightHandSide(a, 7);
        var direct = new double[b.Length];
        using (var cholesky = new ManagedCholeskySolver())
        {
            cholesky.Analyze(a.Pattern);
            cholesky.Factorize(a);
            cholesky.Solve(b, direct);
        }

        using var cg = new ConjugateGradientSolver(LinearSolverFactory.TransportConjugateGradient, kind);
        cg.Factorize(a);
        var x = new double[b.Length]; // cold start: the hardest case for the stopping rule
        cg.Solve(b, x);
        double error = 0, scale = 0;
        for (int i = 0; i < x.Length; i++)
        {
            error = Math.Max(error, Math.Abs(x[i] - direct[i]));
            scale = Math.Max(scale, Math.Abs(direct[i]));
        }

        output.WriteLine($"{dimension}D c = {shift:G3} {kind}: {cg.LastResult!.Value.Iterations} iterations, max error / max |x| = {error / scale:E2} {cg.Multigrid?.Describe()}");
        // The transport's stopping rule (relative residual 1e-12) must keep fields within 1e-10 of
        // the direct solve: the margin of 100 covers the condition number of these systems.
        Assert.True(error <= 1e-10 * scale, $"CG differs from the direct solve by {error / scale:E2} (relative)");
    }

    [Fact]
    public void Multigrid_iterations_do_not_grow_as_the_mesh_is_refined()
    {
        // A diffusion-dominated system (c = 10: cA ≫ M) where Jacobi or IC(0) would need O(1/h)
        // iterations; smoothed aggregation must keep them bounded.
        var counts = new List<int>();
        foreach (int n in new[] { 8, 16, 24 })
        {
            var a = Shifted(Cube(n), 10);
            var b = RightHandSide(a, 3);
            var solver = new ConjugateGradientSolver(new ConjugateGradientOptions(1e-10, 500), PreconditionerKind.Multigrid);
            solver.Factorize(a);
            solver.Solve(b, new double[b.Length]);
            counts.Add(solver.LastResult!.Value.Iterations);
            var ic = new ConjugateGradientSolver(new ConjugateGradientOptions(1e-10, 5000), PreconditionerKind.IncompleteCholesky);
            ic.Factorize(a);
            ic.Solve(b, new double[b.Length]);
            output.WriteLine($"{n}³: multigrid {counts[^1]} iterations ({solver.Multigrid!.Describe()}), IC(0) {ic.LastResult!.Value.Iterations}");
        }

        // h halves twice (n = 8 → 24, h / 3); with h-independent convergence the count may wander by
        // a few iterations, while IC(0) grows like 1/h (printed above for contrast).
        Assert.True(counts[^1] <= counts[0] + 5, $"multigrid iterations grow with the mesh: {string.Join(", ", counts)}");
        Assert.True(counts.Max() <= 30, $"multigrid needs too many iterations: {string.Join(", ", counts)}");
    }

    [Fact]
    public void Siblings_share_the_analysis_and_solve_like_a_fresh_solver()
    {
        var pattern = Shifted(Square(20), 1).Pattern;
        var kinds = new List<LinearSolverKind> { LinearSolverKind.Managed };
        if (CholmodLibrary.IsAvailable)
        {
            kinds.Add(LinearSolverKind.Cholmod);
        }

        foreach (var kind in kinds)
        {
            using var root = LinearSolverFactory.Create(kind).Solver;
            root.Analyze(pattern);
            foreach (double shift in new[] { 1e-3, 1e-1, 10 })
            {
                var a = Shifted(Square(20), shift);
                var b = RightHandSide(a, 1);
                using var sibling = root.CreateSibling();
                sibling.Factorize(new CsrMatrix(pattern, a.Values.ToArray()));
                using var fresh = LinearSolverFactory.Create(kind).Solver;
                fresh.Analyze(a.Pattern);
                fresh.Factorize(a);
                var x = new double[b.Length];
                var y = new double[b.Length];
                sibling.Solve(b, x);
                fresh.Solve(b, y);
                // Same ordering and the same numeric work: the same bits.
                Assert.Equal(y, x);
            }
        }
    }

    [Fact]
    public void Solves_allocate_nothing_after_the_first()
    {
        var a = Shifted(Square(30), 1e-3);
        var b = RightHandSide(a, 2);
        var x = new double[b.Length];
        var solvers = new List<ISymmetricSolver>
        {
            new ManagedCholeskySolver(),
            new ConjugateGradientSolver(LinearSolverFactory.TransportConjugateGradient, PreconditionerKind.IncompleteCholesky),
            new ConjugateGradientSolver(LinearSolverFactory.TransportConjugateGradient, PreconditionerKind.Multigrid),
        };
        if (CholmodLibrary.IsAvailable)
        {
            solvers.Add(LinearSolverFactory.Create(LinearSolverKind.Cholmod).Solver);
        }

        foreach (var solver in solvers)
        {
            solver.Analyze(a.Pattern);
            solver.Factorize(a);
            solver.Solve(b, x);
            Array.Clear(x);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 5; k++)
            {
                Array.Clear(x);
                solver.Solve(b, x);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{solver.GetType().Name}: {allocated} bytes allocated in 5 solves");
            solver.Dispose();
        }
    }

    [Fact]
    public void Products_and_cg_give_the_same_bits_on_one_and_two_threads()
    {
        // 3D, 36³ cells: 50,653 rows and ~740k entries, so the product and the vector passes run in
        // several blocks on the thread team.
        var a = Shifted(Cube(36), 1e-2);
        var b = RightHandSide(a, 5);
        double[] Run(int threads)
        {
            int saved = BlockParallel.ThreadCount;
            BlockParallel.ThreadCount = threads;
            try
            {
                var solver = new ConjugateGradientSolver(LinearSolverFactory.TransportConjugateGradient, PreconditionerKind.Multigrid);
                solver.Factorize(a);
                var x = new double[b.Length];
                solver.Solve(b, x);
                var product = new double[b.Length];
                a.Multiply(x, product);
                return [.. x, .. product];
            }
            finally
            {
                BlockParallel.ThreadCount = saved;
            }
        }

        var one = Run(1);
        var two = Run(2);
        Assert.True(one.AsSpan().SequenceEqual(two), "the results depend on the thread count");
    }

    [Fact]
    public void Sparse_products_agree_with_dense_ones()
    {
        var random = new Random(11);
        CsrMatrix RandomMatrix(int rows, int columns)
        {
            var pointers = new int[rows + 1];
            var indices = new List<int>();
            var values = new List<double>();
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    if (random.NextDouble() < 0.3)
                    {
                        indices.Add(j);
                        values.Add(random.NextDouble() - 0.5);
                    }
                }

                pointers[i + 1] = indices.Count;
            }

            return new CsrMatrix(new SparsityPattern(rows, columns, pointers, [.. indices]), [.. values]);
        }

        var a = RandomMatrix(13, 9);
        var b = RandomMatrix(9, 11);
        var product = SparseProducts.Multiply(a, b).ToDense();
        var transpose = SparseProducts.Transpose(a).ToDense();
        var da = a.ToDense();
        var db = b.ToDense();
        for (int i = 0; i < 13; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                double expected = 0;
                for (int k = 0; k < 9; k++)
                {
                    expected += da[i, k] * db[k, j];
                }

                Assert.Equal(expected, product[i, j], 1e-14);
            }

            for (int j = 0; j < 9; j++)
            {
                Assert.Equal(da[i, j], transpose[j, i]);
            }
        }
    }
}
