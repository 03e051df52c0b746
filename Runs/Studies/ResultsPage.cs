using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdeFlows.Runs.Studies.Gamma;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// A docs/results page of a built-in study, written by <c>pdeflows verify --builtin NAME --out DIR --page
/// PAGE.md</c>: the study's setup (the header comments of its study files, or the setup text of a
/// program study — configuration, no results), the command that made the page and its wall time, the
/// exit status, and the study's own generated report (tables, findings, verdicts) with its links
/// pointing into DIR. Every number on the page is printed by the run that made it.
/// </summary>
public static partial class ResultsPage
{
    /// <summary>The page text.</summary>
    /// <param name="outcome">The study's outcome.</param>
    /// <param name="outputDirectory">DIR, where the study wrote its files.</param>
    /// <param name="pagePath">Where the page goes.</param>
    /// <param name="command">The command line that made it.</param>
    /// <param name="wallSeconds">The wall-clock seconds of the study.</param>
    /// <returns>The Markdown.</returns>
    public static string Build(BuiltinStudyOutcome outcome, string outputDirectory, string pagePath, string command, double wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string pageFolder = Path.GetDirectoryName(Path.GetFullPath(pagePath)) ?? ".";
        string relative = Path.GetRelativePath(pageFolder, Path.GetFullPath(outputDirectory)).Replace('\\', '/');
        var text = new StringBuilder();
        text.AppendLine($"# Built-in study `{outcome.Name}`").AppendLine();
        text.AppendLine("This page is generated: every number below is printed by the run that made it.").AppendLine();
        text.AppendLine("## Setup").AppendLine().AppendLine(Setup(outcome.Name)).AppendLine();
        text.AppendLine($"Made by (Release build, {Environment.ProcessorCount} cores, {wallSeconds.ToString("F0", CultureInfo.InvariantCulture)} s wall):").AppendLine();
        text.AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        text.AppendLine(outcome.Passed
            ? "Exit code 0: no check failed (a study that has inconclusive verdicts reports them in its results below)."
            : $"Exit code 1: {outcome.Failures.Count} check(s) missed:{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine, outcome.Failures.Select(f => $"- {f}"))}").AppendLine();
        text.AppendLine($"Outputs beside this page in `{relative}/` (report.md, tables, PNGs; HDF5 files are not checked in).").AppendLine();
        text.AppendLine("## Results").AppendLine();
        text.Append(PrefixLinks(outcome.Markdown, relative));
        return text.ToString();
    }

    /// <summary>Prefixes every relative link or image target of <paramref name="markdown"/> with <paramref name="folder"/>.</summary>
    /// <param name="markdown">The Markdown.</param>
    /// <param name="folder">The folder, relative.</param>
    /// <returns>The Markdown with the targets prefixed.</returns>
    public static string PrefixLinks(string markdown, string folder)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return folder is "" or "." ? markdown : LinkTarget().Replace(markdown, m => $"]({folder}/{m.Groups[1].Value})");
    }

    /// <summary>The setup of a built-in: its study files' header comments, or a program study's setup text.</summary>
    /// <param name="name">The built-in's name.</param>
    /// <returns>The text.</returns>
    public static string Setup(string name) => name switch
    {
        GammaFisherRaoStudy.Name => GammaFisherRaoStudy.Setup,
        GammaWassersteinFisherRaoStudy.Name => GammaWassersteinFisherRaoStudy.Setup,
        GammaMeshStudy.Name => GammaMeshStudy.Setup,
        GammaParticleStudy.Name => GammaParticleStudy.Setup,
        _ => string.Join(Environment.NewLine + Environment.NewLine, BuiltinStudies.Definitions(name).Select(d =>
            $"`{d.File.Replace("builtin:", "Runs/Studies/Builtin/", StringComparison.Ordinal)}`:{Environment.NewLine}{Environment.NewLine}```text{Environment.NewLine}{Header(BuiltinStudies.Text(d.File.Replace("builtin:", "", StringComparison.Ordinal)))}{Environment.NewLine}```")),
    };

    private static string Header(string toml) =>
        string.Join(Environment.NewLine, toml.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => (l.StartsWith("# ", StringComparison.Ordinal) ? l[2..] : l[1..]).TrimEnd('\r')));

    [GeneratedRegex(@"\]\((?!https?:|/|#)([^)\s]+)\)")]
    private static partial Regex LinkTarget();
}
