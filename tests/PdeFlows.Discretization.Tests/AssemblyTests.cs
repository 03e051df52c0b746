using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>Structure and invariants of assembled matrices; determinism; PCG; M-matrix check.</summary>
public class AssemblyTests(ITestOutputHelper output)
{
    private static double Weight(ReadOnlySpan<double> x) => 1 + (0.5 * Math.Sin(3 * x[0])) + (x.Length > 1 ? x[1] * x[1] : 0);

    [Theory]
    [InlineData(2, 96)]
    [InlineData(3, 14)]
    public void Assembly_is_bitwise_identical_for_any_thread_count(int d, int n)
    {
        var space = new P1Space(TestSupport.UnitBox(d, n));
        var nodal = space.Interpolate(Weight);
        var serial = new AssemblyOptions(MaxDegreeOfParallelism: 1);
        var pairs = new (CsrMatrix Serial, CsrMatrix Parallel)[]
        {
            (WeightedStiffness.Assemble(space, Weight, serial), WeightedStiffness.Assemble(space, Weight)),
            (WeightedStiffness.Assemble(space, nodal, serial), WeightedStiffness.Assemble(space, nodal, new AssemblyOptions(MaxDegreeOfParallelism: 3))),
            (WeightedMass.Assemble(space, Weight, serial), WeightedMass.Assemble(space, Weight)),
        };
        foreach (var (s, p) in pairs)
        {
            Assert.True(s.Values.SequenceEqual(p.Values), "values differ between thread counts");
        }

        Assert.True(LoadVector.Assemble(space, Weight, serial).SequenceEqual(LoadVector.Assemble(space, Weight)));
        output.WriteLine($"d={d}: {space.Sparsity.ColorCount} colours, nnz {space.Sparsity.Pattern.NonzeroCount}, bitwise equal");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Weighted_stiffness_is_symmetric_with_zero_row_sums(int d)
    {
        var space = new P1Space(TestSupport.UnitBox(d, 7));
        var a = WeightedStiffness.Assemble(space, space.Interpolate(Weight));
        var ones = Enumerable.Repeat(1.0, space.DofCount).ToArray();
        var rowSums = new double[space.DofCount];
        a.Multiply(ones, rowSums);
        double scale = a.Diagonal().Max();
        // Round-off: each row sums ~20 terms of size ≤ scale.
        Assert.True(rowSums.Max(Math.Abs) < 1e-13 * scale, "A·1 ≠ 0");
        Assert.True(a.SymmetryDefect() < 1e-15);

        // ∫ w |∇u|² for u = x₀ with w given as a function: 1ᵀ... = uᵀ A u = ∫ w (exact integral by quadrature).
        var u = space.Interpolate(x => x[0]);
        var au = new double[space.DofCount];
        WeightedStiffness.Assemble(space, Weight, new AssemblyOptions(QuadratureDegree: 6)).Multiply(u, au);
        double energy = u.Zip(au, (p, q) => p * q).Sum();
        Assert.Equal(space.Integrate(Weight, 6), energy, 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Generated_non_obtuse_meshes_give_M_matrices(int d)
    {
        var space = new P1Space(d == 2 ? MeshGenerators.Rectangle([0, 0], [2, 1], 20, 13) : MeshGenerators.Box([0, 0, 0], [1, 2, 1], 6, 7, 5));
        var report = MMatrixCheck.Check(WeightedStiffness.Assemble(space, space.Interpolate(Weight)));
        output.WriteLine($"d={d}: {report}");
        Assert.Equal(0, report.PositiveOffDiagonalCount);
        Assert.True(report.HasMMatrixSignPattern);
    }

    [Fact]
    public void An_obtuse_triangle_pair_breaks_the_M_matrix_property()
    {
        // Two triangles sharing the edge (0,0)–(2,0), both with an obtuse angle opposite it:
        // A_01 = −½ (cot θ₁ + cot θ₂) > 0 for θ ≈ 147°.
        double[] x = [0, 0, 2, 0, 1, 0.3, 1, -0.3];
        var mesh = new SimplexMesh(2, x, [0, 1, 2, 0, 3, 1]);
        var a = WeightedStiffness.Assemble(new P1Space(mesh));
        var report = MMatrixCheck.Check(a);
        double theta = 2 * Math.Atan(1 / 0.3);
        double expected = -(1 / Math.Tan(theta));
        output.WriteLine($"obtuse pair: {report}; A_01 = {a[0, 1]:F6} (expected {expected:F6})");
        Assert.Equal(expected, a[0, 1], 12);
        Assert.Equal(2, report.PositiveOffDiagonalCount); // (0,1) and (1,0)
        Assert.True(report.MaxRelativePositiveOffDiagonal > 0.1);
        Assert.False(report.HasMMatrixSignPattern);
    }

    [Fact]
    public void Incomplete_cholesky_beats_jacobi_on_laplacian_plus_mass()
    {
        var space = new P1Space(TestSupport.UnitBox(2, 80));
        var a = CsrMatrix.LinearCombination(1, WeightedStiffness.Assemble(space), 1, ConsistentMass.Assemble(space));
        var random = new Random(3);
        var b = Enumerable.Range(0, space.DofCount).Select(_ => random.NextDouble()).ToArray();
        var options = new ConjugateGradientOptions(1e-10, 5000);
        var xj = new double[b.Length];
        var xi = new double[b.Length];
        var jacobi = ConjugateGradient.Solve(a, b, xj, new JacobiPreconditioner(a), options);
        var ic0 = ConjugateGradient.Solve(a, b, xi, new IncompleteCholeskyPreconditioner(a), options);
        var none = ConjugateGradient.Solve(a, b, new double[b.Length], null, options);
        output.WriteLine($"81×81 nodes, tol 1e-10: CG {none.Iterations} it, Jacobi-PCG {jacobi.Iterations} it (res {jacobi.RelativeResidual:E2}), IC(0)-PCG {ic0.Iterations} it (res {ic0.RelativeResidual:E2})");
        Assert.True(jacobi.Converged && ic0.Converged);
        Assert.True(ic0.Iterations < jacobi.Iterations);
        // True residual within 10× the tolerance (the recursive residual drifts slightly): the
        // solver's report, and — not trusting the report — ‖b − A x‖/‖b‖ computed here.
        Assert.True(ic0.RelativeResidual < 1e-9);
        var ax = new double[b.Length];
        a.Multiply(xi, ax);
        double residual = Math.Sqrt(b.Select((v, i) => (v - ax[i]) * (v - ax[i])).Sum() / b.Select(v => v * v).Sum());
        Assert.True(residual < 1e-9, $"true relative residual {residual:E2}");
        Assert.True(TestSupport.MaxDifference(xj, xi) < 1e-7 * xi.Max(Math.Abs));
    }
}
