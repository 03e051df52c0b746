namespace PdeFlows.Verification.Gamma;

/// <summary>Time integrals of sampled path quantities: composite Simpson's rule on segments of equal spacing.</summary>
public static class PathIntegration
{
    /// <summary>
    /// Composite Simpson's rule on samples that are equally spaced on consecutive segments (the
    /// spacing changes at most at segment ends; each segment an even number of intervals). Exact for
    /// cubics; error O(Δ⁴) per segment for smooth integrands.
    /// </summary>
    /// <param name="times">The sample times.</param>
    /// <param name="values">The values there.</param>
    /// <returns>The integral.</returns>
    /// <exception cref="ArgumentException">A segment has an odd number of intervals.</exception>
    public static double Simpson(double[] times, double[] values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        double total = 0;
        int start = 0;
        for (int k = 1; k < times.Length; k++)
        {
            bool segmentEnds = k == times.Length - 1 || Math.Abs((times[k + 1] - times[k]) - (times[k] - times[k - 1])) > 1e-9 * (times[k] - times[k - 1]);
            if (segmentEnds)
            {
                total += UniformSimpson(times[start..(k + 1)], values[start..(k + 1)]);
                start = k;
            }
        }

        return total;
    }

    private static double UniformSimpson(double[] times, double[] values)
    {
        int intervals = times.Length - 1;
        if (intervals < 2 || intervals % 2 != 0)
        {
            throw new ArgumentException($"Simpson's rule needs an even number ≥ 2 of intervals, got {intervals}");
        }

        double h = (times[^1] - times[0]) / intervals, sum = values[0] + values[^1];
        for (int k = 1; k < intervals; k++)
        {
            sum += (k % 2 == 1 ? 4 : 2) * values[k];
        }

        return sum * h / 3;
    }
}
