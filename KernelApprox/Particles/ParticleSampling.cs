namespace PdeFlows.KernelApprox.Particles;

/// <summary>Seeded, reproducible initial ensembles: given samples, Gaussian samples, rejection sampling in a box.</summary>
/// <remarks>All randomness comes from the caller's <see cref="Random"/>; <c>new Random(seed)</c> is reproducible.</remarks>
public static class ParticleSampling
{
    /// <summary>An equally weighted ensemble at the given samples.</summary>
    /// <param name="samples">N·d coordinates, row-major.</param>
    /// <param name="dimension">d.</param>
    public static ParticleEnsemble FromSamples(ReadOnlySpan<double> samples, int dimension) => new(samples, dimension);

    /// <summary>One standard normal variate (Box–Muller, one of the pair; 1 − U avoids log 0).</summary>
    /// <param name="random">The generator.</param>
    public static double NextStandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u = 1.0 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>N equally weighted samples of N(mean, diag(σ²)).</summary>
    /// <param name="count">N ≥ 1.</param>
    /// <param name="mean">The mean (length d).</param>
    /// <param name="standardDeviations">σ per coordinate (length d).</param>
    /// <param name="random">The generator.</param>
    public static ParticleEnsemble Gaussian(int count, ReadOnlySpan<double> mean, ReadOnlySpan<double> standardDeviations, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int d = mean.Length;
        if (standardDeviations.Length != d)
        {
            throw new ArgumentException("Mean and standard deviations differ in length.", nameof(standardDeviations));
        }

        var positions = new double[count * d];
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < d; c++)
            {
                positions[(i * d) + c] = mean[c] + (standardDeviations[c] * NextStandardNormal(random));
            }
        }

        return new ParticleEnsemble(positions, d);
    }

    /// <summary>N equally weighted samples of a density ρ on a box by rejection from the uniform distribution.</summary>
    /// <param name="count">N ≥ 1.</param>
    /// <param name="density">ρ(x) ≥ 0, not necessarily normalized.</param>
    /// <param name="lower">Lower corner of the box (length d).</param>
    /// <param name="upper">Upper corner (length d).</param>
    /// <param name="densityBound">M ≥ sup ρ on the box (checked at every proposal).</param>
    /// <param name="random">The generator.</param>
    /// <param name="maximumProposals">Give up after this many proposals (default 10⁸).</param>
    /// <exception cref="ArgumentException">ρ exceeds the bound at a proposal.</exception>
    /// <exception cref="InvalidOperationException">Too few acceptances within the proposal budget.</exception>
    public static ParticleEnsemble Rejection(int count, Func<ReadOnlySpan<double>, double> density, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double densityBound, Random random, long maximumProposals = 100_000_000)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int d = lower.Length;
        if (upper.Length != d || !(densityBound > 0.0))
        {
            throw new ArgumentException("The box corners must have equal length and the bound must be > 0.");
        }

        var positions = new double[count * d];
        var proposal = new double[d];
        int accepted = 0;
        for (long trial = 0; accepted < count; trial++)
        {
            if (trial >= maximumProposals)
            {
                throw new InvalidOperationException($"Rejection sampling accepted {accepted} of {count} in {maximumProposals} proposals.");
            }

            for (int c = 0; c < d; c++)
            {
                proposal[c] = lower[c] + ((upper[c] - lower[c]) * random.NextDouble());
            }

            double value = density(proposal);
            if (value > densityBound)
            {
                throw new ArgumentException($"The density {value} exceeds the bound {densityBound} at a proposal.", nameof(densityBound));
            }

            if (random.NextDouble() * densityBound < value)
            {
                proposal.CopyTo(positions, accepted * d);
                accepted++;
            }
        }

        return new ParticleEnsemble(positions, d);
    }
}
