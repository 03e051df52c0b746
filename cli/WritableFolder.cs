namespace PdeFlows.Cli;

/// <summary>
/// Checks, before any work, that an output folder can be created and written, so that a bad
/// <c>--out</c> or <c>--summary</c> fails at once with one clear line (exit 2) and not after a run.
/// </summary>
internal static class WritableFolder
{
    /// <summary>Creates <paramref name="folder"/> if needed and writes and deletes a probe file in it.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="option">The option that named it, for the hint (e.g. <c>--out</c>).</param>
    /// <exception cref="UserError">The folder cannot be created or written.</exception>
    public static void Ensure(string folder, string option)
    {
        string probe = Path.Combine(folder, $".pdeflows-write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UserError($"cannot write to the folder '{folder}' ({Reason(e)})", $"choose a writable folder with {option}");
        }
    }

    /// <summary>A short reason: the system's message, without the path it repeats.</summary>
    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "it or a parent folder cannot be created there",
        _ => e.Message.TrimEnd('.'),
    };
}
