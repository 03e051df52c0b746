namespace PdeFlows.Tests.Shared;

/// <summary>
/// A fresh directory under the system temp folder, deleted on dispose. When the environment variable
/// PDEFLOWS_KEEP_TEST_OUTPUT names a folder, the directory is made there and kept (to look at the PNGs).
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly bool keep;

    public TemporaryDirectory(string label)
    {
        string? kept = Environment.GetEnvironmentVariable("PDEFLOWS_KEEP_TEST_OUTPUT");
        keep = !string.IsNullOrEmpty(kept);
        string parent = keep ? kept! : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(parent, $"pdeflows-verification-{label}-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
