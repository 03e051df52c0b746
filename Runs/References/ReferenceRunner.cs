using System.Globalization;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.References;

/// <summary>Runs the levels of a <see cref="ReferencePlan"/> (all, or a shard's subset) through the one runner, in memory.</summary>
public static class ReferenceRunner
{
    /// <summary>Runs the levels <paramref name="indices"/> (all when null), coarsest first.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="indices">The level indices to run, or null for all.</param>
    /// <param name="progress">One line per level, or null.</param>
    /// <param name="cancellation">Stops a run between steps.</param>
    /// <returns>The level records, in the order of <paramref name="indices"/>.</returns>
    public static IReadOnlyList<ReferenceLevelRecord> Run(ReferencePlan plan, IReadOnlyList<int>? indices = null, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var records = new List<ReferenceLevelRecord>();
        foreach (int index in indices ?? [.. plan.Levels.Select(l => l.Index)])
        {
            ReferenceLevel level = plan.Levels[index];
            FlowRunRecord run = FlowRuns.Execute(level.Case, keepDensities: false, cancellation);
            var record = ReferenceLevelRecord.From(level, run);
            records.Add(record);
            progress?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  level {index}/{plan.Levels.Count - 1}: {level.Refinement}, τ = {level.Step:G4}, {record.Nodes} nodes, {record.Steps} steps, {record.WallSeconds:F1} s"));
        }

        return records;
    }
}
