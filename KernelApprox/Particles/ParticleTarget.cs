namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// A target π ∝ e^{−V} for the particle methods, given by the potential V and its gradient
/// (∇log π = −∇V). V need not be normalized: an additive constant only shifts the forces
/// log(μ/π) by a constant, which the mass-preserving methods ignore.
/// </summary>
public sealed class ParticleTarget
{
    private readonly Func<ReadOnlySpan<double>, double> potential;
    private readonly PotentialGradient gradient;

    /// <summary>Creates the target.</summary>
    /// <param name="dimension">d.</param>
    /// <param name="potential">V(x).</param>
    /// <param name="gradient">∇V(x).</param>
    public ParticleTarget(int dimension, Func<ReadOnlySpan<double>, double> potential, PotentialGradient gradient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        this.potential = potential ?? throw new ArgumentNullException(nameof(potential));
        this.gradient = gradient ?? throw new ArgumentNullException(nameof(gradient));
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>V(x).</summary>
    /// <param name="point">x.</param>
    public double Potential(ReadOnlySpan<double> point) => potential(point);

    /// <summary>∇V(x).</summary>
    /// <param name="point">x.</param>
    /// <param name="result">Destination, length d.</param>
    public void Gradient(ReadOnlySpan<double> point, Span<double> result) => gradient(point, result);

    /// <summary>V at every particle.</summary>
    /// <param name="ensemble">The particles.</param>
    public double[] PotentialAtParticles(ParticleEnsemble ensemble)
    {
        Check(ensemble);
        var values = new double[ensemble.Count];
        for (int i = 0; i < ensemble.Count; i++)
        {
            values[i] = potential(ensemble.Position(i));
        }

        return values;
    }

    /// <summary>∇V at every particle, row-major N×d.</summary>
    /// <param name="ensemble">The particles.</param>
    public double[] GradientAtParticles(ParticleEnsemble ensemble)
    {
        Check(ensemble);
        int d = Dimension;
        var values = new double[ensemble.Count * d];
        for (int i = 0; i < ensemble.Count; i++)
        {
            gradient(ensemble.Position(i), values.AsSpan(i * d, d));
        }

        return values;
    }

    private void Check(ParticleEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (ensemble.Dimension != Dimension)
        {
            throw new ArgumentException($"Particles of dimension {ensemble.Dimension} for a target of dimension {Dimension}.", nameof(ensemble));
        }
    }
}
