using System.Collections.Immutable;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[output]</c>: when and what to record.</summary>
/// <param name="Times">Output (and summary) times, strictly increasing in [0, end] (default [0, end]).</param>
/// <param name="Probes">Points where the density is sampled, each with one coordinate per axis (default none).</param>
/// <param name="Regions">Boxes whose mass is recorded, in the order written (default none).</param>
/// <param name="CheckpointEvery">Steps between checkpoints, ≥ 0; 0 = no checkpoints (default 0).</param>
public sealed record OutputSection(
    ImmutableArray<double> Times,
    ImmutableArray<ImmutableArray<double>> Probes,
    ImmutableArray<OutputRegion> Regions,
    int CheckpointEvery);

/// <summary>One entry of <c>[output] regions</c>: a named axis-aligned box.</summary>
/// <param name="Name">The region's name (the key in <c>regions</c>).</param>
/// <param name="Lower">Lower corner.</param>
/// <param name="Upper">Upper corner, componentwise greater than <paramref name="Lower"/>.</param>
public sealed record OutputRegion(string Name, ImmutableArray<double> Lower, ImmutableArray<double> Upper);
