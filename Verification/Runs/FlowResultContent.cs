using System.Text.Json;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;
using PdeFlows.IO;

namespace PdeFlows.Verification.Runs;

/// <summary>
/// What a flow run puts into its result directory (the node fields at an output time, the
/// provenance, the summary series), shared by <c>pdeflows run</c> and the demo so both write the
/// same layout. It lives here because this is the lowest layer that sees both Flows and io.
/// </summary>
public static class FlowResultContent
{
    /// <summary>
    /// The node fields of an output time: u, g = u/π and log g. π itself is constant (π = u/g);
    /// writing it at every output would add a quarter to the data.
    /// </summary>
    public static Dictionary<string, double[]> NodeFields(FlowProblem problem, double[] density)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var g = new double[density.Length];
        var logG = new double[density.Length];
        ReadOnlySpan<double> pi = problem.Setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            g[i] = density[i] / pi[i];
            logG[i] = Math.Log(g[i]);
        }

        return new Dictionary<string, double[]> { ["u"] = density, ["g"] = g, ["log_g"] = logG };
    }

    /// <summary>The provenance of a run started now: resolved parameters, the particle seed, the linear solver.</summary>
    public static ResultProvenance Provenance(FlowProblem problem, string caseText)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["dimension"] = problem.Mesh.Dimension,
            ["vertices"] = problem.Mesh.VertexCount,
            ["cells"] = problem.Mesh.CellCount,
            ["normalization_constant"] = problem.NormalizationConstant,
            ["resolved_case"] = CaseFileWriter.ToToml(problem.Definition),
        });
        // The mesh solver is deterministic; the only random generator is the [particles] section's.
        long[] seeds = problem.Definition.Particles is { } particles ? [particles.Seed] : [];
        return ResultProvenance.ForCurrentProcess(problem.Definition.Name, caseText, parameters, seeds, LinearSolverName(problem));
    }

    /// <summary>The linear solver backend of the transport, or that there is none.</summary>
    public static string LinearSolverName(FlowProblem problem) =>
        problem.Transport?.LinearSolverDescription ?? "none (no transport part)";

    /// <summary>The recorded summary quantities as an io time series.</summary>
    public static TimeSeries Series(SummaryRecorder recorder) => new(
        recorder.Times,
        recorder.ToQuantities().ToDictionary(q => q.Key, q => new ShapedArray(q.Value.Values, q.Value.Shape)));
}
