namespace PdeFlows.Verification.Gamma;

/// <summary>
/// Errors of one particle count N (means over the seeds of sup-in-time errors against the continuum SFR
/// flow): the N part — weighted particles with the exact reweighting wᵢ(t) ∝ wᵢ(0)(π/u₀)(xᵢ)^{1−e^{−βt}},
/// i.e. the exact flow restricted to the sampled positions — and, per λ, the particle λ-FRk.
/// </summary>
/// <param name="Count">N.</param>
/// <param name="DensityBandwidths">The KDE bandwidth (Silverman's rule) of each seed's initial particles.</param>
/// <param name="ExactMmd">sup_t MMD(exact-weight particles, u(t)), mean over seeds (the N part).</param>
/// <param name="ExactMmdSpread">Its smallest and largest value over the seeds.</param>
/// <param name="ExactMomentError">sup_t of |mean error| + |variance error| of the exact-weight particles, mean over seeds.</param>
/// <param name="Runs">Per λ: the particle λ-FRk errors.</param>
public sealed record GammaParticleCount(int Count, double[] DensityBandwidths, double ExactMmd, (double Min, double Max) ExactMmdSpread, double ExactMomentError, IReadOnlyList<GammaParticleRun> Runs);

/// <summary>The particle λ-FRk at one (N, λ), means over the seeds of sup-in-time errors.</summary>
/// <param name="Lambda">λ.</param>
/// <param name="TotalMmd">sup_t MMD(λ-FRk particles, u(t)).</param>
/// <param name="MethodMmd">sup_t MMD(λ-FRk particles, exact-weight particles) on the same positions (the λ, KDE and τ part).</param>
/// <param name="MomentError">sup_t of |mean error| + |variance error| against u(t).</param>
/// <param name="WeightDrift">The largest |Σwᵢ − 1| over the run (the method keeps the total weight).</param>
public sealed record GammaParticleRun(double Lambda, double TotalMmd, double MethodMmd, double MomentError, double WeightDrift);

/// <summary>A particle sweep: counts N (increasing) × λ (decreasing), errors against the continuum SFR flow.</summary>
/// <param name="Lambdas">λ, decreasing.</param>
/// <param name="Counts">Per N, increasing.</param>
/// <param name="Seeds">The seeds averaged over.</param>
/// <param name="Step">The particle time step τ.</param>
public sealed record GammaParticleSweep(IReadOnlyList<double> Lambdas, IReadOnlyList<GammaParticleCount> Counts, IReadOnlyList<int> Seeds, double Step);
