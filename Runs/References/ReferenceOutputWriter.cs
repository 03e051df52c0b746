using System.Globalization;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Extrapolation;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Runs.References;

/// <summary>
/// Writes a reference into a directory: <c>reference.json</c> (<see cref="ReferenceJson"/>),
/// <c>reference.md</c> and <c>reference.csv</c> (<see cref="ReferenceTables"/>) and
/// <c>convergence.png</c>: |E_ℓ(t) − E_ref(t)| against h for the energy at every output time
/// where it was extrapolated, with the expected slope.
/// </summary>
public static class ReferenceOutputWriter
{
    /// <summary>Writes the files (the directory is created when absent); returns their paths.</summary>
    /// <param name="result">The reference.</param>
    /// <param name="directory">The directory.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(ReferenceResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        string Text(string name, string text)
        {
            string path = Path.Combine(directory, name);
            CaseRunSession.WriteAtomically(path, text);
            return path;
        }

        written.Add(Text("reference.json", ReferenceJson.Write(result)));
        written.Add(Text("reference.md", ReferenceTables.Markdown(result)));
        written.Add(Text("reference.csv", ReferenceTables.Csv(result)));
        if (ConvergenceOfEnergy(result) is { } table)
        {
            written.Add(ConvergencePlot.Write(table, Path.Combine(directory, "convergence.png"), [new ReferenceSlope(result.Settings.ExpectedOrder, table.Metrics[0])]));
        }

        return written;
    }

    /// <summary>|E_ℓ(t) − E_ref(t)| per level for the extrapolated energies (null when none was extrapolated).</summary>
    /// <param name="result">The reference.</param>
    /// <returns>The table, or null.</returns>
    public static ConvergenceTable? ConvergenceOfEnergy(ReferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entries = result.Entries.Where(e => e.Kind == ReferenceQuantityKind.Energy && e.Estimate.Status == ExtrapolationStatus.Extrapolated).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var metrics = entries.Select(e => Metric.Custom($"energy t={e.Time.ToString("G4", CultureInfo.InvariantCulture)}")).ToList();
        var table = new ConvergenceTable(SweptParameter.MeshSize, metrics, $"{result.Provenance.CaseName}: |E_h(t) − E_ref(t)|");
        for (int l = 0; l < result.Levels.Count; l++)
        {
            table.Add(result.Levels[l].H, result.Levels[l].Nodes, [.. entries.Select(e => Math.Abs(e.LevelValues[l] - e.Estimate.Value))]);
        }

        return table;
    }
}
