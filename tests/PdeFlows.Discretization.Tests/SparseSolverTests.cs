using PdeFlows.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>Managed Cholesky, CHOLMOD and PCG against dense MathNet solves; fill of AMD; failure reporting.</summary>
public class SparseSolverTests(ITestOutputHelper output)
{
    private const string NoCholmod = "libcholmod.so.3 does not load on this machine (install libsuitesparse-dev)";

    /// <summary>A random symmetric sparse matrix, strictly diagonally dominant (hence SPD), n × n.</summary>
    internal static CsrMatrix RandomSpd(int n, double density, int seed)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        var diagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (random.NextDouble() < density)
                {
                    double v = random.NextDouble() - 0.5;
                    rows.AddRange([i, j]);
                    cols.AddRange([j, i]);
                    vals.AddRange([v, v]);
                    diagonal[i] += Math.Abs(v);
                    diagonal[j] += Math.Abs(v);
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            rows.Add(i);
            cols.Add(i);
            vals.Add(diagonal[i] + 0.1 + random.NextDouble());
        }

        return CsrMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>P1 stiffness (weighted) + mass on a 2D mesh: an assembled FE matrix.</summary>
    internal static CsrMatrix FiniteElementMatrix(int nx)
    {
        var space = new P1Space(MeshGenerators.Rectangle([0, 0], [1, 2], nx, 2 * nx));
        return CsrMatrix.LinearCombination(1, WeightedStiffness.Assemble(space, x => 1 + (x[0] * x[1])), 0.1, ConsistentMass.Assemble(space));
    }

    private void AgreesWithDense(ISymmetricSolver solver, CsrMatrix a, int seed, string label)
    {
        int n = a.RowCount;
        var random = new Random(seed);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        solver.Analyze(a.Pattern);
        solver.Factorize(a);
        var x = new double[n];
        solver.Solve(b, x);
        var dense = Matrix<double>.Build.DenseOfArray(a.ToDense());
        var reference = dense.Cholesky().Solve(Vector<double>.Build.DenseOfArray(b));
        var ax = new double[n];
        a.Multiply(x, ax);
        double residual = Math.Sqrt(ax.Zip(b, (p, q) => (p - q) * (p - q)).Sum()) / Math.Sqrt(b.Sum(v => v * v));
        double difference = (Vector<double>.Build.DenseOfArray(x) - reference).L2Norm() / reference.L2Norm();
        output.WriteLine($"{label,-32} {solver.Kind,-8} n={n,5}: relative residual {residual:E2}, relative difference to dense {difference:E2}");
        // 1e-12 (issue): a backward-stable Cholesky gives residual ~ n·ε·‖A‖‖x‖/‖b‖ ≈ 1e-14 for these well-conditioned matrices.
        Assert.True(residual <= 1e-12, $"{label}: residual {residual:E2}");
        Assert.True(difference <= 1e-10, $"{label}: difference to dense {difference:E2}");
    }

    [Theory]
    [InlineData(50, 0.1, 1)]
    [InlineData(300, 0.02, 2)]
    [InlineData(600, 0.005, 3)]
    public void Managed_cholesky_agrees_with_dense_on_random_spd(int n, double density, int seed)
    {
        AgreesWithDense(new ManagedCholeskySolver(), RandomSpd(n, density, seed), seed, "random SPD");
        AgreesWithDense(new ConjugateGradientSolver(new ConjugateGradientOptions(1e-14, 5000)), RandomSpd(n, density, seed), seed, "random SPD");
    }

    [Fact]
    public void Managed_cholesky_agrees_with_dense_on_an_assembled_matrix()
    {
        AgreesWithDense(new ManagedCholeskySolver(), FiniteElementMatrix(16), 7, "P1 stiffness + mass, 17×33");
    }

    [SkippableTheory]
    [InlineData(50, 0.1, 1)]
    [InlineData(600, 0.005, 3)]
    public void Cholmod_agrees_with_dense_on_random_spd(int n, double density, int seed)
    {
        NativeTool.Require(CholmodLibrary.IsAvailable, NoCholmod);
        using var solver = LinearSolverFactory.Create(LinearSolverKind.Cholmod).Solver;
        AgreesWithDense(solver, RandomSpd(n, density, seed), seed, "random SPD");
    }

    [SkippableFact]
    public void Cholmod_agrees_with_dense_on_an_assembled_matrix_and_refactorizes()
    {
        NativeTool.Require(CholmodLibrary.IsAvailable, NoCholmod);
        using var solver = LinearSolverFactory.Create(LinearSolverKind.Cholmod).Solver;
        var a = FiniteElementMatrix(16);
        AgreesWithDense(solver, a, 7, "P1 stiffness + mass, 17×33");
        // New values on the same pattern: Factorize again without Analyze.
        var scaled = CsrMatrix.LinearCombination(2, a, 0, a);
        var b = Enumerable.Repeat(1.0, a.RowCount).ToArray();
        var x1 = new double[a.RowCount];
        var x2 = new double[a.RowCount];
        solver.Solve(b, x1);
        solver.Factorize(scaled);
        solver.Solve(b, x2);
        Assert.True(TestSupport.MaxDifference(x1, x2.Select(v => 2 * v).ToArray()) < 1e-12 * x1.Max(Math.Abs));
    }

    [Fact]
    public void Auto_reports_its_choice()
    {
        var selection = LinearSolverFactory.Create(LinearSolverKind.Auto);
        using var solver = selection.Solver;
        output.WriteLine($"Auto → {selection.Kind}: {selection.Reason}");
        Assert.Equal(CholmodLibrary.IsAvailable ? LinearSolverKind.Cholmod : LinearSolverKind.Managed, selection.Kind);
        Assert.Contains(selection.Kind == LinearSolverKind.Cholmod ? "CHOLMOD loaded" : "not available", selection.Reason);
    }

    /// <summary>An SPD matrix whose row/column 7 is decoupled (stored zeros) with a negative diagonal.</summary>
    private static CsrMatrix IndefiniteAtColumnSeven()
    {
        var a = RandomSpd(40, 0.2, 11);
        var rp = a.Pattern.RowPointers;
        var ci = a.Pattern.ColumnIndices;
        for (int i = 0; i < a.RowCount; i++)
        {
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                if ((i == 7 || ci[p] == 7) && i != ci[p])
                {
                    a.Values[p] = 0;
                }
                else if (i == 7)
                {
                    a.Values[p] = -1;
                }
            }
        }

        return a;
    }

    [Fact]
    public void Managed_cholesky_names_the_failing_column()
    {
        var e = Assert.Throws<NotPositiveDefiniteException>(() => SparseCholesky.Factor(IndefiniteAtColumnSeven()));
        output.WriteLine(e.Message);
        Assert.Equal(7, e.Column);
        Assert.Contains("column 7", e.Message);
    }

    [SkippableFact]
    public void Cholmod_names_the_failing_column()
    {
        NativeTool.Require(CholmodLibrary.IsAvailable, NoCholmod);
        using var solver = LinearSolverFactory.Create(LinearSolverKind.Cholmod).Solver;
        var a = IndefiniteAtColumnSeven();
        solver.Analyze(a.Pattern);
        var e = Assert.Throws<NotPositiveDefiniteException>(() => solver.Factorize(a));
        output.WriteLine(e.Message);
        Assert.Equal(7, e.Column);
    }

    [Fact]
    public void Amd_fill_on_a_257_squared_grid_is_close_to_nested_dissection()
    {
        // 5-point Laplacian pattern on an n × n grid of nodes, n = 257 (a 256 × 256 grid of cells).
        int n = 257;
        var rows = new List<int>();
        var cols = new List<int>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int v = i + (n * j);
                rows.Add(v);
                cols.Add(v);
                if (i + 1 < n)
                {
                    rows.AddRange([v, v + 1]);
                    cols.AddRange([v + 1, v]);
                }

                if (j + 1 < n)
                {
                    rows.AddRange([v, v + n]);
                    cols.AddRange([v + n, v]);
                }
            }
        }

        var fivePoint = SparsityPattern.FromPairs(n * n, rows.ToArray(), cols.ToArray());
        var amd = SymbolicCholesky.Analyze(fivePoint);
        var natural = SymbolicCholesky.Analyze(fivePoint, FillReducingOrdering.Natural);
        var p1 = SymbolicCholesky.Analyze(new P1Space(MeshGenerators.Rectangle([0, 0], [1, 1], n - 1, n - 1)).Sparsity.Pattern);
        double george = 31.0 / 4 * n * n * Math.Log2(n);
        output.WriteLine($"grid {n}×{n} nodes: nnz(A) 5-point = {fivePoint.NonzeroCount}, P1 = {p1.Pattern.NonzeroCount}");
        output.WriteLine($"  nnz(L) managed AMD, 5-point      = {amd.FactorNonzeroCount,10}  ({amd.FactorNonzeroCount / george:F2} × George)");
        output.WriteLine($"  nnz(L) managed AMD, P1 triangles = {p1.FactorNonzeroCount,10}  ({p1.FactorNonzeroCount / george:F2} × George)");
        output.WriteLine($"  nnz(L) natural (band) order, 5-pt = {natural.FactorNonzeroCount,10}");
        if (CholmodLibrary.IsAvailable)
        {
            using var cholmod = (CholmodSolver)LinearSolverFactory.Create(LinearSolverKind.Cholmod).Solver;
            cholmod.Analyze(fivePoint);
            long c5 = cholmod.FactorNonzeroCount;
            cholmod.Analyze(p1.Pattern);
            output.WriteLine($"  nnz(L) CHOLMOD default ordering: 5-point {c5}, P1 {cholmod.FactorNonzeroCount}");
        }

        output.WriteLine($"  George nested dissection (31/4) n² log₂ n = {george,10:F0}");
        // Within 2× of the nested-dissection figure for the P1 operator (the issue allows 5-point or P1).
        // The formula is the leading term only; its O(n²) correction is negative, so at n = 257 good
        // orderings land below it: the 5-point AMD fill is ≈ 0.46×, so for it we assert the upper bound.
        Assert.InRange(p1.FactorNonzeroCount / george, 0.5, 2.0);
        Assert.InRange(amd.FactorNonzeroCount / george, 0.25, 2.0);
        Assert.True(amd.FactorNonzeroCount * 3 < natural.FactorNonzeroCount);
    }

    [Fact]
    public void Amd_returns_a_permutation()
    {
        var a = RandomSpd(500, 0.01, 5);
        var p = ApproximateMinimumDegree.Order(a.Pattern);
        Assert.Equal(Enumerable.Range(0, 500), p.OrderBy(v => v));
    }
}
