namespace PdeFlows.Verification.Convergence;

/// <summary>The error or distance a convergence column reports (math.md §6, kernel.md §5).</summary>
public enum MetricKind
{
    /// <summary>‖u − v‖_{L¹} (total variation up to a factor 2).</summary>
    L1,

    /// <summary>‖u − v‖_{L²}.</summary>
    L2,

    /// <summary>The H¹ seminorm |u − v|_{H¹}.</summary>
    H1,

    /// <summary>The Hellinger distance (∫(√u − √v)²)^{1/2}.</summary>
    Hellinger,

    /// <summary>The Kullback–Leibler divergence KL(u | v).</summary>
    KullbackLeibler,

    /// <summary>The maximum mean discrepancy MMD_k(u, v) for a chosen kernel.</summary>
    MaximumMeanDiscrepancy,

    /// <summary>An energy error |E(u) − E(v)|.</summary>
    Energy,

    /// <summary>A mass error |∫u − ∫v|.</summary>
    Mass,

    /// <summary>An error of the mean.</summary>
    Mean,

    /// <summary>An error of the covariance.</summary>
    Covariance,

    /// <summary>The energy-dissipation-balance residual.</summary>
    EdbResidual,

    /// <summary>Anything else, named by <see cref="Metric.Name"/>.</summary>
    Custom,
}
