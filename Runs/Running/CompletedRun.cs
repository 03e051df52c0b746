using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>
/// <c>pdeflows run --resume</c> on a run that already finished (its result.h5 exists): nothing is
/// computed and nothing in the result directory is touched; the record and the summary are rebuilt
/// from result.h5 (series, provenance: steps, rejected steps and wall time of the run that made it),
/// so a job scheduler that requeues a finished job gets exit code 0 and the same summary. A result of
/// another case text is refused (<see cref="RunSetupException"/>, exit code 2), as for a checkpoint.
/// </summary>
internal static class CompletedRun
{
    /// <summary>Whether <paramref name="directory"/> holds a finished result.</summary>
    public static bool IsComplete(string directory) => File.Exists(Path.Combine(directory, ResultLayout.ResultFile));

    /// <summary>Reads the finished result of <paramref name="problem"/>'s case in <paramref name="directory"/>.</summary>
    /// <param name="directory">The result directory.</param>
    /// <param name="problem">The problem built from the case (mesh, layout, probes).</param>
    /// <param name="caseText">The case file's text (must be the one the result was computed for).</param>
    /// <param name="layout">The layout of the rows.</param>
    /// <returns>The rows, the final state (the last output's density) and the run's totals.</returns>
    /// <exception cref="RunSetupException">The result belongs to another case text or does not fit the case.</exception>
    /// <exception cref="ResultFormatException">result.h5 cannot be read.</exception>
    public static (IReadOnlyList<SnapshotRow> Rows, FlowState Final, ResultProvenance Provenance) Read(string directory, FlowProblem problem, string caseText, RowLayout layout)
    {
        string file = Path.Combine(Path.GetFullPath(directory), ResultLayout.ResultFile);
        using var reader = ResultReader.Open(file);
        var provenance = reader.Provenance;
        string expected = CaseTextHash.Compute(caseText);
        if (provenance.CaseSha256 != expected)
        {
            throw new RunSetupException(
                $"{file}: the finished result was computed for another case text (SHA-256 {provenance.CaseSha256}, this case {expected}); nothing to resume",
                "run the changed case without --resume into a new --out directory");
        }

        if (reader.VertexCount != problem.Mesh.VertexCount || reader.Dimension != problem.Mesh.Dimension)
        {
            throw new RunSetupException($"{file}: the result's mesh has {reader.VertexCount} vertices in dimension {reader.Dimension}, the case's mesh {problem.Mesh.VertexCount} in dimension {problem.Mesh.Dimension} (was the mesh file changed?)", "run without --resume into a new --out directory");
        }

        IReadOnlyList<SnapshotRow> rows;
        try
        {
            rows = RunContent.Rows(reader.Series, layout);
        }
        catch (InvalidDataException e)
        {
            throw new RunSetupException($"{file}: {e.Message}", "run without --resume into a new --out directory", e);
        }

        if (rows.Count == 0 || reader.Steps.Count != rows.Count)
        {
            throw new RunSetupException($"{file}: the result holds {reader.Steps.Count} output times and {rows.Count} series rows; expected the same positive number", "run without --resume into a new --out directory");
        }

        // Results written before issue 13 lack the totals: the last output's step is the run's when it is the end time.
        double end = problem.Definition.Time.End;
        int steps = provenance.Steps ?? (rows[^1].Time == end && rows[^1].Step >= 0 ? rows[^1].Step
            : throw new RunSetupException($"{file}: the result does not record its number of steps (written before PdeFlows stored it) and its last output time is not the end time", "run without --resume into a new --out directory"));
        double[] density = reader.ReadField(rows.Count - 1, RunContentNames.DensityField);
        var final = new FlowState(end, steps, density, rows[^1].EdbDefect, problem.Definition.Time.Step, provenance.RejectedSteps ?? 0);
        return (rows, final, provenance);
    }
}
