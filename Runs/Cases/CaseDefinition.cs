namespace PdeFlows.Runs.Cases;

/// <summary>
/// A whole case file, validated: every section of interfaces.md as an immutable record.
/// Obtain one from <see cref="CaseFileLoader"/>. Checks that need the mesh (normalizability of the
/// target, sign of the initial density) are left to later stages, which report their errors with
/// <see cref="Locations"/>: <c>throw case.Locations.Error("target.density", "...")</c>.
/// </summary>
/// <param name="Name">The case name (<c>name</c>; default: the file name without extension).</param>
/// <param name="Domain">The <c>[domain]</c> section.</param>
/// <param name="Target">The <c>[target]</c> section.</param>
/// <param name="Initial">The <c>[initial]</c> section.</param>
/// <param name="Flow">The <c>[flow]</c> section.</param>
/// <param name="Kernel">The <c>[kernel]</c> section, or <c>null</c> when absent.</param>
/// <param name="Time">The <c>[time]</c> section.</param>
/// <param name="Solver">The <c>[solver]</c> section (defaults when absent).</param>
/// <param name="Output">The <c>[output]</c> section (defaults when absent).</param>
/// <param name="Particles">The <c>[particles]</c> section, or <c>null</c> when absent.</param>
/// <param name="Locations">Where each key was written, for error messages of later stages.</param>
/// <param name="Directory">The directory of the case file, to resolve relative paths (<c>[domain] file</c>); <c>null</c> when parsed from a string.</param>
public sealed record CaseDefinition(
    string Name,
    DomainSection Domain,
    TargetSection Target,
    InitialSection Initial,
    FlowSection Flow,
    KernelSection? Kernel,
    TimeSection Time,
    SolverSection Solver,
    OutputSection Output,
    ParticlesSection? Particles,
    CaseSourceMap Locations,
    string? Directory);
