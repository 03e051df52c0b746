using System.Diagnostics;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// <c>pdeflows</c> as a .NET tool: the cli project packs into a tool package (<c>dotnet pack cli</c>),
/// <c>dotnet tool install --tool-path</c> installs it from that folder, and the installed command runs.
/// This is the path the README and docs/getting-started.md give users and cluster scripts.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_reports_the_version()
    {
        string root = RepositoryRoot();
        string scratch = Directory.CreateTempSubdirectory("pdeflows-tool-").FullName;
        try
        {
            string packages = Path.Combine(scratch, "packages");
            string toolPath = Path.Combine(scratch, "tools");

            // --no-build: the cli was built by this test run's own build, in this test's configuration.
            var pack = Dotnet(root, "pack", Path.Combine(root, "cli", "PdeFlows.Cli.csproj"), "-c", Configuration(), "--no-build", "-o", packages, "-nologo");
            Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack}");
            string package = Assert.Single(Directory.GetFiles(packages, "PdeFlows.Cli.*.nupkg"));
            string version = Path.GetFileNameWithoutExtension(package)["PdeFlows.Cli.".Length..];

            var install = Dotnet(scratch, "tool", "install", "PdeFlows.Cli", "--tool-path", toolPath, "--add-source", packages, "--version", version, "--ignore-failed-sources");
            Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install}");

            string command = Path.Combine(toolPath, "pdeflows");
            Assert.True(File.Exists(command), $"the tool path has no 'pdeflows' command: {string.Join(", ", Directory.GetFileSystemEntries(toolPath).Select(Path.GetFileName))}");
            var printed = Run(scratch, command, "--version");
            Assert.True(printed.ExitCode == 0, printed.ToString());
            // The version the package was made with (Directory.Build.props) is the version the command prints.
            Assert.Equal(version, printed.Stdout.Trim());

            var help = Run(scratch, command, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("verify", help.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Release or Debug: the configuration this test assembly was built in (bin/CONFIG/...).</summary>
    private static string Configuration() =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdeFlows.sln not found above the test binaries.");
    }

    private static ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet", arguments);

    private static ProcessResult Run(string workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the user's tool manifests and first-run messages out of the child's behaviour.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
