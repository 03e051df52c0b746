using System.Globalization;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>The tests that start pdeflows processes run one at a time (timed kills; 2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<RunFixture>
{
    public const string Name = "pdeflows processes";
}

/// <summary>
/// A scratch folder, the small case files and their uninterrupted reference runs (each computed
/// once, on first use, and shared by the tests of <see cref="ProcessCollection"/>).
/// </summary>
public sealed class RunFixture : IDisposable
{
    private readonly Dictionary<string, (string Run, string Summary, double WallSeconds)> references = [];

    public RunFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "pdeflows-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>
    /// A 2D spherical WFR flow of KL with the exact (kernel-free) reaction on a 24 × 24 square
    /// (625 nodes): 200 steps, 5 output times (one not on a checkpoint step), a checkpoint every
    /// 5 steps; about a second of computing.
    /// </summary>
    public static string CaseText(string solver, string scheme) => $$"""
        name = "e2e-kill-resume"

        [domain]
        kind = "rectangle"
        lower = [-2.0, -2.0]
        upper = [2.0, 2.0]
        cells = [24, 24]

        [target]
        potential = "(x^2 - 1)^2 + 0.5*y^2"

        [initial]
        density = "exp(-((x-1)^2 + (y-0.5)^2)/0.3)"
        mass = 1.0

        [flow]
        kind = "swfr"
        energy = "kl"
        alpha = 1.0
        beta = 1.0
        reaction = "exact"

        [time]
        end = 0.5
        step = 2.5e-3
        scheme = "{{scheme}}"

        [solver]
        linear = "{{solver}}"

        [output]
        times = [0, 0.1, 0.2, 0.35, 0.5]
        probes = [[0.0, 0.0], [1.0, 0.0]]
        regions = { left = { lower = [-2.0, -2.0], upper = [0.0, 2.0] } }
        checkpoint_every = 5
        """;

    /// <summary>Writes the case file for (<paramref name="solver"/>, <paramref name="scheme"/>) and returns its path.</summary>
    public string CaseFile(string solver, string scheme)
    {
        string path = Path.Combine(Root, $"case-{solver}-{scheme}.toml");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, CaseText(solver, scheme));
        }

        return path;
    }

    /// <summary>A fresh, not yet existing path under the scratch folder.</summary>
    public string NewPath(string prefix) => Path.Combine(Root, $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The uninterrupted run of the case (result directory, summary file, its wall seconds).</summary>
    public (string Run, string Summary, double WallSeconds) Reference(string solver, string scheme)
    {
        lock (references)
        {
            string key = solver + "/" + scheme;
            if (!references.TryGetValue(key, out var reference))
            {
                string run = Path.Combine(Root, $"reference-{solver}-{scheme}");
                string summary = run + ".json";
                var result = Pdeflows.Run(Root, null, "run", CaseFile(solver, scheme), "--out", run, "--summary", summary, "--quiet");
                Assert.True(result.ExitCode == 0, result.ToString());
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
                double wall = json.RootElement.GetProperty("wall_seconds").GetDouble();
                reference = (run, summary, wall);
                references[key] = reference;
            }

            return reference;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
