using System.Text.Json;
using System.Text.Json.Serialization;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The summary file written by <c>pdeflows run --summary</c> (interfaces.md): one entry per
/// output time for every quantity. Field names are a public contract; extra fields may be added,
/// existing ones never renamed.
/// </summary>
public sealed record RunSummary
{
    /// <summary>Case name.</summary>
    [JsonPropertyName("case")]
    public required string Case { get; init; }

    /// <summary>PdeFlows version that produced the file.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>Degrees of freedom (P1 nodes).</summary>
    [JsonPropertyName("dofs")]
    public required int Dofs { get; init; }

    /// <summary>Mesh cells.</summary>
    [JsonPropertyName("cells")]
    public required int Cells { get; init; }

    /// <summary>Accepted time steps.</summary>
    [JsonPropertyName("steps")]
    public required int Steps { get; init; }

    /// <summary>Wall-clock seconds of the solve.</summary>
    [JsonPropertyName("wall_seconds")]
    public required double WallSeconds { get; init; }

    /// <summary>Output times.</summary>
    [JsonPropertyName("times")]
    public required double[] Times { get; init; }

    /// <summary>E(u(t)) at each output time.</summary>
    [JsonPropertyName("energy")]
    public required double[] Energy { get; init; }

    /// <summary>∫u at each output time.</summary>
    [JsonPropertyName("mass")]
    public required double[] Mass { get; init; }

    /// <summary>Mean of u/∫u, one vector per output time.</summary>
    [JsonPropertyName("mean")]
    public required double[][] Mean { get; init; }

    /// <summary>Covariance of u/∫u, one d×d matrix per output time.</summary>
    [JsonPropertyName("covariance")]
    public required double[][][] Covariance { get; init; }

    /// <summary>D_h at each output time.</summary>
    [JsonPropertyName("dissipation")]
    public required double[] Dissipation { get; init; }

    /// <summary>Cumulative discrete EDB defect up to each output time.</summary>
    [JsonPropertyName("edb_defect")]
    public required double[] EdbDefect { get; init; }

    /// <summary>min_i u_i at each output time.</summary>
    [JsonPropertyName("min_density")]
    public required double[] MinDensity { get; init; }

    /// <summary>Mass in each named region at each output time.</summary>
    [JsonPropertyName("regions")]
    public required IReadOnlyDictionary<string, double[]> Regions { get; init; }

    /// <summary>Probe points and values (values[k][j]: time k, point j).</summary>
    [JsonPropertyName("probes")]
    public required ProbeSeries Probes { get; init; }

    /// <summary>The particle run beside the mesh solution (a [particles] section), or null.</summary>
    [JsonPropertyName("particles")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParticleSeries? Particles { get; init; }

    /// <summary>Extra fields (welcome by the contract): rejected steps, linear solver used, and the like.</summary>
    [JsonPropertyName("run")]
    public RunDetails? Run { get; init; }

    /// <summary>The summary of a run from its recorded rows.</summary>
    /// <param name="definition">The case.</param>
    /// <param name="version">The PdeFlows version.</param>
    /// <param name="mesh">The mesh (dofs, cells).</param>
    /// <param name="rows">The rows, one per output time.</param>
    /// <param name="layout">Their layout (region names).</param>
    /// <param name="probePoints">The probe points.</param>
    /// <param name="steps">Accepted steps of the whole run.</param>
    /// <param name="wallSeconds">Wall-clock seconds.</param>
    /// <param name="run">The extra fields, or null.</param>
    /// <returns>The summary (without a particle block).</returns>
    public static RunSummary From(
        Cases.CaseDefinition definition, string version, Mesh.SimplexMesh mesh, IReadOnlyList<SnapshotRow> rows, RowLayout layout,
        IReadOnlyList<double[]> probePoints, int steps, double wallSeconds, RunDetails? run)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(layout);
        return new RunSummary
        {
            Case = definition.Name,
            Version = version,
            Dofs = mesh.VertexCount,
            Cells = mesh.CellCount,
            Steps = steps,
            WallSeconds = wallSeconds,
            Times = [.. rows.Select(r => r.Time)],
            Energy = [.. rows.Select(r => r.Energy)],
            Mass = [.. rows.Select(r => r.Mass)],
            Mean = [.. rows.Select(r => r.Mean.ToArray())],
            Covariance = [.. rows.Select(r => r.Covariance.Select(c => c.ToArray()).ToArray())],
            Dissipation = [.. rows.Select(r => r.Dissipation)],
            EdbDefect = [.. rows.Select(r => r.EdbDefect)],
            MinDensity = [.. rows.Select(r => r.MinDensity)],
            Regions = layout.RegionNames.Select((name, j) => (name, j)).ToDictionary(r => r.name, r => rows.Select(row => row.RegionMasses[r.j]).ToArray()),
            Probes = new ProbeSeries([.. probePoints], [.. rows.Select(r => r.ProbeValues.ToArray())]),
            Run = run,
        };
    }

    /// <summary>Serializes with the contract's names, indented.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a summary file's text.</summary>
    public static RunSummary FromJson(string json) =>
        JsonSerializer.Deserialize<RunSummary>(json, Options) ?? throw new JsonException("the summary file is empty");

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>The extra fields of a summary (<c>"run"</c>): how the run went, not what it computed.</summary>
/// <param name="RejectedSteps">Steps rejected by <c>strang</c> (positivity) and halved.</param>
/// <param name="LinearSolver">The linear solver backend of the transport.</param>
/// <param name="Factorizations">Factorizations done by this process.</param>
/// <param name="FactorizationSeconds">Seconds spent in them.</param>
/// <param name="Scheme">The splitting scheme as spelled in the case file.</param>
/// <param name="NormalizationConstant">The target's normalizing constant.</param>
public sealed record RunDetails(
    [property: JsonPropertyName("rejected_steps")] int RejectedSteps,
    [property: JsonPropertyName("linear_solver")] string LinearSolver,
    [property: JsonPropertyName("factorizations")] int Factorizations,
    [property: JsonPropertyName("factorization_seconds")] double FactorizationSeconds,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("normalization_constant")] double NormalizationConstant);

/// <summary>Probe points and the P1 values there at each output time.</summary>
/// <param name="Points">The probe points.</param>
/// <param name="Values">values[k][j]: output time k, point j.</param>
public sealed record ProbeSeries(
    [property: JsonPropertyName("points")] double[][] Points,
    [property: JsonPropertyName("values")] double[][] Values);
