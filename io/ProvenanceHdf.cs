using System.Globalization;
using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// The <c>/provenance</c> group: string and number attributes (case_name, pdeflows_version,
/// git_commit, linear_solver, machine_name, operating_system, processor_count, started_utc,
/// wall_seconds, steps, rejected_steps, case_sha256) and datasets for the long texts (case_text, parameters_json) and
/// the seeds (int64 [k]).
/// </summary>
internal static class ProvenanceHdf
{
    /// <summary>The group holding the provenance.</summary>
    public const string Group = "/provenance";

    /// <summary>Builds the group.</summary>
    public static H5Group Build(ResultProvenance provenance)
    {
        var group = new H5Group
        {
            ["case_text"] = provenance.CaseText,
            ["parameters_json"] = provenance.ParametersJson,
            ["seeds"] = HdfWrite.Integers(provenance.Seeds, provenance.Seeds.Length),
        };
        group.Attributes["case_name"] = provenance.CaseName;
        group.Attributes["case_sha256"] = provenance.CaseSha256;
        group.Attributes["pdeflows_version"] = provenance.PdeFlowsVersion;
        if (provenance.GitCommit is not null)
        {
            group.Attributes["git_commit"] = provenance.GitCommit;
        }

        group.Attributes["linear_solver"] = provenance.LinearSolver;
        group.Attributes["machine_name"] = provenance.MachineName;
        group.Attributes["operating_system"] = provenance.OperatingSystem;
        group.Attributes["processor_count"] = provenance.ProcessorCount;
        group.Attributes["started_utc"] = provenance.StartedUtc.ToString("o", CultureInfo.InvariantCulture);
        if (provenance.WallSeconds is double wall)
        {
            group.Attributes["wall_seconds"] = wall;
        }

        if (provenance.Steps is int steps)
        {
            group.Attributes["steps"] = steps;
        }

        if (provenance.RejectedSteps is int rejected)
        {
            group.Attributes["rejected_steps"] = rejected;
        }

        return group;
    }

    /// <summary>Reads the group.</summary>
    public static ResultProvenance Read(HdfSource source)
    {
        string Required(string name) =>
            source.StringAttribute(Group, name) ?? throw source.Problem($"attribute '{name}' of {Group} is missing");

        string started = Required("started_utc");
        if (!DateTimeOffset.TryParseExact(started, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedUtc))
        {
            throw source.Problem($"attribute 'started_utc' of {Group} is '{started}', not an ISO 8601 round-trip time");
        }

        return new ResultProvenance(
            Required("case_name"),
            source.ReadString(Group + "/case_text"),
            source.ReadString(Group + "/parameters_json"),
            source.ReadIntegers(Group + "/seeds", [-1], out _),
            Required("linear_solver"),
            Required("pdeflows_version"),
            source.StringAttribute(Group, "git_commit"),
            Required("machine_name"),
            Required("operating_system"),
            source.IntegerAttribute(Group, "processor_count") ?? throw source.Problem($"attribute 'processor_count' of {Group} is missing"),
            startedUtc,
            source.DoubleAttribute(Group, "wall_seconds"),
            source.IntegerAttribute(Group, "steps"),
            source.IntegerAttribute(Group, "rejected_steps"));
    }
}
