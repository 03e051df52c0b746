namespace PdeFlows.Flows;

/// <summary>
/// The nodal data every flow works with: lumped masses m_i = ∫φ_i and the normalized target
/// π_i = π(x_i) at the P1 nodes. Integrals of nodal quantities use the lumped rule ∫f ≈ Σ m_i f_i
/// (math.md §5), which keeps positivity and makes the discrete mass exact.
/// </summary>
public sealed class NodalSetting
{
    private readonly double[] lumpedMass;
    private readonly double[] target;

    /// <summary>Creates the setting; copies the arrays and checks m_i &gt; 0 and π_i &gt; 0, finite.</summary>
    public NodalSetting(ReadOnlySpan<double> lumpedMass, ReadOnlySpan<double> target)
    {
        if (lumpedMass.Length != target.Length)
        {
            throw new ArgumentException($"lumped mass has {lumpedMass.Length} entries, target {target.Length}");
        }

        for (int i = 0; i < lumpedMass.Length; i++)
        {
            if (!(lumpedMass[i] > 0) || !double.IsFinite(lumpedMass[i]))
            {
                throw new ArgumentException($"lumped mass at node {i} must be positive and finite, got {lumpedMass[i]}");
            }

            if (!(target[i] > 0) || !double.IsFinite(target[i]))
            {
                throw new ArgumentException($"target density at node {i} must be positive and finite, got {target[i]}");
            }
        }

        this.lumpedMass = lumpedMass.ToArray();
        this.target = target.ToArray();
    }

    /// <summary>Number of nodes.</summary>
    public int Count => lumpedMass.Length;

    /// <summary>Lumped masses m_i.</summary>
    public ReadOnlySpan<double> LumpedMass => lumpedMass;

    /// <summary>Target density π_i at the nodes.</summary>
    public ReadOnlySpan<double> Target => target;

    /// <summary>Lumped integral Σ m_i f_i.</summary>
    public double Integrate(ReadOnlySpan<double> nodal)
    {
        double sum = 0;
        for (int i = 0; i < lumpedMass.Length; i++)
        {
            sum += lumpedMass[i] * nodal[i];
        }

        return sum;
    }

    /// <summary>Lumped mass of a density, Σ m_i u_i.</summary>
    public double Mass(ReadOnlySpan<double> density) => Integrate(density);

    /// <summary>The u-weighted lumped mean ⟨ξ⟩_u = Σ m_i u_i ξ_i / Σ m_i u_i.</summary>
    public double WeightedMean(ReadOnlySpan<double> density, ReadOnlySpan<double> values)
    {
        double numerator = 0, denominator = 0;
        for (int i = 0; i < lumpedMass.Length; i++)
        {
            double w = lumpedMass[i] * density[i];
            numerator += w * values[i];
            denominator += w;
        }

        return numerator / denominator;
    }
}
