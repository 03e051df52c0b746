using System.Globalization;
using System.Text;

namespace PdeFlows.IO;

/// <summary>
/// A description of a result without its fields (for <c>pdeflows info</c>): the case, the mesh
/// size, the output times, the energy at the first and last time of the summary series, and the provenance.
/// </summary>
/// <param name="Path">The file or directory described.</param>
/// <param name="IsFinished">Whether the run finished (result.h5 exists).</param>
/// <param name="Dimension">Spatial dimension d.</param>
/// <param name="VertexCount">Vertices.</param>
/// <param name="CellCount">Cells.</param>
/// <param name="OutputCount">Number of completed output times.</param>
/// <param name="FirstTime">The first output time, or null when there is none.</param>
/// <param name="LastTime">The last output time, or null when there is none.</param>
/// <param name="FieldNames">The fields of the last output time (empty when none).</param>
/// <param name="FirstEnergy">The series' "energy" at its first time, or null when absent.</param>
/// <param name="LastEnergy">The series' "energy" at its last time, or null when absent.</param>
/// <param name="SeriesQuantities">The names of the summary quantities.</param>
/// <param name="Provenance">Where the result came from.</param>
public sealed record ResultInfo(
    string Path,
    bool IsFinished,
    int Dimension,
    int VertexCount,
    int CellCount,
    int OutputCount,
    double? FirstTime,
    double? LastTime,
    IReadOnlyList<string> FieldNames,
    double? FirstEnergy,
    double? LastEnergy,
    IReadOnlyList<string> SeriesQuantities,
    ResultProvenance Provenance)
{
    /// <summary>Describes a result directory or result.h5 without reading the fields or the mesh arrays.</summary>
    /// <exception cref="ResultFormatException">A file is missing, unreadable or violates the layout.</exception>
    public static ResultInfo Describe(string path)
    {
        using var reader = ResultReader.Open(path);
        var steps = reader.Steps;
        double? firstEnergy = null, lastEnergy = null;
        if (reader.Series.Quantities.TryGetValue("energy", out var energy) && energy.Shape.Count == 1 && energy.Values.Length > 0)
        {
            firstEnergy = energy.Values[0];
            lastEnergy = energy.Values[^1];
        }

        return new ResultInfo(
            path,
            reader.IsFinished,
            reader.Dimension,
            reader.VertexCount,
            reader.CellCount,
            steps.Count,
            steps.Count > 0 ? steps[0].Time : null,
            steps.Count > 0 ? steps[^1].Time : null,
            steps.Count > 0 ? steps[^1].FieldNames : [],
            firstEnergy,
            lastEnergy,
            reader.Series.Quantities.Keys.ToList(),
            reader.Provenance);
    }

    /// <summary>A human-readable description, one item per line.</summary>
    public string ToText()
    {
        static string Real(double? value) => value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";
        var p = Provenance;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"result      {Path} ({(IsFinished ? "finished" : "not finished")})");
        text.AppendLine(CultureInfo.InvariantCulture, $"case        {p.CaseName} (sha256 {p.CaseSha256[..12]})");
        text.AppendLine(CultureInfo.InvariantCulture, $"mesh        d = {Dimension}, {VertexCount} vertices, {CellCount} cells");
        text.AppendLine(CultureInfo.InvariantCulture, $"outputs     {OutputCount} times, t = {Real(FirstTime)} .. {Real(LastTime)}; fields {(FieldNames.Count > 0 ? string.Join(", ", FieldNames) : "-")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"energy      first {Real(FirstEnergy)}, last {Real(LastEnergy)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"series      {(SeriesQuantities.Count > 0 ? string.Join(", ", SeriesQuantities) : "-")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"software    PdeFlows {p.PdeFlowsVersion}, commit {p.GitCommit ?? "unknown"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"solver      {p.LinearSolver}; seeds {(p.Seeds.Length > 0 ? string.Join(", ", p.Seeds) : "-")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"machine     {p.MachineName}, {p.OperatingSystem}, {p.ProcessorCount} processors");
        text.AppendLine(CultureInfo.InvariantCulture, $"started     {p.StartedUtc:u}; wall {(p.WallSeconds is double w ? w.ToString("F2", CultureInfo.InvariantCulture) + " s" : "-")}");
        return text.ToString();
    }
}
