using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Tests;

public class ObservedOrderTests
{
    /// <summary>Non-uniform refinement ratios (never halving), so a formula assuming h halves would be wrong.</summary>
    private static readonly double[] MeshSizes = [0.3, 0.17, 0.11, 0.05, 0.031, 0.0123];

    [Fact]
    public void PairwiseOrdersOfAnExactPowerLawAreExactWithNonUniformRatios()
    {
        double[] errors = MeshSizes.Select(h => 3.7 * h * h).ToArray();
        double[] orders = ObservedOrder.Pairwise(MeshSizes, errors);
        Assert.True(double.IsNaN(orders[0]));
        foreach (double p in orders.Skip(1))
        {
            Assert.Equal(2.0, p, 1e-12);
        }

        Assert.Equal(2.0, ObservedOrder.FittedSlope(MeshSizes, errors), 1e-12);
    }

    [Fact]
    public void HalvingFormulaWouldBeWrongHere()
    {
        // log2(e_{k-1}/e_k) is the deal.II-style rate for halving h; with ratio 0.3/0.17 it is not 2.
        double[] errors = MeshSizes.Select(h => h * h).ToArray();
        double halvingRate = Math.Log2(errors[0] / errors[1]);
        Assert.True(Math.Abs(halvingRate - 2.0) > 0.3);
        Assert.Equal(2.0, ObservedOrder.Pairwise(MeshSizes, errors)[1], 1e-12);
    }

    [Fact]
    public void FittedSlopeOfNoisyDataIsWithinTolerance()
    {
        var random = new Random(20240607);
        double[] h = Enumerable.Range(0, 12).Select(k => 0.5 * Math.Pow(0.71, k) * (1.0 + (0.1 * random.NextDouble()))).ToArray();
        double[] errors = h.Select(x => 2.0 * Math.Pow(x, 1.5) * (1.0 + (0.1 * ((2.0 * random.NextDouble()) - 1.0)))).ToArray();
        double slope = ObservedOrder.FittedSlope(h, errors);
        Assert.InRange(slope, 1.45, 1.55);
        double[] pairwise = ObservedOrder.Pairwise(h, errors);
        Assert.Contains(pairwise.Skip(1), p => Math.Abs(p - 1.5) > 0.05); // the pairwise orders are noisy; the fit is not
    }

    [Fact]
    public void CountSweepsGiveNegativeOrders()
    {
        double[] n = [100, 400, 1000, 6400];
        double[] errors = n.Select(x => 1.0 / Math.Sqrt(x)).ToArray();
        Assert.Equal(-0.5, ObservedOrder.FittedSlope(n, errors), 1e-12);
    }

    [Fact]
    public void ZeroNegativeAndNonFiniteErrorsGiveUndefinedOrders()
    {
        double[] h = [0.4, 0.2, 0.1, 0.05, 0.025];
        double[] errors = [1.6e-1, 0.0, 1e-2, double.NaN, 6.25e-4];
        double[] orders = ObservedOrder.Pairwise(h, errors);
        Assert.All(orders.Take(5), p => Assert.True(double.IsNaN(p)));
        Assert.Equal(2.0, ObservedOrder.FittedSlope(h, errors), 1e-12); // the three usable points
        Assert.True(double.IsNaN(ObservedOrder.FittedSlope(h, [1.0, 0.0, double.NaN, -1.0, 0.0])));
        Assert.True(double.IsNaN(ObservedOrder.Between(0.1, 1.0, 0.1, 2.0)));
    }

    [Fact]
    public void TailFitUsesOnlyTheLastRows()
    {
        double[] h = [1.0, 0.5, 0.25, 0.125, 0.0625];
        // pre-asymptotic first rows (order 1), then order 2
        double[] errors = [1.0, 0.5, 0.25, 0.0625, 0.015625];
        Assert.Equal(2.0, ObservedOrder.FittedSlope(h, errors, tailCount: 3), 1e-12);
        Assert.True(ObservedOrder.FittedSlope(h, errors) < 1.9);
        Assert.Throws<ArgumentException>(() => ObservedOrder.FittedSlope(h, errors, tailCount: 1));
    }
}
