namespace PdeFlows.KernelApprox.Particles;

/// <summary>
/// A weighted particle measure μ = Σ wᵢ δ_{xᵢ} in ℝᵈ (kernel.md §3b): N positions stored
/// row-major (N×d) and N nonnegative weights, both mutable in place by the particle methods.
/// </summary>
public sealed class ParticleEnsemble
{
    private readonly double[] positions;
    private readonly double[] weights;

    /// <summary>Creates an ensemble, copying the data; without weights every particle weighs 1/N.</summary>
    /// <param name="positions">N·d finite coordinates, row-major.</param>
    /// <param name="dimension">d ∈ {1, 2, 3}.</param>
    /// <param name="weights">N finite weights ≥ 0, or empty for 1/N each.</param>
    public ParticleEnsemble(ReadOnlySpan<double> positions, int dimension, ReadOnlySpan<double> weights = default)
    {
        if (dimension is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be 1, 2 or 3.");
        }

        if (positions.Length == 0 || positions.Length % dimension != 0)
        {
            throw new ArgumentException($"{positions.Length} coordinates is not a positive multiple of the dimension {dimension}.", nameof(positions));
        }

        Dimension = dimension;
        Count = positions.Length / dimension;
        this.positions = positions.ToArray();
        if (weights.IsEmpty)
        {
            this.weights = new double[Count];
            Array.Fill(this.weights, 1.0 / Count);
        }
        else
        {
            if (weights.Length != Count)
            {
                throw new ArgumentException($"{weights.Length} weights for {Count} particles.", nameof(weights));
            }

            foreach (double w in weights)
            {
                if (!(w >= 0.0) || !double.IsFinite(w))
                {
                    throw new ArgumentException($"Weight {w} is not finite and ≥ 0.", nameof(weights));
                }
            }

            this.weights = weights.ToArray();
        }
    }

    /// <summary>N.</summary>
    public int Count { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>All positions, row-major N×d (mutable).</summary>
    public Span<double> Positions => positions;

    /// <summary>The weights wᵢ (mutable).</summary>
    public Span<double> Weights => weights;

    /// <summary>Σ wᵢ.</summary>
    public double TotalWeight => weights.Sum();

    /// <summary>Position of particle <paramref name="index"/> (mutable, length d).</summary>
    /// <param name="index">0 ≤ index &lt; N.</param>
    public Span<double> Position(int index) => positions.AsSpan(index * Dimension, Dimension);

    /// <summary>An immutable snapshot of the positions for the kernel products.</summary>
    public PointSet ToPointSet() => new(positions, Dimension);

    /// <summary>A deep copy.</summary>
    public ParticleEnsemble Clone() => new(positions, Dimension, weights);

    /// <summary>Rescales the weights to sum to <paramref name="total"/>.</summary>
    /// <param name="total">The new total (default 1).</param>
    public void NormalizeWeights(double total = 1.0)
    {
        double scale = total / TotalWeight;
        for (int i = 0; i < Count; i++)
        {
            weights[i] *= scale;
        }
    }

    /// <summary>The weighted mean Σwᵢxᵢ/Σwᵢ (length d).</summary>
    public double[] Mean()
    {
        var mean = new double[Dimension];
        double total = TotalWeight;
        for (int i = 0; i < Count; i++)
        {
            for (int c = 0; c < Dimension; c++)
            {
                mean[c] += weights[i] * positions[(i * Dimension) + c];
            }
        }

        for (int c = 0; c < Dimension; c++)
        {
            mean[c] /= total;
        }

        return mean;
    }

    /// <summary>The weighted covariance Σwᵢ(xᵢ−m)(xᵢ−m)ᵀ/Σwᵢ (d×d, row-major; no small-sample correction).</summary>
    public double[] Covariance()
    {
        double[] mean = Mean();
        int d = Dimension;
        var covariance = new double[d * d];
        double total = TotalWeight;
        for (int i = 0; i < Count; i++)
        {
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[(a * d) + b] += weights[i] * (positions[(i * d) + a] - mean[a]) * (positions[(i * d) + b] - mean[b]);
                }
            }
        }

        for (int k = 0; k < covariance.Length; k++)
        {
            covariance[k] /= total;
        }

        return covariance;
    }
}
