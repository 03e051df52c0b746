namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// Birth–death Langevin sampling (Lu, Lu &amp; Nolen 2019; the particle form of SWFR of KL,
/// math.md §3): an unadjusted Langevin step xᵢ += −τ∇V(xᵢ) + √(2τ)ζᵢ, then for each particle the
/// rate βᵢ = γ(Λᵢ − mean Λ), Λᵢ = log μ̂(xᵢ) + V(xᵢ) with a Gaussian density estimate μ̂:
/// if βᵢ &gt; 0 the particle dies with probability 1 − e^{−βᵢτ} and is replaced by a copy of a
/// uniformly chosen other particle; if βᵢ &lt; 0 it duplicates with probability 1 − e^{βᵢτ},
/// the copy replacing a uniformly chosen other particle. N stays fixed; the weights are equal
/// (they are not read). γ = 0 gives plain Langevin.
/// </summary>
/// <remarks>The rates are computed once per step from the post-Langevin positions; jumps are then
/// processed in particle order with the caller's seeded generator, so a run is reproducible.</remarks>
public sealed class BirthDeathLangevin
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="step">τ &gt; 0.</param>
    /// <param name="birthDeathRate">γ ≥ 0 (0: plain Langevin).</param>
    /// <param name="densityBandwidth">h &gt; 0 of the density estimate.</param>
    public BirthDeathLangevin(double step, double birthDeathRate, double densityBandwidth)
    {
        if (!(step > 0.0) || !(birthDeathRate >= 0.0) || !(densityBandwidth > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Need τ > 0, γ ≥ 0, h > 0.");
        }

        Step = step;
        BirthDeathRate = birthDeathRate;
        DensityBandwidth = densityBandwidth;
    }

    /// <summary>τ.</summary>
    public double Step { get; }

    /// <summary>γ.</summary>
    public double BirthDeathRate { get; }

    /// <summary>h.</summary>
    public double DensityBandwidth { get; }

    /// <summary>Jumps (deaths plus duplications) performed so far.</summary>
    public long Jumps { get; private set; }

    /// <summary>One Langevin step followed by one birth–death step.</summary>
    /// <param name="ensemble">The particles (moved in place).</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    /// <param name="random">The seeded generator.</param>
    public void Advance(ParticleEnsemble ensemble, ParticleTarget target, Random random)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(random);
        double[] gradient = target.GradientAtParticles(ensemble);
        Span<double> positions = ensemble.Positions;
        double noise = Math.Sqrt(2.0 * Step);
        for (int k = 0; k < positions.Length; k++)
        {
            positions[k] += (-Step * gradient[k]) + (noise * ParticleSampling.NextStandardNormal(random));
        }

        if (BirthDeathRate > 0.0 && ensemble.Count > 1)
        {
            BirthDeath(ensemble, target, random);
        }
    }

    /// <summary><paramref name="steps"/> steps.</summary>
    /// <param name="ensemble">The particles.</param>
    /// <param name="target">π ∝ e^{−V}.</param>
    /// <param name="random">The seeded generator.</param>
    /// <param name="steps">Number of steps.</param>
    public void Run(ParticleEnsemble ensemble, ParticleTarget target, Random random, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            Advance(ensemble, target, random);
        }
    }

    private void BirthDeath(ParticleEnsemble ensemble, ParticleTarget target, Random random)
    {
        int n = ensemble.Count;
        double[] rate = KernelDensityEstimate.LogDensityAtParticles(ensemble, DensityBandwidth);
        double[] potential = target.PotentialAtParticles(ensemble);
        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            rate[i] += potential[i];
            mean += rate[i];
        }

        mean /= n;
        for (int i = 0; i < n; i++)
        {
            double beta = BirthDeathRate * (rate[i] - mean);
            double probability = 1.0 - Math.Exp(-Math.Abs(beta) * Step);
            if (random.NextDouble() >= probability)
            {
                continue;
            }

            int other = random.Next(n - 1);
            if (other >= i)
            {
                other++;
            }

            if (beta > 0.0)
            {
                ensemble.Position(other).CopyTo(ensemble.Position(i)); // i dies, replaced by a copy of another
            }
            else
            {
                ensemble.Position(i).CopyTo(ensemble.Position(other)); // i duplicates over another
            }

            Jumps++;
        }
    }
}
