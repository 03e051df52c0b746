using System.Text;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Norms;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>
/// Method of manufactured solutions for −∇·(w∇u) + c u = f on [0,1]^d with natural boundary
/// conditions: u = Π cos(π x_k) has zero normal derivative on the box, so no boundary load is needed;
/// w = 2 + Σ sin(x_k) varies in space, c = 1, f = −∇w·∇u − w Δu + c u. The weighted stiffness uses w at
/// the points of a degree-2 rule, the load a degree-3 rule; errors are measured by a degree-4 rule.
/// Expected (math.md §6): O(h²) in L², O(h) in the H¹ seminorm; the fitted slope over all levels must be
/// within ±0.1.
/// </summary>
public class ManufacturedSolutionConvergenceTests(ITestOutputHelper output)
{
    private static double Exact(ReadOnlySpan<double> x)
    {
        double u = 1;
        foreach (double xk in x)
        {
            u *= Math.Cos(Math.PI * xk);
        }

        return u;
    }

    private static void ExactGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        for (int k = 0; k < x.Length; k++)
        {
            double g = -Math.PI * Math.Sin(Math.PI * x[k]);
            for (int j = 0; j < x.Length; j++)
            {
                if (j != k)
                {
                    g *= Math.Cos(Math.PI * x[j]);
                }
            }

            gradient[k] = g;
        }
    }

    private static double Weight(ReadOnlySpan<double> x)
    {
        double w = 2;
        foreach (double xk in x)
        {
            w += Math.Sin(xk);
        }

        return w;
    }

    private static double Source(ReadOnlySpan<double> x)
    {
        Span<double> grad = stackalloc double[3];
        ExactGradient(x, grad[..x.Length]);
        double u = Exact(x), gradWdotGradU = 0;
        for (int k = 0; k < x.Length; k++)
        {
            gradWdotGradU += Math.Cos(x[k]) * grad[k];
        }

        double laplacian = -x.Length * Math.PI * Math.PI * u;
        return -gradWdotGradU - (Weight(x) * laplacian) + u;
    }

    [Theory]
    [InlineData(1, new[] { 8, 16, 32, 64, 128 })]
    [InlineData(2, new[] { 4, 8, 16, 32, 64 })]
    [InlineData(3, new[] { 8, 12, 16, 20, 24 })]
    public void Observed_orders_are_two_in_L2_and_one_in_H1(int d, int[] levels)
    {
        var h = new List<double>();
        var l2 = new List<double>();
        var h1 = new List<double>();
        var table = new StringBuilder($"d = {d}\n    N        h          L2 error   rate     H1 error   rate\n");
        foreach (int n in levels)
        {
            var space = new P1Space(TestSupport.UnitBox(d, n));
            var matrix = CsrMatrix.LinearCombination(1, WeightedStiffness.Assemble(space, Weight), 1, ConsistentMass.Assemble(space));
            var rhs = LoadVector.Assemble(space, Source);
            // PCG(IC0) to 1e-12: the algebraic error is far below the discretization error (≥ 3e-3 in L²
            // here) and it keeps the 3D levels fast; the direct solvers are tested against dense solves.
            var solver = new ConjugateGradientSolver(new ConjugateGradientOptions(1e-12, 10_000));
            solver.Factorize(matrix);
            var u = new double[space.DofCount];
            solver.Solve(rhs, u);
            h.Add(1.0 / n);
            l2.Add(ErrorNorms.L2Error(space, u, Exact));
            h1.Add(ErrorNorms.H1SeminormError(space, u, ExactGradient));
            int i = h.Count - 1;
            string Rate(List<double> e) => i == 0 ? "   -  " : $"{Math.Log(e[i - 1] / e[i]) / Math.Log(h[i - 1] / h[i]),6:F3}";
            table.AppendLine($"{n,5} {h[i],10:F5} {l2[i],12:E3} {Rate(l2)} {h1[i],12:E3} {Rate(h1)}");
        }

        table.AppendLine($"fitted slopes (least squares over all levels): L2 {TestSupport.FittedSlope(h, l2):F3}, H1 {TestSupport.FittedSlope(h, h1):F3}");
        output.WriteLine(table.ToString());
        TestSupport.AssertRate("L2", h, l2, 2, 0.1, table.ToString());
        TestSupport.AssertRate("H1", h, h1, 1, 0.1, table.ToString());
    }

    [Fact]
    public void The_rate_assertion_fails_on_a_wrong_rate()
    {
        // The checker can fail: errors ∝ h^1.5 are rejected when order 2 ± 0.1 is expected.
        double[] h = [0.5, 0.25, 0.125, 0.0625];
        double[] e = h.Select(x => Math.Pow(x, 1.5)).ToArray();
        Assert.Equal(1.5, TestSupport.FittedSlope(h, e), 12);
        Assert.ThrowsAny<Exception>(() => TestSupport.AssertRate("L2", h, e, 2, 0.1, "synthetic"));
    }
}
