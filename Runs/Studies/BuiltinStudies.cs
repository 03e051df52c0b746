using System.Reflection;
using PdeFlows.Runs.Studies.Gamma;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// The built-in studies of <c>pdeflows verify --builtin NAME</c>. Most are study files embedded in
/// this assembly (Studies/Builtin/*.toml, readable as examples of the format); the Γ-convergence studies
/// (<c>gamma-fr</c>, <c>gamma-wfr</c>, <c>gamma-fr-mesh</c>, <c>gamma-fr-particles</c>) are programs of
/// their own (Studies/Gamma), since they measure path quantities and limits a study file cannot express.
/// </summary>
public static class BuiltinStudies
{
    private static readonly (string Name, string Description, string[] Files)[] FileStudies =
    [
        ("mmd-flow", "MMD-geometry flow of ½MMD² vs π + e^{−t}(μ₀ − π), error ≤ 1e-8", ["mmd-flow.toml"]),
        ("gaussian-wfr", "1D Gaussian WFR and SWFR of KL vs the moment ODEs, refinement sweep, 1e-4", ["gaussian-wfr.toml", "gaussian-swfr.toml"]),
        ("space-order", "2D WFR manufactured solution, L² order 2 ± 0.1 in h", ["space-order.toml"]),
        ("time-order", "2D WFR manufactured solution, lie-ie order 1 ± 0.1 and strang 2 ± 0.15 in τ", ["time-order-lie-ie.toml", "time-order-strang.toml"]),
    ];

    /// <summary>The built-in study names with one-line descriptions.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
        [.. FileStudies.Select(s => (s.Name, s.Description)), (GammaWassersteinFisherRaoStudy.Name, GammaWassersteinFisherRaoStudy.Description), (GammaFisherRaoStudy.Name, GammaFisherRaoStudy.Description), (GammaMeshStudy.Name, GammaMeshStudy.Description), (GammaParticleStudy.Name, GammaParticleStudy.Description)];

    /// <summary>Whether <paramref name="name"/> is a built-in study.</summary>
    public static bool Exists(string name) => All.Any(s => s.Name == name);

    /// <summary>The study files of a file-based built-in (empty for program studies).</summary>
    public static IReadOnlyList<StudyDefinition> Definitions(string name)
    {
        var entry = FileStudies.FirstOrDefault(s => s.Name == name);
        return entry.Files is null ? [] : entry.Files.Select(f => StudyFileLoader.Parse(Text(f), $"builtin:{f}")).ToList();
    }

    /// <summary>The text of an embedded study file.</summary>
    public static string Text(string file)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PdeFlows.Runs.Studies.Builtin.{file}")
            ?? throw new ArgumentException($"no built-in study file '{file}'", nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Runs the built-in <paramref name="name"/>, writing into <paramref name="directory"/> (one
    /// subdirectory per study file when there are several); returns the Markdown report and whether
    /// every expectation held. Progress lines go to <paramref name="progress"/>.
    /// </summary>
    public static BuiltinStudyOutcome Run(string name, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        if (name == GammaFisherRaoStudy.Name)
        {
            return GammaFisherRaoStudy.Run(GammaFisherRaoOptions.Default, directory, progress, cancellation);
        }

        if (name == GammaWassersteinFisherRaoStudy.Name)
        {
            return GammaWassersteinFisherRaoStudy.Run(GammaWassersteinFisherRaoOptions.Default, directory, progress, cancellation);
        }

        if (name == GammaMeshStudy.Name)
        {
            return GammaMeshStudy.Run(GammaMeshOptions.Default, directory, progress, cancellation);
        }

        if (name == GammaParticleStudy.Name)
        {
            return GammaParticleStudy.Run(GammaParticleOptions.Default, directory, progress, cancellation);
        }

        var definitions = Definitions(name);
        if (definitions.Count == 0)
        {
            throw new ArgumentException($"unknown built-in study '{name}'", nameof(name));
        }

        var markdown = new System.Text.StringBuilder();
        var failures = new List<string>();
        foreach (StudyDefinition definition in definitions)
        {
            progress?.WriteLine($"study {definition.Name}");
            StudyResult result = StudyRunner.Run(definition, progress, cancellation);
            WriteResult(result, definitions.Count, directory, markdown, failures);
        }

        return new BuiltinStudyOutcome(name, markdown.ToString(), failures);
    }

    /// <summary>
    /// Writes the finished results of the built-in <paramref name="name"/> (one per study file, in
    /// order) as <see cref="Run"/> does; merging shards (Runs/Sharding) ends here.
    /// </summary>
    /// <param name="name">The built-in name.</param>
    /// <param name="results">One result per study file.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The Markdown report and the failures.</returns>
    public static BuiltinStudyOutcome Write(string name, IReadOnlyList<StudyResult> results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        var markdown = new System.Text.StringBuilder();
        var failures = new List<string>();
        foreach (StudyResult result in results)
        {
            WriteResult(result, results.Count, directory, markdown, failures);
        }

        return new BuiltinStudyOutcome(name, markdown.ToString(), failures);
    }

    /// <summary>One study file's outputs (a subdirectory when the built-in has several) and its part of the report.</summary>
    private static void WriteResult(StudyResult result, int count, string directory, System.Text.StringBuilder markdown, List<string> failures)
    {
        var definition = result.Definition;
        string target = count == 1 ? directory : Path.Combine(directory, definition.Name);
        StudyOutputWriter.Write(result, target);
        string report = File.ReadAllText(Path.Combine(target, "report.md"));
        markdown.AppendLine($"### {definition.Name}").AppendLine().Append(count == 1 ? report : ResultsPage.PrefixLinks(report, definition.Name)).AppendLine();
        if (result.FailureMessage is string failure)
        {
            failures.Add(failure);
        }
    }
}

/// <summary>The outcome of a built-in study.</summary>
/// <param name="Name">The built-in name.</param>
/// <param name="Markdown">The tables and findings, as Markdown.</param>
/// <param name="Failures">One message (with its whole table) per missed expectation; empty when all held.</param>
public sealed record BuiltinStudyOutcome(string Name, string Markdown, IReadOnlyList<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}
