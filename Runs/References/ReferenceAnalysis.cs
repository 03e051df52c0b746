using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Runs.References;

/// <summary>
/// Turns the level runs of a <see cref="ReferencePlan"/> into a <see cref="ReferenceResult"/>: every
/// scalar of the recorded rows (<see cref="ReferenceQuantity.All"/>) at every output time goes
/// through <see cref="RichardsonExtrapolation"/> with the plan's expected order and ratio 2.
/// Deterministic: the same level rows give the same result, bit for bit (what merging shards relies on).
/// </summary>
public static class ReferenceAnalysis
{
    /// <summary>The extrapolation settings of a plan (expected order p_h, ratio 2, order tolerance 0.5, round-off floor 1e-11 of the scale).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The settings.</returns>
    public static ExtrapolationSettings Settings(ReferencePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ExtrapolationSettings(plan.ExpectedOrder, RefinementRatio: 2.0, OrderTolerance: 0.5, RoundOffRelative: 1e-11);
    }

    /// <summary>Analyzes the level runs.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="levels">One record per level of the plan, in level order.</param>
    /// <param name="caseText">The case file's text (its hash goes into the provenance).</param>
    /// <param name="caseFile">The case file as named by the user.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="InvalidOperationException">The records do not match the plan (count, order, output times, h not halving).</exception>
    public static ReferenceResult Analyze(ReferencePlan plan, IReadOnlyList<ReferenceLevelRecord> levels, string caseText, string caseFile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(caseText);
        Check(plan, levels);
        CaseDefinition definition = plan.BaseCase;
        var settings = Settings(plan);
        var quantities = ReferenceQuantity.All(levels[0].Rows[0].Mean.Length, [.. definition.Output.Regions.Select(r => r.Name)], definition.Output.Probes.Length);
        var scales = ReferenceQuantity.Scales(quantities, levels.SelectMany(l => l.Rows));
        double[] times = [.. levels[^1].Rows.Select(r => r.Time)];
        var entries = new List<ReferenceEntry>();
        foreach (ReferenceQuantity quantity in quantities)
        {
            for (int i = 0; i < times.Length; i++)
            {
                double[] values = [.. levels.Select(l => quantity.Read(l.Rows[i]))];
                entries.Add(new ReferenceEntry(quantity.Name, quantity.Kind, times[i], values, RichardsonExtrapolation.Estimate(values, scales[quantity.Kind], settings)));
            }
        }

        var provenance = new ReferenceProvenance(
            definition.Name, caseFile, CaseTextHash.Compute(caseText), CodeVersion.Current, CaseChoiceNames.NameOf(definition.Time.Scheme),
            plan.SpaceOrder, plan.TimeOrder, levels.Sum(l => l.WallSeconds));
        return new ReferenceResult(provenance, settings, levels, plan.Notes, times, [.. definition.Output.Probes.Select(p => p.ToArray())], entries);
    }

    private static void Check(ReferencePlan plan, IReadOnlyList<ReferenceLevelRecord> levels)
    {
        if (levels.Count != plan.Levels.Count || levels.Where((l, k) => l.Level != k).Any())
        {
            throw new InvalidOperationException($"expected the records of levels 0–{plan.Levels.Count - 1} in order, got levels {string.Join(", ", levels.Select(l => l.Level))}");
        }

        for (int k = 1; k < levels.Count; k++)
        {
            if (levels[k].Rows.Count != levels[0].Rows.Count || levels[k].Rows.Where((r, i) => Math.Abs(r.Time - levels[0].Rows[i].Time) > 1e-9 * Math.Max(1, Math.Abs(r.Time))).Any())
            {
                throw new InvalidOperationException($"level {k} recorded other output times than level 0");
            }

            // The extrapolation assumes h halves from level to level (nested uniform refinement).
            double ratio = levels[k - 1].H / levels[k].H;
            if (Math.Abs(ratio - 2) > 1e-6)
            {
                throw new InvalidOperationException($"h does not halve from level {k - 1} to level {k} (ratio {ratio})");
            }
        }
    }
}
