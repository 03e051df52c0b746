namespace PdeFlows.Runs.Cases;

/// <summary><c>[particles]</c>: the particle method run beside the mesh solution (kernel.md §3b).</summary>
/// <param name="Count">Number of particles, ≥ 1 (required).</param>
/// <param name="Seed">Random seed, ≥ 0 (default 0).</param>
/// <param name="Step">Particle time step, &gt; 0, or <c>null</c> to use <c>[time] step</c>.</param>
/// <param name="Method">The particle method (default <c>birth-death-langevin</c>).</param>
/// <param name="DensityBandwidth">
/// The bandwidth of the Gaussian kernel density estimate of log μ (<c>birth-death-langevin</c>,
/// <c>kernel-fr</c>), or <c>null</c> for Silverman's rule on the initial particles
/// (<see cref="KernelApprox.Particles.KernelDensityEstimate.SilvermanBandwidth"/>); never the RKHS bandwidth.
/// </param>
public sealed record ParticlesSection(int Count, long Seed, double? Step, ParticleMethod Method, double? DensityBandwidth = null);
