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

    /// <summary>Storage of 𝖪 and the weight-independent factor, for projections on a <see cref="FixedNodeKernelMatrix"/>.</summary>
    public FixedNodeKernelOptions FixedNodes { get; init; } = FixedNodeKernelOptions.Default;

    /// <summary>
    /// Use the weight-independent factor of a <see cref="FixedNodeKernelMatrix"/> when it is accurate
    /// enough for the weights (default true); false always factorizes per weight vector as
    /// <see cref="Solve"/> says.
    /// </summary>
    public bool ReuseFixedNodeFactor { get; init; } = true;

    /// <summary>
    /// Refinement steps with the true S after a solve with the weight-independent factor (default 3).
    /// That factor guarantees only the relative residual ‖W^{½}EW^{½}‖/λ ≤ η (<see cref="ShiftedSolveOptions.LowRankRelativeAccuracy"/>),
    /// and each step contracts the error by that factor, so refinement brings it to the rounding
    /// level of a dense solve; it stops at <see cref="ShiftedSolveOptions.RefinementTarget"/> or when a
    /// step no longer halves the residual. Each step costs one product 𝖪v and one O(n m) solve.
    /// </summary>
    public int FixedNodeRefinementIterations { get; init; } = 3;
}
