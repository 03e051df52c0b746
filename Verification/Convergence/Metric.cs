namespace PdeFlows.Verification.Convergence;

/// <summary>
/// One metric column of a convergence table: a <see cref="MetricKind"/> and, for
/// <see cref="MetricKind.Custom"/> (or to distinguish two columns of one kind, e.g. "L2 (u)" and "L2 (g)"),
/// a name. Equal when kind and name are equal.
/// </summary>
public readonly record struct Metric
{
    /// <summary>A metric of <paramref name="kind"/> named by its standard short name, or by <paramref name="name"/> when given.</summary>
    /// <exception cref="ArgumentException">A custom metric without a name, or a name with '|', ',', '"' or a line break.</exception>
    public Metric(MetricKind kind, string? name = null)
    {
        if (kind == MetricKind.Custom && name is null)
        {
            throw new ArgumentException("a custom metric needs a name", nameof(name));
        }

        Kind = kind;
        Name = SweptParameter.ValidName(name ?? StandardName(kind));
    }

    /// <summary>The kind.</summary>
    public MetricKind Kind { get; }

    /// <summary>The column heading ("L2", "KL", "MMD", or the custom name).</summary>
    public string Name { get; }

    /// <summary>L¹ error.</summary>
    public static Metric L1 => new(MetricKind.L1);

    /// <summary>L² error.</summary>
    public static Metric L2 => new(MetricKind.L2);

    /// <summary>H¹-seminorm error.</summary>
    public static Metric H1 => new(MetricKind.H1);

    /// <summary>Hellinger distance.</summary>
    public static Metric Hellinger => new(MetricKind.Hellinger);

    /// <summary>Kullback–Leibler divergence.</summary>
    public static Metric KullbackLeibler => new(MetricKind.KullbackLeibler);

    /// <summary>Maximum mean discrepancy.</summary>
    public static Metric MaximumMeanDiscrepancy => new(MetricKind.MaximumMeanDiscrepancy);

    /// <summary>Energy error.</summary>
    public static Metric Energy => new(MetricKind.Energy);

    /// <summary>EDB residual.</summary>
    public static Metric EdbResidual => new(MetricKind.EdbResidual);

    /// <summary>A custom metric.</summary>
    public static Metric Custom(string name) => new(MetricKind.Custom, name);

    /// <summary>The short name used when none is given.</summary>
    public static string StandardName(MetricKind kind) => kind switch
    {
        MetricKind.L1 => "L1",
        MetricKind.L2 => "L2",
        MetricKind.H1 => "H1",
        MetricKind.Hellinger => "Hellinger",
        MetricKind.KullbackLeibler => "KL",
        MetricKind.MaximumMeanDiscrepancy => "MMD",
        MetricKind.Energy => "Energy",
        MetricKind.Mean => "Mean",
        MetricKind.Covariance => "Covariance",
        MetricKind.EdbResidual => "EDB residual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a custom metric has no standard name"),
    };

    /// <inheritdoc/>
    public override string ToString() => Name ?? "(default metric)";
}
