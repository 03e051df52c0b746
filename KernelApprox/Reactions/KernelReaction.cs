using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// A kernel reaction ready for <c>SplittingFlowSolver</c>: an <see cref="IReaction"/> (the
/// integrator that advances u) together with its rate, whose last projection and solve report
/// are exposed for diagnostics. Built by <see cref="KernelReactionFactory"/>.
/// </summary>
public sealed class KernelReaction : IReaction
{
    private readonly IReaction integrator;

    /// <summary>Pairs an integrator with the rate it integrates.</summary>
    /// <param name="rate">The rate (and its diagnostics).</param>
    /// <param name="integrator">Advances u; its <see cref="IReactionRate.Rate"/> must be that of <paramref name="rate"/>.</param>
    public KernelReaction(IKernelReactionRate rate, IReaction integrator)
    {
        KernelRate = rate ?? throw new ArgumentNullException(nameof(rate));
        this.integrator = integrator ?? throw new ArgumentNullException(nameof(integrator));
    }

    /// <summary>The rate with its diagnostics.</summary>
    public IKernelReactionRate KernelRate { get; }

    /// <summary>The kernel k (bandwidth resolved).</summary>
    public IKernel Kernel => KernelRate.Kernel;

    /// <summary>The last RKHS projection (λ-FRk kinds; null otherwise or before the first evaluation): response, dissipation, deficit, solve report.</summary>
    public RkhsProjectionResult? LastProjection => KernelRate.LastProjection;

    /// <summary>The report of the last shifted solve (rank, relative residual); null for FRk.</summary>
    public ShiftedSolveReport? LastSolve => KernelRate.LastSolve;

    /// <summary>Rate evaluations so far.</summary>
    public int Evaluations => KernelRate.Evaluations;

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => KernelRate.Rate(density, rate);

    /// <inheritdoc />
    public ReactionStepReport Advance(Span<double> density, double duration) => integrator.Advance(density, duration);
}
