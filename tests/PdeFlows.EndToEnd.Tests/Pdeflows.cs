using System.Diagnostics;
using System.Text;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>The outcome of one finished <c>pdeflows</c> process.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs the real <c>pdeflows</c> program (pdeflows.dll, copied next to the test binaries by the
/// project reference) as a child process through the dotnet host.
/// </summary>
internal sealed class Pdeflows : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private Pdeflows(Process process)
    {
        this.process = process;
    }

    /// <summary>SIGKILL exit status as the parent sees it (128 + 9).</summary>
    public const int KilledExitCode = 137;

    public static string Program => Path.Combine(AppContext.BaseDirectory, "pdeflows.dll");

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>Starts <c>pdeflows ARGS</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Pdeflows Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        Assert.True(File.Exists(Program), $"{Program} is missing: the test project must reference cli/PdeFlows.Cli.csproj");
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in new[] { "PDEFLOWS_FAULT_KILL_BEFORE_RENAME", "PDEFLOWS_FAULT_KILL_SKIP", "PDEFLOWS_FAULT_KILL_HALF" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var run = new Pdeflows(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (run.stdout) { run.stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (run.stderr) { run.stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs <c>pdeflows ARGS</c> to the end.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var run = Start(workingDirectory, environment, arguments);
        return run.WaitForExit();
    }

    public bool HasExited => process.HasExited;

    /// <summary>Waits for the process (at most 2 minutes) and returns its exit code and output.</summary>
    public ProcessResult WaitForExit()
    {
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("pdeflows did not finish within 2 minutes");
        }

        process.WaitForExit(); // drains the redirected streams
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    /// <summary>Sends SIGKILL (Process.Kill on Linux) and waits; returns whether the process was still running when killed.</summary>
    public (bool WasRunning, ProcessResult Result) Kill()
    {
        bool wasRunning = !process.HasExited;
        process.Kill(entireProcessTree: true);
        return (wasRunning, WaitForExit());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
