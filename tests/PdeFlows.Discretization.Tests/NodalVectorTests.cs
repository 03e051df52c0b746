using System.Runtime.Intrinsics;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Tests;

/// <summary>The vectorized nodal kernels: accuracy of the vector logarithm and exponential, padded tails, the fast χ² stiffness.</summary>
public class NodalVectorTests
{
    /// <summary>Distance in units in the last place of the exact (C library) value.</summary>
    private static double Ulps(double actual, double expected) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));

    [Fact]
    public void Vector_log_and_exp_are_within_two_ulp_of_the_c_library()
    {
        // The reactions and the EDB diagnostics use the vector functions; the rest of the code (and
        // the closed forms the tests compare with) the C library's. Two ulp is what the runtime's
        // implementation promises; the densities span 1e-300 … 1e300 and exponents −700 … 700.
        var random = new Random(1);
        double worstLog = 0, worstExp = 0;
        for (int k = 0; k < 200_000; k++)
        {
            double x = Math.Exp((random.NextDouble() * 1380) - 690);
            double y = (random.NextDouble() * 1400) - 700;
            double log = Vector256.Log(Vector256.Create(x)).GetElement(0);
            double exp = Vector256.Exp(Vector256.Create(y)).GetElement(0);
            if (Math.Log(x) != 0)
            {
                worstLog = Math.Max(worstLog, Ulps(log, Math.Log(x)));
            }

            double expected = Math.Exp(y);
            if (expected > 1e-300)
            {
                worstExp = Math.Max(worstExp, Ulps(exp, expected));
            }
        }

        Assert.True(worstLog <= 2, $"vector log is {worstLog} ulp off");
        Assert.True(worstExp <= 2, $"vector exp is {worstExp} ulp off");
    }

    [Fact]
    public void Padded_tails_load_and_store_only_the_lanes_inside()
    {
        var source = new double[] { 1, 2, 3, 4, 5, 6 };
        var loaded = NodalVector.Load(source, 4, -1);
        Assert.Equal([5.0, 6, -1, -1], new[] { loaded[0], loaded[1], loaded[2], loaded[3] });
        var target = new double[6];
        NodalVector.Store(Vector256.Create(7.0, 8, 9, 10), target, 4);
        Assert.Equal([0.0, 0, 0, 0, 7, 8], target);
        Assert.Equal(21.0, NodalVector.Sum(source, 0, 6));
        Assert.Equal(1 + 4 + 9 + 16 + 25 + 36.0, NodalVector.Dot(source, source, 0, 6));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Nodal_weighted_stiffness_equals_the_quadrature_assembly(int dimension)
    {
        var mesh = dimension switch
        {
            1 => MeshGenerators.Interval(0, 1, 17),
            2 => MeshGenerators.Rectangle([0, 0], [1, 2], 7, 9),
            _ => MeshGenerators.Box([0, 0, 0], [1, 1, 2], 3, 4, 5),
        };
        var space = new P1Space(mesh);
        var random = new Random(dimension);
        var weight = Enumerable.Range(0, space.DofCount).Select(_ => 0.1 + random.NextDouble()).ToArray();
        var expected = WeightedStiffness.Assemble(space, weight);
        var actual = new CsrMatrix(space.Sparsity.Pattern);
        new NodalWeightedStiffness(space).AssembleInto(weight, actual);
        double scale = expected.Values.ToArray().Max(Math.Abs);
        for (int k = 0; k < actual.Values.Length; k++)
        {
            // Both integrate the P1 weight exactly; they differ by the order of the floating-point sums.
            Assert.True(Math.Abs(actual.Values[k] - expected.Values[k]) <= 1e-13 * scale, $"entry {k}: {actual.Values[k]} vs {expected.Values[k]}");
        }
    }
}
