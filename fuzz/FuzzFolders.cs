namespace PdeFlows.Fuzz;

/// <summary>Folders the harnesses resolve relative paths against.</summary>
internal static class FuzzFolders
{
    /// <summary>An empty folder under the temporary directory, created once per process.</summary>
    public static string Empty { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pdeflows-fuzz-empty")).FullName;
}
