using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// Where each key of a case file was written, so that later stages (mesh, discretization,
/// flows) can report an error in a value with its line: <c>map.Error("target.density", "...")</c>.
/// Keys are dotted paths: <c>flow.alpha</c>, <c>output.regions.left.lower</c>; a section path
/// (<c>flow</c>) gives the location of its header.
/// </summary>
public sealed class CaseSourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations;

    /// <summary>Creates a map for <paramref name="file"/>.</summary>
    /// <param name="file">The file name as displayed.</param>
    /// <param name="locations">Key path → location of its value (or of a section's header).</param>
    public CaseSourceMap(string file, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        File = file;
        _locations = new Dictionary<string, SourceLocation>(locations, StringComparer.Ordinal);
    }

    /// <summary>The file name as displayed in messages.</summary>
    public string File { get; }

    /// <summary>Every recorded key path with its location.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Entries => _locations;

    /// <summary>The location of <paramref name="keyPath"/>'s value, or <c>null</c> when the key was not written.</summary>
    /// <param name="keyPath">A dotted key path such as <c>flow.alpha</c>.</param>
    /// <returns>The location, or <c>null</c>.</returns>
    public SourceLocation? Find(string keyPath) =>
        _locations.TryGetValue(keyPath, out SourceLocation? location) ? location : null;

    /// <summary>
    /// The location of <paramref name="keyPath"/>, else of the nearest enclosing section that was
    /// written, else line 1 column 1 (for a value that came from a default).
    /// </summary>
    /// <param name="keyPath">A dotted key path.</param>
    /// <returns>The best location available.</returns>
    public SourceLocation Locate(string keyPath)
    {
        string path = keyPath;
        while (true)
        {
            if (_locations.TryGetValue(path, out SourceLocation? location))
            {
                return location;
            }

            int dot = path.LastIndexOf('.');
            if (dot < 0)
            {
                return new SourceLocation(File, 1, 1);
            }

            path = path[..dot];
        }
    }

    /// <summary>An exception for a semantic error found later, located at <paramref name="keyPath"/>.</summary>
    /// <param name="keyPath">The key whose value is wrong, e.g. <c>target.density</c>.</param>
    /// <param name="reason">What is wrong, e.g. <c>the density is not normalizable on the domain</c>.</param>
    /// <returns>The exception to throw; its message reads <c>case.toml:14:11: [target] density: ...</c>.</returns>
    public CaseFileException Error(string keyPath, string reason) => new(Locate(keyPath), keyPath, reason);

    /// <summary>An exception for a semantic error found later in the value of <paramref name="key"/>.</summary>
    /// <param name="key">The key whose value is wrong.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public CaseFileException Error(TomlKey key, string reason) => Error(key.Path, reason);
}
