namespace PdeFlows.Runs.Cases;

/// <summary>
/// <c>[particles]</c>: a placeholder for the particle method of a later stage. The section is
/// accepted and validated now so that case files written for it do not fail on unknown keys;
/// nothing uses it yet.
/// </summary>
/// <param name="Count">Number of particles, ≥ 1 (required).</param>
/// <param name="Seed">Random seed, ≥ 0 (default 0).</param>
/// <param name="Step">Particle time step, &gt; 0, or <c>null</c> to use <c>[time] step</c>.</param>
/// <param name="Method">The particle method (default <c>birth-death-langevin</c>).</param>
public sealed record ParticlesSection(int Count, long Seed, double? Step, ParticleMethod Method);
