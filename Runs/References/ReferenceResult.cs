using PdeFlows.Verification.Extrapolation;

namespace PdeFlows.Runs.References;

/// <summary>Where a reference came from: enough to cite it and to redo it.</summary>
/// <param name="CaseName">The case's <c>name</c>.</param>
/// <param name="CaseFile">The case file as given on the command line.</param>
/// <param name="CaseSha256">SHA-256 of the case file's text (UTF-8), lowercase hex.</param>
/// <param name="Code">The PdeFlows version and git commit.</param>
/// <param name="Scheme">The splitting scheme as spelled in the case file.</param>
/// <param name="SpaceOrder">p_h.</param>
/// <param name="TimeOrder">p_τ.</param>
/// <param name="WallSeconds">Wall-clock seconds of all level runs together.</param>
public sealed record ReferenceProvenance(string CaseName, string CaseFile, string CaseSha256, CodeVersion Code, string Scheme, int SpaceOrder, int TimeOrder, double WallSeconds);

/// <summary>One quantity at one output time: its values on the levels and the extrapolation.</summary>
/// <param name="Name">The quantity's name (<see cref="ReferenceQuantity.Name"/>).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Time">The output time.</param>
/// <param name="LevelValues">Its value on each level, coarsest first.</param>
/// <param name="Estimate">The extrapolation, error estimate and status.</param>
public sealed record ReferenceEntry(string Name, ReferenceQuantityKind Kind, double Time, IReadOnlyList<double> LevelValues, ExtrapolationEstimate Estimate);

/// <summary>A reference solution: every summary quantity at every output time, extrapolated with its error estimate.</summary>
/// <param name="Provenance">Where it came from.</param>
/// <param name="Settings">The extrapolation's assumptions (expected order, ratio, tolerances).</param>
/// <param name="Levels">The level runs, coarsest first.</param>
/// <param name="Notes">Things to know before trusting it.</param>
/// <param name="Times">The output times.</param>
/// <param name="ProbePoints">The probe points (in the order of the <c>probe[j]</c> quantities).</param>
/// <param name="Entries">One entry per quantity and time, quantity-major.</param>
public sealed record ReferenceResult(
    ReferenceProvenance Provenance,
    ExtrapolationSettings Settings,
    IReadOnlyList<ReferenceLevelRecord> Levels,
    IReadOnlyList<string> Notes,
    IReadOnlyList<double> Times,
    IReadOnlyList<double[]> ProbePoints,
    IReadOnlyList<ReferenceEntry> Entries)
{
    /// <summary>The entry of <paramref name="name"/> at the output time closest to <paramref name="time"/>.</summary>
    /// <param name="name">The quantity's name.</param>
    /// <param name="time">The time.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">No such quantity.</exception>
    public ReferenceEntry Entry(string name, double time) =>
        Entries.Where(e => e.Name == name).OrderBy(e => Math.Abs(e.Time - time)).FirstOrDefault()
        ?? throw new KeyNotFoundException($"the reference has no quantity '{name}'");
}
