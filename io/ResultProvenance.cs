using System.Reflection;
using System.Runtime.InteropServices;

namespace PdeFlows.IO;

/// <summary>
/// Where a result came from: the case (name, text, resolved parameters), the software (PdeFlows
/// version, git commit), the choices made at run time (seeds, linear solver) and the machine.
/// Stored in mesh.h5 when a run starts and in result.h5 (with the wall time) when it finishes.
/// </summary>
/// <param name="CaseName">The case's <c>name</c>.</param>
/// <param name="CaseText">The case file's text, verbatim.</param>
/// <param name="ParametersJson">The resolved parameters (defaults filled in) as a JSON string.</param>
/// <param name="Seeds">Random seeds used (empty when none).</param>
/// <param name="LinearSolver">The linear solver actually used (e.g. "cholmod", "managed").</param>
/// <param name="PdeFlowsVersion">The PdeFlows version.</param>
/// <param name="GitCommit">The git commit the binaries were built from, or null when unknown.</param>
/// <param name="MachineName">The machine's name.</param>
/// <param name="OperatingSystem">The operating system description.</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="StartedUtc">When the run started (UTC).</param>
/// <param name="WallSeconds">Wall-clock seconds of the whole run; null until the run has finished.</param>
/// <param name="Steps">Accepted time steps of the whole run; null until the run has finished (and in results older than issue 13).</param>
/// <param name="RejectedSteps">Rejected (halved) time steps of the whole run; null like <paramref name="Steps"/>.</param>
public sealed record ResultProvenance(
    string CaseName,
    string CaseText,
    string ParametersJson,
    long[] Seeds,
    string LinearSolver,
    string PdeFlowsVersion,
    string? GitCommit,
    string MachineName,
    string OperatingSystem,
    int ProcessorCount,
    DateTimeOffset StartedUtc,
    double? WallSeconds = null,
    int? Steps = null,
    int? RejectedSteps = null)
{
    /// <summary>The SHA-256 of <see cref="CaseText"/> (see <see cref="CaseTextHash"/>); stored in every checkpoint.</summary>
    public string CaseSha256 => CaseTextHash.Compute(CaseText);

    /// <summary>
    /// Provenance for a run started now in this process: version and git commit from the PdeFlows
    /// assembly's informational version (<c>0.1.0+commit</c>), machine, OS and processor count from
    /// the environment.
    /// </summary>
    public static ResultProvenance ForCurrentProcess(string caseName, string caseText, string parametersJson, long[] seeds, string linearSolver)
    {
        string informational = typeof(ResultProvenance).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        string version = plus >= 0 ? informational[..plus] : informational;
        string? commit = plus >= 0 && plus + 1 < informational.Length ? informational[(plus + 1)..] : null;
        return new ResultProvenance(
            caseName,
            caseText,
            parametersJson,
            seeds,
            linearSolver,
            version,
            commit,
            Environment.MachineName,
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            DateTimeOffset.UtcNow);
    }
}
