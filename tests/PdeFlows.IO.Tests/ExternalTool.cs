using System.Diagnostics;

namespace PdeFlows.IO.Tests;

/// <summary>Runs the reference tools (h5dump, /usr/bin/python3 with h5py or meshio) when installed.</summary>
internal static class ExternalTool
{
    public const string Python = "/usr/bin/python3";

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>Whether /usr/bin/python3 can import <paramref name="module"/>.</summary>
    public static bool PythonHas(string module) =>
        File.Exists(Python) && Run(Python, ["-c", $"import {module}"], out _) == 0;

    public static int Run(string program, string[] arguments, out string output)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 60 s");
        }

        output = stdout.Result + stderr.Result;
        return process.ExitCode;
    }

    public static string RunPython(string script, params string[] arguments)
    {
        string file = Path.Combine(Path.GetTempPath(), $"pdeflows-io-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            int code = Run(Python, [file, .. arguments], out string output);
            Assert.True(code == 0, $"python exited with {code}:\n{output}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
