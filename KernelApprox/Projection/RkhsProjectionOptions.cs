using PdeFlows.KernelApprox.LinearAlgebra;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Projection;

/// <summary>Options of <see cref="RkhsProjection"/>: how the shifted system is solved and how products are threaded.</summary>
public sealed record RkhsProjectionOptions
{
    /// <summary>The defaults: automatic dense/low-rank choice at <see cref="ShiftedSolveOptions.DefaultDenseThreshold"/> nodes.</summary>
    public static RkhsProjectionOptions Default { get; } = new();

    /// <summary>Method (automatic by N, or forced dense / low-rank), low-rank accuracy, refinement, residual check.</summary>
    public ShiftedSolveOptions Solve { get; init; } = ShiftedSolveOptions.Default;

    /// <summary>Threading and tiling of the matrix-free kernel products.</summary>
    public KernelProductOptions Product { get; init; } = KernelProductOptions.Default;
}
