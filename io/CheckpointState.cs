namespace PdeFlows.IO;

/// <summary>
/// The full solver state at a checkpoint, as plain named values: arrays (densities, auxiliary
/// vectors), real scalars, integers (counters, random-generator state) and the summary series so
/// far (so that a resumed run continues it). Names follow <see cref="ResultNames.CheckLinkName"/>.
/// </summary>
public sealed class CheckpointState
{
    /// <summary>Creates a state; arrays are not copied.</summary>
    /// <exception cref="ArgumentException">A name is invalid or an array or scalar holds NaN.</exception>
    public CheckpointState(
        IReadOnlyDictionary<string, ShapedArray> arrays,
        IReadOnlyDictionary<string, double>? scalars = null,
        IReadOnlyDictionary<string, long>? integers = null,
        TimeSeries? series = null)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        foreach (var (name, array) in arrays)
        {
            ResultNames.CheckLinkName(name);
            int bad = Array.FindIndex(array.Values, double.IsNaN);
            if (bad >= 0)
            {
                throw new ArgumentException($"checkpoint array '{name}' holds NaN at index {bad}", nameof(arrays));
            }
        }

        foreach (var (name, value) in scalars ?? new Dictionary<string, double>())
        {
            ResultNames.CheckLinkName(name);
            if (double.IsNaN(value))
            {
                throw new ArgumentException($"checkpoint scalar '{name}' is NaN", nameof(scalars));
            }
        }

        foreach (string name in (integers ?? new Dictionary<string, long>()).Keys)
        {
            ResultNames.CheckLinkName(name);
        }

        Arrays = new Dictionary<string, ShapedArray>(arrays);
        Scalars = new Dictionary<string, double>(scalars ?? new Dictionary<string, double>());
        Integers = new Dictionary<string, long>(integers ?? new Dictionary<string, long>());
        Series = series ?? TimeSeries.Empty;
    }

    /// <summary>Named arrays.</summary>
    public IReadOnlyDictionary<string, ShapedArray> Arrays { get; }

    /// <summary>Named real scalars.</summary>
    public IReadOnlyDictionary<string, double> Scalars { get; }

    /// <summary>Named integers.</summary>
    public IReadOnlyDictionary<string, long> Integers { get; }

    /// <summary>The summary series up to the checkpoint (empty when none was given).</summary>
    public TimeSeries Series { get; }
}
