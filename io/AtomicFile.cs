using PureHDF;

namespace PdeFlows.IO;

/// <summary>
/// Writes a file under a temporary name in the same folder (<c>name.tmp</c>), flushes it, then
/// renames it over the final name, so a reader (or a run killed mid-write) never sees a partial
/// file under a final name. A temporary file left by an exception is deleted; one left by a killed
/// process is overwritten by the next write of the same name and ignored by readers.
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
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
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
