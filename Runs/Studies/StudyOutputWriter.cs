using PdeFlows.Runs.Running;
using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Plotting;
using PureHDF;

namespace PdeFlows.Runs.Studies;

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
        // report.md: the table, the findings generated from it, and the plots (what a results page shows).
        written.Add(WriteText(Path.Combine(directory, "report.md"), markdown + Environment.NewLine + StudyFindings.Describe(result) + Environment.NewLine + "![convergence](convergence.png) ![energy](energy.png)" + Environment.NewLine));
        written.Add(WriteText(Path.Combine(directory, "table.csv"), table.ToCsv()));
        written.Add(WriteText(Path.Combine(directory, "table.tex"), table.ToLatex()));
        var slopes = result.Verdict is { } v ? new[] { new ReferenceSlope(v.Expected, v.Metric) } : null;
        written.Add(ConvergencePlot.Write(table, Path.Combine(directory, "convergence.png"), slopes));
        var runs = result.Runs;
        written.Add(TimeSeriesPlot.Write(
            Path.Combine(directory, "energy.png"), $"{result.Definition.Name}: energy", "E(u)", runs[0].Times,
            runs.Where(r => r.Rows.Count == runs[0].Rows.Count).Select(r => (r.Label, (IReadOnlyList<double>)Column(r, row => row.Energy)))));
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
            if (k < result.References.Count && result.References[k] is { } reference && reference.Rows.Count == run.Rows.Count)
            {
                group["reference_density"] = Matrix(reference.Rows);
                group["reference_energy"] = Vector(Column(reference, row => row.Energy));
            }

            runsGroup[k.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)] = group;
        }

        file["runs"] = runsGroup;
        file.Write(path);
        return path;
    }

    private static H5Group RunGroup(StudyRunRecord run)
    {
        var mesh = run.Run.Mesh;
        int n = mesh.VertexCount, d = mesh.Dimension;
        var group = new H5Group
        {
            ["coordinates"] = new H5Dataset(mesh.Coordinates.ToArray(), fileDims: [(ulong)n, (ulong)d]),
            ["cells"] = new H5Dataset(mesh.Cells.ToArray().Select(c => (long)c).ToArray(), fileDims: [(ulong)mesh.CellCount, (ulong)(d + 1)]),
            ["times"] = Vector(run.Times),
            ["density"] = Matrix(run.Rows),
            ["energy"] = Vector(Column(run, row => row.Energy)),
            ["dissipation"] = Vector(Column(run, row => row.Dissipation)),
            ["edb_defect"] = Vector(Column(run, row => row.EdbDefect)),
        };
        group.Attributes["label"] = run.Label;
        group.Attributes["swept_value"] = run.SweptValue;
        group.Attributes["table_parameter"] = run.TableParameter;
        group.Attributes["wall_seconds"] = run.WallSeconds;
        return group;
    }

    /// <summary>The densities of the rows, times × nodes.</summary>
    private static H5Dataset Matrix(IReadOnlyList<SnapshotRow> rows)
    {
        int columns = rows.Count == 0 ? 0 : rows[0].Density.Length;
        var flat = new double[rows.Count * columns];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Density.CopyTo(flat, i * columns);
        }

        return new H5Dataset(flat, fileDims: [(ulong)rows.Count, (ulong)columns]);
    }

    private static H5Dataset Vector(double[] values) => new(values, fileDims: [(ulong)values.Length]);

    private static double[] Column(StudyRunRecord run, Func<SnapshotRow, double> value) => [.. run.Rows.Select(value)];

    private static string WriteText(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
