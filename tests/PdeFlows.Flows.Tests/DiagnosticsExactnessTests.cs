using PdeFlows.Discretization;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Mesh;

namespace PdeFlows.Flows.Tests;

/// <summary>
/// Region masses and moments of P1 densities against closed forms: a linear density is its own P1
/// interpolant, so every integral below is known exactly.
/// </summary>
public class DiagnosticsExactnessTests
{
    private static double[] Linear(SimplexMesh mesh, params double[] c) =>
        new P1Space(mesh).Interpolate(x =>
        {
            double v = c[0];
            for (int k = 0; k < x.Length; k++)
            {
                v += c[k + 1] * x[k];
            }

            return v;
        });

    /// <summary>∫ over the box of c₀ + Σ c_k x_k.</summary>
    private static double BoxIntegral(double[] lower, double[] upper, double[] c)
    {
        double volume = 1, value = c[0];
        for (int k = 0; k < lower.Length; k++)
        {
            volume *= upper[k] - lower[k];
            value += c[k + 1] * 0.5 * (lower[k] + upper[k]);
        }

        return volume * value;
    }

    public static TheoryData<int, bool> Boxes => new() { { 1, true }, { 1, false }, { 2, true }, { 2, false }, { 3, true }, { 3, false } };

    [Theory]
    [MemberData(nameof(Boxes))]
    public void Region_mass_of_a_linear_density(int d, bool aligned)
    {
        var mesh = MeshGenerators.Structured(Enumerable.Repeat(0.0, d).ToArray(), Enumerable.Repeat(1.0, d).ToArray(), Enumerable.Repeat(d == 3 ? 6 : 10, d).ToArray());
        double[] c = new[] { 2.0, 0.7, -0.4, 0.3 }[..(d + 1)];
        double[] lower = aligned ? Enumerable.Repeat(0.2, d).ToArray() : Enumerable.Repeat(0.23, d).ToArray();
        double[] upper = aligned ? Enumerable.Repeat(0.5, d).ToArray() : Enumerable.Repeat(0.61, d).ToArray();
        if (d == 3 && aligned)
        {
            // Nodes of the 6-cell grid are at multiples of 1/6.
            lower = [1.0 / 6, 1.0 / 6, 2.0 / 6];
            upper = [3.0 / 6, 4.0 / 6, 5.0 / 6];
        }

        var region = new RegionIntegral(mesh, lower, upper);
        double exact = BoxIntegral(lower, upper, c);
        double computed = region.Integrate(Linear(mesh, c));
        // Whole cells and exactly clipped cut cells: round-off only (1e-12 relative).
        const double tolerance = 1e-12;
        Assert.True(Math.Abs(computed - exact) <= tolerance * Math.Abs(exact), $"d = {d}, aligned = {aligned}: {computed} vs {exact} ({region.CutCells} cut cells)");
        if (aligned)
        {
            Assert.Equal(0, region.CutCells);
        }
    }

    [Fact]
    public void Moments_of_a_linear_density_on_the_unit_square()
    {
        // u = 1 + x on [0,1]²: mass 3/2; E[x] = (1/2 + 1/3)/(3/2) = 5/9, E[y] = 1/2;
        // Var x = (1/3 + 1/4)/(3/2) − (5/9)² = 7/18 − 25/81 = 13/162, Var y = 1/12, Cov = 0.
        var mesh = MeshGenerators.Rectangle([0, 0], [1, 1], 8, 8);
        var moments = DensityMoments.Compute(mesh, Linear(mesh, 1, 1, 0));
        Assert.Equal(1.5, moments.Mass, 13);
        Assert.Equal(5.0 / 9, moments.Mean[0], 13);
        Assert.Equal(0.5, moments.Mean[1], 13);
        Assert.Equal(13.0 / 162, moments.Covariance[0][0], 13);
        Assert.Equal(1.0 / 12, moments.Covariance[1][1], 13);
        Assert.Equal(0.0, moments.Covariance[0][1], 13);
    }
}
