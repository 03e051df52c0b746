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
        File.Exists(Python) && Run(Python, ["-c", $"import {module}"], out _, out _) == 0;

    /// <summary>Runs <paramref name="program"/>; its standard output and standard error come back apart (only stdout is ever parsed).</summary>
    public static int Run(string program, string[] arguments, out string output, out string errors)
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

        output = stdout.Result;
        errors = stderr.Result;
        return process.ExitCode;
    }

    /// <summary>Runs a python script; returns its standard output (what the callers parse as JSON).</summary>
    public static string RunPython(string script, params string[] arguments)
    {
        string file = Path.Combine(Path.GetTempPath(), $"pdeflows-io-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            int code = Run(Python, [file, .. arguments], out string output, out string errors);
            Assert.True(code == 0, $"python exited with {code}:\n{output}\nstderr:\n{errors}");
            // Only stdout is returned for parsing: a warning python prints on stderr cannot corrupt the JSON.
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
