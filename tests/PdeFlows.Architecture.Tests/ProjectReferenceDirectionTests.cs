using System.Xml.Linq;

namespace PdeFlows.Architecture.Tests;

/// <summary>
/// The layering: Mesh → Discretization → Flows → KernelApprox → Verification → Runs → cli; io on
/// Mesh only; Runs (the application layer) may use io; cli wires Runs and io; bench and tests may use
/// anything. Reads the project files themselves, so a new reference in the wrong direction fails here.
/// </summary>
public class ProjectReferenceDirectionTests
{
    /// <summary>For each library project, the projects it may reference (directly).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["PdeFlows.Mesh"] = [],
        ["PdeFlows.Discretization"] = ["PdeFlows.Mesh"],
        ["PdeFlows.Flows"] = ["PdeFlows.Mesh", "PdeFlows.Discretization"],
        ["PdeFlows.KernelApprox"] = ["PdeFlows.Mesh", "PdeFlows.Discretization", "PdeFlows.Flows"],
        // The mathematics of verification (tables, orders, metrics, plots) knows nothing of files of runs.
        ["PdeFlows.Verification"] = ["PdeFlows.Mesh", "PdeFlows.Discretization", "PdeFlows.Flows", "PdeFlows.KernelApprox"],
        ["PdeFlows.IO"] = ["PdeFlows.Mesh"],
        // The application layer: case and study files, the runner, result content (through io), studies, demo.
        ["PdeFlows.Runs"] = ["PdeFlows.Mesh", "PdeFlows.Discretization", "PdeFlows.Flows", "PdeFlows.KernelApprox", "PdeFlows.Verification", "PdeFlows.IO"],
        // The command line parses arguments and wires the application layer; it reads results through io.
        ["PdeFlows.Cli"] = ["PdeFlows.Runs", "PdeFlows.IO"],
    };

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdeFlows.sln not found above the test binaries.");
    }

    internal static IReadOnlyList<string> ReferencedProjects(string csprojPath) =>
        XDocument.Load(csprojPath).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    /// <summary>Returns every violation of <paramref name="allowed"/> among <paramref name="projects"/>.</summary>
    internal static List<string> Violations(IReadOnlyDictionary<string, IReadOnlyList<string>> projects, Dictionary<string, string[]> allowed)
    {
        var violations = new List<string>();
        foreach (var (name, references) in projects)
        {
            if (!allowed.TryGetValue(name, out string[]? ok))
            {
                continue; // bench and tests may reference anything
            }

            violations.AddRange(references.Where(r => !ok.Contains(r)).Select(r => $"{name} must not reference {r}"));
        }

        return violations;
    }

    private static Dictionary<string, IReadOnlyList<string>> AllProjects()
    {
        string root = RepositoryRoot();
        return Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => ReferencedProjects(p));
    }

    [Fact]
    public void Library_projects_reference_only_lower_layers()
    {
        var projects = AllProjects();
        foreach (string library in Allowed.Keys)
        {
            Assert.True(projects.ContainsKey(library), $"project {library} is missing");
        }

        var violations = Violations(projects, Allowed);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Checker_reports_a_reference_in_the_wrong_direction()
    {
        // Proves the check above can fail: Mesh referencing Flows is a violation.
        var fake = new Dictionary<string, IReadOnlyList<string>>
        {
            ["PdeFlows.Mesh"] = ["PdeFlows.Flows"],
            ["PdeFlows.IO"] = ["PdeFlows.Mesh"],
        };
        var violations = Violations(fake, Allowed);
        Assert.Equal(["PdeFlows.Mesh must not reference PdeFlows.Flows"], violations);
    }

    [Fact]
    public void Cli_references_the_application_layer()
    {
        Assert.Contains("PdeFlows.Runs", AllProjects()["PdeFlows.Cli"]);
    }
}
