using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.References;

/// <summary>
/// <c>pdeflows reference CASE.toml</c> in one process: parse the case, plan the levels, run them,
/// extrapolate and write the reference (<see cref="ReferenceOutputWriter"/>).
/// </summary>
public static class ReferenceSession
{
    /// <summary>Parses the case text as <c>pdeflows run</c> does (relative paths against the file's folder).</summary>
    /// <param name="caseText">The case file's text.</param>
    /// <param name="casePath">The case file as named.</param>
    /// <param name="directory">The folder relative paths resolve in (default: the file's folder).</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFileException">The case is invalid.</exception>
    public static CaseDefinition Parse(string caseText, string casePath, string? directory = null) =>
        CaseFileLoader.Parse(caseText, casePath, directory ?? Path.GetDirectoryName(Path.GetFullPath(casePath)));

    /// <summary>Runs all levels and writes the reference into <paramref name="directory"/>.</summary>
    /// <param name="caseText">The case file's text.</param>
    /// <param name="casePath">The case file as named.</param>
    /// <param name="levels">K.</param>
    /// <param name="directory">The output directory.</param>
    /// <param name="progress">One line per level, or null.</param>
    /// <param name="cancellation">Stops a run between steps.</param>
    /// <returns>The reference.</returns>
    public static ReferenceResult Run(string caseText, string casePath, int levels, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        var plan = ReferencePlan.Create(Parse(caseText, casePath), levels);
        var records = ReferenceRunner.Run(plan, null, progress, cancellation);
        var result = ReferenceAnalysis.Analyze(plan, records, caseText, casePath);
        ReferenceOutputWriter.Write(result, directory);
        return result;
    }
}
