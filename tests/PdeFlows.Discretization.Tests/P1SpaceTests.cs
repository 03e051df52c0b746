using PdeFlows.Discretization.Assembly;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Discretization.Tests;

/// <summary>Interpolation, point evaluation, integrals and the lumped mass of the P1 space.</summary>
public class P1SpaceTests(ITestOutputHelper output)
{
    private static double Linear(ReadOnlySpan<double> x)
    {
        double[] c = [2.0, -1.0, 0.5];
        double u = 1.25;
        for (int k = 0; k < x.Length; k++)
        {
            u += c[k] * x[k];
        }

        return u;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Linear_functions_are_reproduced_at_arbitrary_points(int d)
    {
        var mesh = d switch
        {
            1 => MeshGenerators.Interval(-1, 2, 17),
            2 => MeshGenerators.Rectangle([-1, 0], [2, 1.5], 13, 9),
            _ => MeshGenerators.Box([-1, 0, 0.5], [2, 1.5, 1], 7, 5, 4),
        };
        var space = new P1Space(mesh);
        var u = space.Interpolate(Linear);
        var (lower, upper) = mesh.BoundingBox();
        var random = new Random(20240601);
        var point = new double[d];
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            for (int k = 0; k < d; k++)
            {
                point[k] = lower[k] + ((upper[k] - lower[k]) * random.NextDouble());
            }

            double value = space.Evaluate(u, point);
            worst = Math.Max(worst, Math.Abs(value - Linear(point)));
        }

        output.WriteLine($"d={d}: max |I_h u − u| at 2000 random points = {worst:E2}");
        // 1e-12: round-off of barycentric coordinates times values O(10).
        Assert.True(worst < 1e-12, $"max error {worst:E2}");

        // Vertices and box corners are found (points on the boundary), points outside give NaN.
        Assert.Equal(Linear(upper), space.Evaluate(u, upper), 12);
        var outside = upper.Select(v => v + 0.1).ToArray();
        Assert.True(double.IsNaN(space.Evaluate(u, outside)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lumped_mass_sums_to_the_volume_and_integrates_nodal_fields_exactly(int d)
    {
        var mesh = TestSupport.UnitBox(d, 6);
        var space = new P1Space(mesh);
        var m = LumpedMass.Compute(space);
        // 1e-13: sums of a few thousand positive terms.
        Assert.Equal(1.0, m.Sum(), 13);
        var u = space.Interpolate(Linear);
        double lumped = m.Select((mi, i) => mi * u[i]).Sum();
        double exact = Linear(Enumerable.Repeat(0.5, d).ToArray()); // ∫ over [0,1]^d of a linear function = its value at the centre
        Assert.Equal(exact, lumped, 13);
        Assert.Equal(exact, space.Integrate(u), 13);
        Assert.Equal(exact, space.Integrate(Linear, 1), 13);

        // Consistent mass row sums are the lumped mass.
        var mass = ConsistentMass.Assemble(space);
        var ones = Enumerable.Repeat(1.0, space.DofCount).ToArray();
        var rowSums = new double[space.DofCount];
        mass.Multiply(ones, rowSums);
        Assert.True(TestSupport.MaxDifference(rowSums, m) < 1e-15);
    }

    [Fact]
    public void Integrates_a_smooth_function_by_quadrature()
    {
        var space = new P1Space(TestSupport.UnitBox(2, 8));
        double value = space.Integrate(x => Math.Exp(x[0]) * Math.Sin(x[1]), 8);
        double exact = (Math.E - 1) * (1 - Math.Cos(1));
        // Degree-8 rule on h = 1/8: error ~ h^10 ~ 1e-9 relative at most; we see ~1e-14.
        Assert.Equal(exact, value, 10);
    }
}
