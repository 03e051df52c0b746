namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>What a solve of (S + λI) x = b did and how well (kernel.md §4: report m and the residual of every solve).</summary>
/// <param name="Method">The method used (never Automatic).</param>
/// <param name="Size">n.</param>
/// <param name="Shift">λ.</param>
/// <param name="Rank">m: n for dense, the number of pivoted Cholesky columns for low-rank.</param>
/// <param name="RefinementIterations">Iterative refinement steps performed.</param>
/// <param name="RelativeResidual">‖(S+λI)x − b‖/‖b‖ with the true matrix-free S; NaN when not computed (n too large).</param>
/// <param name="LowRankResidualTrace">tr(S − L Lᵀ) for low-rank (0 for dense).</param>
/// <param name="LowRankTraceTolerance">The requested bound η λ on the residual trace (0 for dense).</param>
/// <param name="LowRankReachedRoundingFloor">True when the low-rank factor stopped at the rounding floor above the tolerance.</param>
public sealed record ShiftedSolveReport(
    ShiftedSolveMethod Method,
    int Size,
    double Shift,
    int Rank,
    int RefinementIterations,
    double RelativeResidual,
    double LowRankResidualTrace,
    double LowRankTraceTolerance,
    bool LowRankReachedRoundingFloor)
{
    /// <summary>tr(S − L Lᵀ)/λ, the a-priori bound on the unrefined low-rank relative residual (0 for dense).</summary>
    public double LowRankResidualBound => LowRankResidualTrace / Shift;
}
