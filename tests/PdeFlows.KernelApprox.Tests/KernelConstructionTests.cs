using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Bandwidth validation, the factory, and the median heuristic.</summary>
public class KernelConstructionTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_bandwidths_are_rejected_with_the_value_in_the_message(double bandwidth)
    {
        foreach (KernelKind kind in Enum.GetValues<KernelKind>())
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => KernelFactory.Create(kind, bandwidth));
            Assert.Contains(bandwidth.ToString("R", System.Globalization.CultureInfo.InvariantCulture), error.Message);
            Assert.Contains("kernel bandwidth must be finite and > 0", error.Message);
        }
    }

    [Fact]
    public void Factory_creates_every_kind_with_its_bandwidth()
    {
        foreach (KernelKind kind in Enum.GetValues<KernelKind>())
        {
            IKernel kernel = KernelFactory.Create(kind, 0.25);
            Assert.Equal(kind, kernel.Kind);
            Assert.Equal(0.25, kernel.Bandwidth);
        }
    }

    [Fact]
    public void Median_heuristic_on_four_collinear_points()
    {
        // Points 0, 1, 3, 7: pairwise distances 1, 3, 7, 2, 6, 4 → sorted 1 2 3 4 6 7; median (3 + 4)/2.
        var points = new PointSet([0.0, 1.0, 3.0, 7.0], 1);
        Assert.Equal(3.5, MedianHeuristic.Bandwidth(points));
    }

    [Theory]
    [InlineData(40)] // 780 pairs: even count, mean of the two middle values
    [InlineData(42)] // 861 pairs: odd count, the middle value
    public void Median_heuristic_equals_the_sorted_median(int count)
    {
        PointSet points = TestData.RandomPoints(count, 3, seed: count);
        var distances = new List<double>();
        for (int i = 0; i < count; i++)
        {
            for (int j = i + 1; j < count; j++)
            {
                distances.Add(Math.Sqrt(PointGeometry.SquaredDistance(points.Point(i), points.Point(j))));
            }
        }

        distances.Sort();
        int p = distances.Count;
        double expected = p % 2 == 1 ? distances[p / 2] : 0.5 * (distances[(p / 2) - 1] + distances[p / 2]);
        Assert.Equal(expected, MedianHeuristic.Bandwidth(points));
    }

    [Fact]
    public void Median_heuristic_subsample_is_deterministic_and_close_to_the_population_median()
    {
        PointSet points = TestData.RandomPoints(2500, 2, seed: 3);
        double first = MedianHeuristic.Bandwidth(points);
        Assert.Equal(first, MedianHeuristic.Bandwidth(points)); // fixed seed: bitwise repeatable
        // For uniform points on the unit square the median distance is ≈ 0.5119 (Monte Carlo, 2·10⁶ pairs); a 2000-point
        // subsample (2·10⁶ pairs, strongly dependent) stays within 2%.
        NumericAssert.ScalarClose(first, 0.5119, 0.02, "median distance on the unit square");
        int[] sample = MedianHeuristic.SampleWithoutReplacement(2500, 2000, 1);
        Assert.Equal(2000, sample.Distinct().Count());
    }

    [Fact]
    public void Median_heuristic_rejects_coincident_points()
    {
        Assert.Throws<ArgumentException>(() => MedianHeuristic.Bandwidth(new PointSet([1.0, 1.0, 1.0], 1)));
        Assert.Throws<ArgumentException>(() => MedianHeuristic.Bandwidth(new PointSet([1.0], 1)));
    }
}
