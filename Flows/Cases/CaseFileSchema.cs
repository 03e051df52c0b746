namespace PdeFlows.Flows.Cases;

/// <summary>
/// The sections and keys a case file may contain (interfaces.md). Anything else is rejected
/// with its line and, when it looks like a typo, the closest known name.
/// </summary>
public static class CaseFileSchema
{
    /// <summary>Keys allowed at the top level, outside any section.</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = ["name"];

    /// <summary>Section name → its keys, in documentation order.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Sections = new Dictionary<string, IReadOnlyList<string>>
    {
        ["domain"] = ["kind", "lower", "upper", "cells", "file", "refine"],
        ["target"] = ["potential", "density"],
        ["initial"] = ["density", "mass"],
        ["flow"] = ["kind", "energy", "alpha", "beta", "reaction", "source", "epsilon"],
        ["kernel"] = ["kind", "bandwidth", "lambda"],
        ["time"] = ["end", "step", "scheme"],
        ["solver"] = ["linear"],
        ["output"] = ["times", "probes", "regions", "checkpoint_every"],
        ["particles"] = ["count", "seed", "step", "method"],
    };

    /// <summary>The keys of one output region, <c>[output] regions.NAME</c>.</summary>
    public static readonly IReadOnlyList<string> RegionKeys = ["lower", "upper"];

    /// <summary>Whether <paramref name="name"/> is a section name.</summary>
    /// <param name="name">A name such as <c>flow</c>.</param>
    /// <returns><c>true</c> for a known section.</returns>
    public static bool IsSection(string name) => Sections.ContainsKey(name);

    /// <summary>
    /// The hint appended to an "unknown key" message: the section where that key belongs
    /// (<c>'end' belongs in [time]</c>), else a close key of the same section (<c>did you mean 'alpha'?</c>).
    /// </summary>
    /// <param name="key">The unknown key.</param>
    /// <param name="allowed">The keys allowed where it was written.</param>
    /// <param name="currentSection">The section it was written in, or <c>null</c> at the top level.</param>
    /// <returns>The hint, starting with "; ", or an empty string.</returns>
    public static string SuggestKey(string key, IReadOnlyList<string> allowed, string? currentSection)
    {
        string[] homes = Sections.Where(s => s.Key != currentSection && s.Value.Contains(key)).Select(s => $"[{s.Key}]").ToArray();
        if (homes.Length > 0)
        {
            return $"; '{key}' belongs in {string.Join(" or ", homes)}";
        }

        string? closest = EditDistance.Closest(key, allowed);
        if (closest is not null)
        {
            return $"; did you mean '{closest}'?";
        }

        if (currentSection is null && Sections.ContainsKey(key))
        {
            return $"; [{key}] is a section: write it as a table";
        }

        return $"; allowed: {string.Join(", ", allowed)}";
    }

    /// <summary>The hint appended to an "unknown section" message.</summary>
    /// <param name="section">The unknown section name.</param>
    /// <returns>The hint, starting with "; ".</returns>
    public static string SuggestSection(string section)
    {
        string? closest = EditDistance.Closest(section, Sections.Keys);
        return closest is not null
            ? $"; did you mean [{closest}]?"
            : $"; sections are {string.Join(", ", Sections.Keys.Select(s => $"[{s}]"))}";
    }
}
