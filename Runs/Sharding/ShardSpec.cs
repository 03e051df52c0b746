using System.Globalization;

namespace PdeFlows.Runs.Sharding;

/// <summary>
/// <c>--shard I/N</c>: the I-th (1-based) of N disjoint subsets of a sweep's runs. Task t belongs to
/// shard (t mod N) + 1, so the subsets are disjoint, cover every task, and mix cheap and expensive
/// runs (sweeps usually grow in cost from task to task). Slurm's <c>$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT</c>
/// gives exactly this form with <c>#SBATCH --array=1-N</c>.
/// </summary>
/// <param name="Index">I, from 1 to N.</param>
/// <param name="Count">N ≥ 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="FormatException">Not of the form I/N with 1 ≤ I ≤ N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index < 1 || index > count)
        {
            throw new FormatException($"'{text}' is not a shard I/N with 1 ≤ I ≤ N (e.g. 2/3)");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>The tasks of this shard among <paramref name="taskCount"/> tasks, in increasing order (may be empty when N exceeds the task count).</summary>
    /// <param name="taskCount">The number of tasks of the whole sweep.</param>
    /// <returns>The task indices.</returns>
    public IReadOnlyList<int> Select(int taskCount) => [.. Enumerable.Range(0, taskCount).Where(t => t % Count == Index - 1)];

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
