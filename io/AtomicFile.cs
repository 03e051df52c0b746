using System.Diagnostics;
using System.IO.Enumeration;
using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// Writes a file under a temporary name in the same folder (<c>name.tmp</c>), flushes it, then
/// renames it over the final name, so a reader (or a run killed mid-write) never sees a partial
/// file under a final name. A temporary file left by an exception is deleted; one left by a killed
/// process is overwritten by the next write of the same name and ignored by readers.
/// A test hook (<see cref="FaultInjection"/>, environment variables) can kill the process between
/// the write and the rename.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes an HDF5 file in one piece.</summary>
    public static void WriteHdf(string path, H5File file, bool flushToDisk) =>
        Write(path, flushToDisk, stream => file.Write(stream));

    /// <summary>Writes an HDF5 file, streaming large datasets through <paramref name="streamData"/>.</summary>
    public static void WriteHdfStreaming(string path, H5File file, bool flushToDisk, Action<H5NativeWriter> streamData) =>
        Write(path, flushToDisk, stream =>
        {
            using var writer = file.BeginWrite(stream);
            streamData(writer);
        });

    /// <summary>Writes bytes.</summary>
    public static void WriteBytes(string path, byte[] bytes, bool flushToDisk) =>
        Write(path, flushToDisk, stream => stream.Write(bytes));

    private static void Write(string path, bool flushToDisk, Action<FileStream> write)
    {
        string temporary = path + ResultLayout.TemporarySuffix;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            CommitHook?.Invoke(temporary);
            FaultInjection.BeforeRename(temporary, path);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Flushes an existing file's data to the device (fsync).</summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Test hook (per thread): called after the temporary file is complete, before the rename.</summary>
    internal static Action<string>? CommitHook
    {
        get => commitHook;
        set => commitHook = value;
    }

    [ThreadStatic]
    private static Action<string>? commitHook;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: a leftover .tmp is harmless (ignored by readers, overwritten by the next write)
        }
        catch (UnauthorizedAccessException)
        {
            // same
        }
    }
}

/// <summary>
/// Test hook for crash-safety tests: with the environment variable
/// <c>PDEFLOWS_FAULT_KILL_BEFORE_RENAME=PATTERN</c> (a file-name pattern with <c>*</c> and <c>?</c>,
/// matched against the final file name, e.g. <c>ckpt-*.h5</c> or <c>result.h5</c>), the process
/// kills itself with SIGKILL after a matching file's temporary copy is written and flushed and
/// before it is renamed. <c>PDEFLOWS_FAULT_KILL_SKIP=N</c> lets the first N matching writes pass;
/// <c>PDEFLOWS_FAULT_KILL_HALF=1</c> first truncates the temporary file to half its length (a torn
/// write). A line <c>pdeflows: fault injection: ...</c> goes to stderr just before the kill.
/// Never set these outside tests.
/// </summary>
internal static class FaultInjection
{
    /// <summary>Environment variable: the file-name pattern that triggers the kill.</summary>
    public const string PatternVariable = "PDEFLOWS_FAULT_KILL_BEFORE_RENAME";

    /// <summary>Environment variable: how many matching writes to let pass first (default 0).</summary>
    public const string SkipVariable = "PDEFLOWS_FAULT_KILL_SKIP";

    /// <summary>Environment variable: "1" to truncate the temporary file to half its length before the kill.</summary>
    public const string HalfVariable = "PDEFLOWS_FAULT_KILL_HALF";

    private static readonly string? Pattern = Environment.GetEnvironmentVariable(PatternVariable) is { Length: > 0 } p ? p : null;
    private static readonly int Skip = int.TryParse(Environment.GetEnvironmentVariable(SkipVariable), out int n) ? n : 0;
    private static readonly bool Half = Environment.GetEnvironmentVariable(HalfVariable) == "1";
    private static int matches;

    /// <summary>Kills the process when <paramref name="finalPath"/> matches the configured pattern (and enough matches were skipped).</summary>
    public static void BeforeRename(string temporary, string finalPath)
    {
        if (Pattern is null)
        {
            return;
        }

        string name = Path.GetFileName(finalPath);
        if (!FileSystemName.MatchesSimpleExpression(Pattern, name, ignoreCase: false)
            || Interlocked.Increment(ref matches) <= Skip)
        {
            return;
        }

        if (Half)
        {
            using var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write);
            stream.SetLength(stream.Length / 2);
            stream.Flush(flushToDisk: true);
        }

        Console.Error.WriteLine($"pdeflows: fault injection: killing the process before renaming {name}{(Half ? " (temporary file truncated to half)" : "")}");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill(); // SIGKILL on Linux and macOS: no finalizers, no cleanup, like a crash or the OOM killer
        Thread.Sleep(Timeout.Infinite);
    }
}
