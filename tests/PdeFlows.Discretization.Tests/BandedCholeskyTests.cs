using MathNet.Numerics.LinearAlgebra;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>
/// The banded LDLᵀ against dense MathNet Cholesky solves (an independent reference): tridiagonal
/// (the 1D transport), wider bands, a 2D matrix in its natural ordering; the failing column; the
/// choice of Auto (banded for an interval, not for a square).
/// </summary>
public class BandedCholeskyTests(ITestOutputHelper output)
{
    /// <summary>An SPD matrix with half-bandwidth exactly <paramref name="w"/>: random off-diagonals inside the band, a dominant diagonal.</summary>
    private static CsrMatrix RandomBanded(int n, int w, int seed)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        var diagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = Math.Max(0, i - w); j < i; j++)
            {
                // Keep the outermost diagonal always, the others with probability 0.7 (holes inside the band).
                if (i - j == w || random.NextDouble() < 0.7)
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
            vals.Add(diagonal[i] + 0.01 + (0.1 * random.NextDouble()));
        }

        return CsrMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    private double AgreesWithDense(CsrMatrix a, int seed, string label)
    {
        int n = a.RowCount;
        var random = new Random(seed);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var solver = new BandedCholeskySolver();
        solver.Analyze(a.Pattern);
        solver.Factorize(a);
        var x = new double[n];
        solver.Solve(b, x);
        var reference = Matrix<double>.Build.DenseOfArray(a.ToDense()).Cholesky().Solve(Vector<double>.Build.DenseOfArray(b));
        double difference = (Vector<double>.Build.DenseOfArray(x) - reference).L2Norm() / reference.L2Norm();
        // In place (b and x the same array) gives the same bits: the recurrences read b_i before writing x_i.
        var inPlace = (double[])b.Clone();
        solver.Solve(inPlace, inPlace);
        output.WriteLine($"{label,-40} n={n,5} w={solver.Bandwidth,3}: relative difference to dense {difference:E2}");
        // 1e-12: two backward-stable solves differ by ≲ ε·κ(A) in norm; the random bands have κ ≲ 1e3 and the
        // shifted P1 matrices up to ~4e6 (500 cells), where the observed difference is ~4e-13 (printed above).
        Assert.True(difference <= 1e-12, $"{label}: difference to dense {difference:E2}");
        Assert.Equal(x, inPlace);
        return difference;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(500, 3)]
    public void Tridiagonal_one_dimensional_transport_matrix_agrees_with_dense(int cells, int seed)
    {
        var a = IterativeSolverTests.Shifted(MeshGenerators.Interval(-1, 1, cells), 0.7);
        Assert.Equal(1, BandedCholesky.HalfBandwidth(a.Pattern));
        AgreesWithDense(a, seed, $"1D M_π + 0.7 A, {cells} cells");
    }

    [Theory]
    [InlineData(300, 1, 4)]
    [InlineData(300, 2, 5)]
    [InlineData(400, 5, 6)]
    [InlineData(60, 59, 7)]
    public void Random_banded_matrices_agree_with_dense(int n, int w, int seed)
    {
        var a = RandomBanded(n, w, seed);
        Assert.Equal(w, BandedCholesky.HalfBandwidth(a.Pattern));
        AgreesWithDense(a, seed, $"random band w={w}");
    }

    [Fact]
    public void Two_dimensional_matrix_in_its_natural_ordering_agrees_with_dense()
    {
        AgreesWithDense(IterativeSolverTests.Shifted(MeshGenerators.Rectangle([-1, -1], [1, 1], 12, 9), 2.0), 8, "2D M_π + 2A, 13×10 nodes");
    }

    [Fact]
    public void Refactorizing_new_values_on_the_same_pattern_matches_a_fresh_factorization()
    {
        var a = RandomBanded(200, 3, 9);
        var scaled = CsrMatrix.LinearCombination(3, a, 0, a);
        var solver = new BandedCholeskySolver();
        solver.Factorize(a);
        solver.Factorize(scaled);
        var b = Enumerable.Range(0, a.RowCount).Select(i => Math.Sin(i)).ToArray();
        var x = new double[a.RowCount];
        solver.Solve(b, x);
        var fresh = new BandedCholeskySolver();
        fresh.Factorize(scaled);
        var y = new double[a.RowCount];
        fresh.Solve(b, y);
        // The same arithmetic on the same numbers: no state of the first factorization may leak.
        Assert.Equal(y, x);
    }

    [Fact]
    public void A_negative_pivot_names_its_column()
    {
        var a = RandomBanded(40, 2, 10);
        var rows = a.Pattern.RowPointers;
        var columns = a.Pattern.ColumnIndices;
        for (int p = rows[17]; p < rows[18]; p++)
        {
            if (columns[p] == 17)
            {
                a.Values[p] = -1;
            }
        }

        var solver = new BandedCholeskySolver();
        var e = Assert.Throws<NotPositiveDefiniteException>(() => solver.Factorize(a));
        output.WriteLine(e.Message);
        Assert.Equal(17, e.Column);
    }

    [Fact]
    public void Auto_takes_the_band_on_an_interval_and_not_on_a_square()
    {
        var interval = IterativeSolverTests.Shifted(MeshGenerators.Interval(-1, 1, 2000), 1e-3);
        var chosen = LinearSolverFactory.ChooseAutomatically(LinearSolverKind.Auto, interval.Pattern, 1);
        using (chosen.Solver)
        {
            output.WriteLine($"interval: {chosen.Kind}: {chosen.Reason}");
            Assert.Equal(LinearSolverKind.Banded, chosen.Kind);
        }

        var square = IterativeSolverTests.Shifted(MeshGenerators.Rectangle([-1, -1], [1, 1], 40, 40), 1e-3);
        var other = LinearSolverFactory.ChooseAutomatically(LinearSolverKind.Auto, square.Pattern, 2);
        using (other.Solver)
        {
            output.WriteLine($"square: {other.Kind}: {other.Reason}");
            Assert.NotEqual(LinearSolverKind.Banded, other.Kind);
        }
    }
}
