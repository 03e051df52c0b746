namespace PdeFlows.IO;

/// <summary>
/// Summary quantities at the output times: <see cref="Times"/> (K values) and named quantities,
/// each a <see cref="ShapedArray"/> whose first extent is K (energy: [K]; mean: [K, d];
/// covariance: [K, d, d]; a region's mass: [K]; probe values: [K, P]).
/// The quantity names of ../shared/docs/interfaces.md are the convention ("energy", "mass", ...).
/// </summary>
public sealed class TimeSeries
{
    /// <summary>Creates a series; arrays are not copied.</summary>
    /// <param name="times">The output times, finite and strictly increasing.</param>
    /// <param name="quantities">Named quantities; each first extent must equal the number of times.</param>
    /// <exception cref="ArgumentException">A time is not finite or not increasing, a name is invalid, or an extent is wrong.</exception>
    public TimeSeries(double[] times, IReadOnlyDictionary<string, ShapedArray> quantities)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(quantities);
        for (int k = 0; k < times.Length; k++)
        {
            if (!double.IsFinite(times[k]) || (k > 0 && !(times[k] > times[k - 1])))
            {
                throw new ArgumentException($"times must be finite and strictly increasing; times[{k}] = {times[k]:R}", nameof(times));
            }
        }

        foreach (var (name, quantity) in quantities)
        {
            ResultNames.CheckLinkName(name);
            if (quantity.Shape[0] != times.Length)
            {
                throw new ArgumentException($"quantity '{name}' has first extent {quantity.Shape[0]}, expected {times.Length} (one per time)", nameof(quantities));
            }
        }

        Times = times;
        Quantities = new Dictionary<string, ShapedArray>(quantities);
    }

    /// <summary>The output times.</summary>
    public double[] Times { get; }

    /// <summary>The named quantities, first extent = number of times.</summary>
    public IReadOnlyDictionary<string, ShapedArray> Quantities { get; }

    /// <summary>An empty series (no times, no quantities).</summary>
    public static TimeSeries Empty { get; } = new([], new Dictionary<string, ShapedArray>());
}
