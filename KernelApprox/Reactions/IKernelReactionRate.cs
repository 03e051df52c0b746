using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Projection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>
/// A kernel reaction rate on the finite-element nodes (kernel.md §3a) that keeps the
/// diagnostics of its last evaluation: the RKHS projection (rank, residual, deficit) and the
/// report of its shifted solve.
/// </summary>
public interface IKernelReactionRate : IReactionRate
{
    /// <summary>The kernel k.</summary>
    IKernel Kernel { get; }

    /// <summary>The reaction weight β.</summary>
    double Beta { get; }

    /// <summary>The last RKHS projection computed (λ-FRk and spherical λ-FRk); null before the first evaluation and for rates without a projection.</summary>
    RkhsProjectionResult? LastProjection { get; }

    /// <summary>The report of the last shifted solve (method, rank, residual); null when the rate solves nothing.</summary>
    ShiftedSolveReport? LastSolve { get; }

    /// <summary>How many times the rate has been evaluated (each evaluation recomputes the projection).</summary>
    int Evaluations { get; }
}
