using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>Numerical settings of the kernel reactions built by <see cref="KernelReactionFactory"/>.</summary>
public sealed record KernelReactionOptions
{
    /// <summary>The defaults.</summary>
    public static KernelReactionOptions Default { get; } = new();

    /// <summary>Local error tolerance on log u of the log-variable integrator of λ-FRk, spherical λ-FRk and FRk (default 1e-11, that of <c>IntegratedReaction</c>).</summary>
    public double LogIntegratorTolerance { get; init; } = 1e-11;

    /// <summary>Relative local error tolerance of the plain-variable integrator of the MMD reaction (default 1e-12).</summary>
    public double MaximumMeanDiscrepancyRelativeTolerance { get; init; } = 1e-12;

    /// <summary>Absolute local error tolerance of the plain-variable integrator of the MMD reaction (default 1e-14).</summary>
    public double MaximumMeanDiscrepancyAbsoluteTolerance { get; init; } = 1e-14;

    /// <summary>Solve (dense/low-rank, accuracy) and product options of the projections and of the MMD solve.</summary>
    public RkhsProjectionOptions Projection { get; init; } = RkhsProjectionOptions.Default;
}
