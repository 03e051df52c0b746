using System.Text.Json;
using System.Text.Json.Nodes;
using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Runs.References;

/// <summary>
/// <c>reference.json</c> (docs/reference-solutions.md): format and version, the provenance, the
/// estimator's assumptions, the levels (h, τ, nodes, steps, wall time), the notes, and one object
/// per quantity and output time (value, estimated error, observed orders, status, the level values).
/// Undefined numbers (an order that does not exist) are written as null. The field names are a
/// contract: fields may be added, never renamed.
/// </summary>
public static class ReferenceJson
{
    /// <summary>The <c>format</c> field.</summary>
    public const string Format = "pdeflows-reference";

    /// <summary>The status as written in the files.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its spelling.</returns>
    public static string StatusName(ExtrapolationStatus status) => status switch
    {
        ExtrapolationStatus.Extrapolated => "extrapolated",
        ExtrapolationStatus.ConvergedToRoundOff => "converged to round-off",
        ExtrapolationStatus.NotAsymptotic => "not in the asymptotic range",
        _ => "too few levels",
    };

    /// <summary>The JSON text of <paramref name="result"/>, indented.</summary>
    /// <param name="result">The reference.</param>
    /// <returns>The text.</returns>
    public static string Write(ReferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var provenance = result.Provenance;
        var settings = result.Settings;
        var root = new JsonObject
        {
            ["format"] = Format,
            ["format_version"] = 1,
            ["case"] = provenance.CaseName,
            ["provenance"] = new JsonObject
            {
                ["case_file"] = provenance.CaseFile,
                ["case_sha256"] = provenance.CaseSha256,
                ["pdeflows_version"] = provenance.Code.Version,
                ["git_commit"] = provenance.Code.GitCommit,
                ["scheme"] = provenance.Scheme,
                ["space_order"] = provenance.SpaceOrder,
                ["time_order"] = provenance.TimeOrder,
                ["levels"] = result.Levels.Count,
                ["wall_seconds"] = provenance.WallSeconds,
            },
            ["estimator"] = new JsonObject
            {
                ["expected_order"] = settings.ExpectedOrder,
                ["refinement_ratio"] = settings.RefinementRatio,
                ["order_tolerance"] = settings.OrderTolerance,
                ["round_off_relative"] = settings.RoundOffRelative,
                ["value"] = "R = Q[K-1] + (Q[K-1] - Q[K-2]) / (r^p - 1)",
                ["estimated_error"] = "max(|R[K-1] - R[K-2]| / (r^(p+1) - 1), round-off floor)",
            },
            ["levels"] = new JsonArray([.. result.Levels.Select(Level)]),
            ["notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["times"] = Numbers(result.Times),
            ["probes"] = new JsonArray([.. result.ProbePoints.Select(p => (JsonNode?)Numbers(p))]),
            ["quantities"] = new JsonArray([.. result.Entries.Select(Entry)]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Level(ReferenceLevelRecord level) => new JsonObject
    {
        ["level"] = level.Level,
        ["h"] = level.H,
        ["tau"] = level.Step,
        ["nodes"] = level.Nodes,
        ["cells"] = level.Cells,
        ["steps"] = level.Steps,
        ["rejected_steps"] = level.RejectedSteps,
        ["wall_seconds"] = level.WallSeconds,
    };

    private static JsonNode Entry(ReferenceEntry entry)
    {
        var estimate = entry.Estimate;
        return new JsonObject
        {
            ["name"] = entry.Name,
            ["time"] = entry.Time,
            ["status"] = StatusName(estimate.Status),
            ["value"] = Number(estimate.Value),
            ["estimated_error"] = estimate.EstimatedError is double error ? Number(error) : null,
            ["observed_order"] = Number(estimate.ObservedOrder),
            ["orders"] = Numbers(estimate.Orders),
            ["remainder_order"] = Number(estimate.RemainderOrder),
            ["finest_value"] = Number(estimate.FinestValue),
            ["last_difference"] = Number(estimate.LastDifference),
            ["round_off_floor"] = Number(estimate.RoundOffFloor),
            ["reason"] = estimate.Reason,
            ["level_values"] = Numbers(entry.LevelValues),
        };
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(Number)]);
}
