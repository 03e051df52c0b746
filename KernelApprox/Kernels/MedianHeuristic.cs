namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// The median heuristic for the bandwidth: σ = median of the pairwise distances |xᵢ − xⱼ|.
/// </summary>
/// <remarks>
/// Exact convention: the median is taken over the unordered pairs of distinct indices
/// {i, j}, i &lt; j (P = n(n−1)/2 values, coincident points included as distance 0, no
/// weights); for even P it is the mean of the two middle order statistics (values
/// P/2 and P/2 + 1, one-based). Above <see cref="MaximumPointsUsed"/> points the median is
/// taken over a subsample of exactly <see cref="MaximumPointsUsed"/> distinct points
/// drawn uniformly without replacement by a partial Fisher–Yates shuffle driven by a
/// SplitMix64 generator with a fixed seed (<see cref="DefaultSeed"/> unless given), so
/// the bandwidth is deterministic and independent of the .NET version.
/// </remarks>
public static class MedianHeuristic
{
    /// <summary>The number of points above which a subsample is used (≈ 2·10⁶ pairs).</summary>
    public const int MaximumPointsUsed = 2000;

    /// <summary>The default seed of the subsample.</summary>
    public const ulong DefaultSeed = 0x5EED_CAFE_F00DUL;

    /// <summary>The median of the pairwise distances of <paramref name="points"/> (see remarks for the convention).</summary>
    /// <param name="points">At least two points.</param>
    /// <param name="seed">Seed of the subsample, used only above <see cref="MaximumPointsUsed"/> points.</param>
    /// <exception cref="ArgumentException">Fewer than two points, or the median distance is 0 (more than half the pairs coincide).</exception>
    public static double Bandwidth(PointSet points, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            throw new ArgumentException($"The median heuristic needs at least 2 points, got {points.Count}.", nameof(points));
        }

        PointSet used = points.Count <= MaximumPointsUsed ? points : points.Subset(SampleWithoutReplacement(points.Count, MaximumPointsUsed, seed));
        int n = used.Count;
        var distances = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xi = used.Point(i);
            for (int j = i + 1; j < n; j++)
            {
                distances[k++] = Math.Sqrt(PointGeometry.SquaredDistance(xi, used.Point(j)));
            }
        }

        int p = distances.Length;
        double upper = SelectInPlace(distances, p / 2); // afterwards distances[..(p/2)] ≤ upper
        double median = p % 2 == 1 ? upper : 0.5 * (Max(distances.AsSpan(0, p / 2)) + upper);
        if (!(median > 0.0))
        {
            throw new ArgumentException("The median pairwise distance is 0 (more than half of the pairs coincide); give the bandwidth explicitly.", nameof(points));
        }

        return median;
    }

    /// <summary>
    /// Hoare's selection (quickselect, median-of-three pivot): rearranges <paramref name="values"/>
    /// so that values[k] is the k-th smallest (0-based) and every earlier entry is ≤ it. O(n) expected.
    /// </summary>
    private static double SelectInPlace(double[] values, int k)
    {
        int low = 0, high = values.Length - 1;
        while (high > low)
        {
            int middle = low + ((high - low) / 2);
            double a = values[low], b = values[middle], c = values[high];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <summary>
    /// <paramref name="sampleSize"/> distinct indices in [0, <paramref name="populationSize"/>), in draw order,
    /// by a partial Fisher–Yates shuffle with a SplitMix64 generator.
    /// </summary>
    /// <param name="populationSize">n.</param>
    /// <param name="sampleSize">m ≤ n.</param>
    /// <param name="seed">Generator seed.</param>
    public static int[] SampleWithoutReplacement(int populationSize, int sampleSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleSize, populationSize);
        var permutation = new int[populationSize];
        for (int i = 0; i < populationSize; i++)
        {
            permutation[i] = i;
        }

        ulong state = seed;
        for (int i = 0; i < sampleSize; i++)
        {
            // SplitMix64 step (Steele, Lea & Flood 2014).
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            int remaining = populationSize - i;
            int j = i + (int)(z % (ulong)remaining); // modulo bias < remaining/2⁶⁴, negligible
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        return permutation[..sampleSize];
    }
}
