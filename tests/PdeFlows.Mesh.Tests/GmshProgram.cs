using System.Diagnostics;
using PdeFlows.Mesh;

namespace PdeFlows.Mesh.Tests;

/// <summary>Runs the real gmsh program (Debian package gmsh) when it is on PATH; tests skip where it is absent.</summary>
internal static class GmshProgram
{
    public const string SkipMessage = "skipped: gmsh not installed";

    private static readonly Lazy<string?> Executable = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "gmsh"))
            .FirstOrDefault(File.Exists));

    /// <summary>True when gmsh is on PATH.</summary>
    public static bool IsInstalled => Executable.Value is not null;

    private static readonly Lazy<string> CachedVersion = new(() => Run(Path.GetTempPath(), "--version").Trim());

    /// <summary>The version gmsh reports (e.g. "4.8.4").</summary>
    public static string Version => CachedVersion.Value;

    /// <summary>
    /// Writes <paramref name="geo"/> into a fresh temporary directory, meshes it with
    /// <c>gmsh -d name.geo -format F -o out.msh</c>, reads the result and the file's own header
    /// counts, and deletes the directory.
    /// </summary>
    public static (GmshReadResult Result, MshHeaderCounts Counts) MeshAndRead(string name, string geo, int dimension, string format)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"pdeflows-gmsh-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, name + ".geo"), geo);
            string output = Path.Combine(directory, $"{name}-{format}.msh");
            Run(directory, $"-{dimension}", "-nt", "1", name + ".geo", "-format", format, "-o", output);
            return (GmshReader.Read(output), MshHeaderCounts.Of(output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value!)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"gmsh {string.Join(' ', arguments)} took over 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gmsh {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output}");
        }

        // gmsh --version prints to standard error.
        return output + error.Result;
    }
}
