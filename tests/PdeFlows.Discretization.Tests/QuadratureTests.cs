using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.Quadrature;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>Quadrature rules against exact monomial integrals; the affine cell map.</summary>
public class QuadratureTests(ITestOutputHelper output)
{
    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    /// <summary>∫ over the reference d-simplex of Π ξ_k^{a_k} = Π a_k! / (Σ a_k + d)!.</summary>
    private static double ExactMonomial(int[] a) => a.Aggregate(1.0, (p, k) => p * Factorial(k)) / Factorial(a.Sum() + a.Length);

    private static IEnumerable<int[]> Exponents(int d, int degree)
    {
        for (int a = 0; a <= degree; a++)
        {
            if (d == 1)
            {
                yield return [a];
                continue;
            }

            for (int b = 0; a + b <= degree; b++)
            {
                if (d == 2)
                {
                    yield return [a, b];
                    continue;
                }

                for (int c = 0; a + b + c <= degree; c++)
                {
                    yield return [a, b, c];
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rules_integrate_every_monomial_up_to_their_degree_exactly(int d)
    {
        output.WriteLine($"d = {d}: degree, points, max relative monomial error");
        for (int degree = 1; degree <= 8; degree++)
        {
            foreach (var rule in new[] { SimplexQuadrature.Get(d, degree), SimplexQuadrature.ConicalProduct(d, degree) })
            {
                double worst = 0;
                foreach (var a in Exponents(d, rule.Degree))
                {
                    double sum = 0;
                    for (int q = 0; q < rule.PointCount; q++)
                    {
                        var x = rule.Point(q);
                        double term = rule.Weights[q];
                        for (int k = 0; k < d; k++)
                        {
                            term *= Math.Pow(x[k], a[k]);
                        }

                        sum += term;
                    }

                    double exact = ExactMonomial(a);
                    worst = Math.Max(worst, Math.Abs(sum - exact) / exact);
                }

                output.WriteLine($"  {rule.Degree,2} {rule.PointCount,4} {worst:E2}");
                // 1e-13 relative: sums of at most 125 positive terms, each with round-off ~1e-16; the eigen-solver nodes are accurate to ~1e-15.
                Assert.True(worst < 1e-13, $"d={d} degree={rule.Degree} ({rule.PointCount} points): relative error {worst:E2}");
                Assert.True(rule.Degree >= degree);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Rules_have_positive_weights_and_interior_points(int d)
    {
        for (int degree = 1; degree <= 8; degree++)
        {
            var rule = SimplexQuadrature.Get(d, degree);
            for (int q = 0; q < rule.PointCount; q++)
            {
                Assert.True(rule.Weights[q] > 0);
                foreach (double lambda in rule.BarycentricPoint(q))
                {
                    Assert.True(lambda > 0 && lambda < 1);
                }
            }
        }
    }

    [Fact]
    public void A_rule_is_not_exact_beyond_its_degree()
    {
        // The checker above can fail: the 3-point degree-2 triangle rule misses x³.
        var rule = SimplexQuadrature.Get(2, 2);
        double sum = 0;
        for (int q = 0; q < rule.PointCount; q++)
        {
            sum += rule.Weights[q] * Math.Pow(rule.Point(q)[0], 3);
        }

        Assert.True(Math.Abs(sum - ExactMonomial([3, 0])) > 1e-4); // the error is 1/1080 ≈ 9.3e-4
    }

    [Fact]
    public void Affine_map_gives_volume_and_barycentric_gradients()
    {
        // A general tetrahedron: λ_k(x_j) = δ_kj, so ∇λ_k · (x_j − x_0) = δ_kj − δ_k0.
        double[] x = [0.1, 0.2, 0.3, 1.3, 0.1, 0.4, 0.2, 1.1, 0.5, 0.3, 0.4, 1.7];
        var mesh = new SimplexMesh(3, x, [0, 1, 2, 3]);
        var gradients = new double[12];
        var scratch = new double[18];
        double det = AffineSimplexMap.BarycentricGradients(mesh, 0, gradients, scratch);
        Assert.Equal(mesh.CellVolume(0), det / 6, 14);
        for (int k = 0; k < 4; k++)
        {
            for (int j = 1; j < 4; j++)
            {
                double dot = 0;
                for (int r = 0; r < 3; r++)
                {
                    dot += gradients[(k * 3) + r] * (x[(j * 3) + r] - x[r]);
                }

                // 1e-13: a 3×3 inverse of an O(1) well-conditioned matrix.
                Assert.Equal((k == j ? 1 : 0) - (k == 0 ? 1 : 0), dot, 13);
            }
        }
    }
}
