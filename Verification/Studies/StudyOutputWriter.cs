using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Plotting;
using PureHDF;

namespace PdeFlows.Verification.Studies;

/// <summary>
/// Writes the results of a study into a directory: <c>table.md</c>, <c>table.csv</c>,
/// <c>table.tex</c>, <c>convergence.png</c> (log-log, with the expected slope when one is stated),
/// <c>energy.png</c> (E(u) over time of every run) and <c>study.h5</c>.
/// <para>
/// All fields of all runs go into the one HDF5 file <c>study.h5</c>, written with PureHDF directly
/// rather than one <c>ResultWriter</c> directory per run: a study's runs live on different meshes
/// and are compared with each other, so one self-contained file (group <c>/runs/NN</c> per run with
/// its own mesh, output times, densities, energies, dissipations, EDB defects and, for case
/// references, the reference densities on the same nodes) is what a reader of the study needs; the
/// per-run result format (XDMF, checkpoints) serves restartable single runs.
/// </para>
/// </summary>
public static class StudyOutputWriter
{
    /// <summary>Writes all outputs of <paramref name="result"/> into <paramref name="directory"/> (created when absent); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(StudyResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        ConvergenceTable table = result.Table;
        string markdown = table.ToMarkdown();
        if (result.Verdict is { } verdict)
        {
            markdown += Environment.NewLine + verdict.Message.Split(Environment.NewLine)[0] + Environment.NewLine;
        }

        if (result.Definition.Expected is { Bound: double bound } expected)
        {
            markdown += Environment.NewLine + (result.BoundFailures.Count == 0
                ? $"passed: every last-row error of {string.Join(", ", expected.BoundMetrics)} ≤ {bound:E1}"
                : "FAILED: " + string.Join("; ", result.BoundFailures)) + Environment.NewLine;
        }

        written.Add(WriteText(Path.Combine(directory, "table.md"), markdown));
        written.Add(WriteText(Path.Combine(directory, "table.csv"), table.ToCsv()));
        written.Add(WriteText(Path.Combine(directory, "table.tex"), table.ToLatex()));
        var slopes = result.Verdict is { } v ? new[] { new ReferenceSlope(v.Expected, v.Metric) } : null;
        written.Add(ConvergencePlot.Write(table, Path.Combine(directory, "convergence.png"), slopes));
        var runs = result.Runs;
        written.Add(TimeSeriesPlot.Write(
            Path.Combine(directory, "energy.png"), $"{result.Definition.Name}: energy", "E(u)", runs[0].Times,
            runs.Where(r => r.Times.Length == runs[0].Times.Length).Select(r => (r.Label, (IReadOnlyList<double>)r.Energies))));
        written.Add(WriteHdf(result, Path.Combine(directory, "study.h5")));
        return written;
    }

    /// <summary>Writes <c>study.h5</c> (layout in the class remarks).</summary>
    public static string WriteHdf(StudyResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var file = new H5File();
        file.Attributes["format"] = "pdeflows-study";
        file.Attributes["format_version"] = 1;
        file.Attributes["study"] = result.Definition.Name;
        file.Attributes["parameter"] = result.Table.Parameter.Name;
        file["table_csv"] = new H5Dataset(result.Table.ToCsv());
        var runsGroup = new H5Group();
        for (int k = 0; k < result.Runs.Count; k++)
        {
            StudyRunRecord run = result.Runs[k];
            var group = RunGroup(run);
            if (k < result.References.Count && result.References[k] is { } reference && reference.Densities.Length == run.Densities.Length)
            {
                group["reference_density"] = Matrix(reference.Densities);
                group["reference_energy"] = new H5Dataset(reference.Energies, fileDims: [(ulong)reference.Energies.Length]);
            }

            runsGroup[k.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)] = group;
        }

        file["runs"] = runsGroup;
        file.Write(path);
        return path;
    }

    private static H5Group RunGroup(StudyRunRecord run)
    {
        var mesh = run.Problem.Mesh;
        int n = mesh.VertexCount, d = mesh.Dimension;
        var group = new H5Group
        {
            ["coordinates"] = new H5Dataset(mesh.Coordinates.ToArray(), fileDims: [(ulong)n, (ulong)d]),
            ["cells"] = new H5Dataset(mesh.Cells.ToArray().Select(c => (long)c).ToArray(), fileDims: [(ulong)mesh.CellCount, (ulong)(d + 1)]),
            ["times"] = new H5Dataset(run.Times, fileDims: [(ulong)run.Times.Length]),
            ["density"] = Matrix(run.Densities),
            ["energy"] = new H5Dataset(run.Energies, fileDims: [(ulong)run.Energies.Length]),
            ["dissipation"] = new H5Dataset(run.Dissipations, fileDims: [(ulong)run.Dissipations.Length]),
            ["edb_defect"] = new H5Dataset(run.EdbDefects, fileDims: [(ulong)run.EdbDefects.Length]),
        };
        group.Attributes["label"] = run.Label;
        group.Attributes["swept_value"] = run.SweptValue;
        group.Attributes["table_parameter"] = run.TableParameter;
        group.Attributes["wall_seconds"] = run.WallSeconds;
        return group;
    }

    private static H5Dataset Matrix(double[][] rows)
    {
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new double[rows.Length * columns];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(flat, i * columns);
        }

        return new H5Dataset(flat, fileDims: [(ulong)rows.Length, (ulong)columns]);
    }

    private static string WriteText(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
