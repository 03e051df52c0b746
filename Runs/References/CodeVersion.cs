using System.Reflection;

namespace PdeFlows.Runs.References;

/// <summary>The PdeFlows version and the git commit the binaries were built from (the assembly's informational version, <c>0.1.0+commit</c>).</summary>
/// <param name="Version">The version.</param>
/// <param name="GitCommit">The commit, or null when the build did not know it.</param>
public sealed record CodeVersion(string Version, string? GitCommit)
{
    /// <summary>The version of the running code.</summary>
    public static CodeVersion Current { get; } = Read();

    private static CodeVersion Read()
    {
        string informational = typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? new CodeVersion(informational, null) : new CodeVersion(informational[..plus], plus + 1 < informational.Length ? informational[(plus + 1)..] : null);
    }
}
