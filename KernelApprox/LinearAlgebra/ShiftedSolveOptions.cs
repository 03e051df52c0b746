namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>Options of <see cref="ShiftedSystemSolver"/>.</summary>
public sealed record ShiftedSolveOptions
{
    /// <summary>The default size up to which <see cref="ShiftedSolveMethod.Automatic"/> solves densely (3000: 72 MB, ≈ 2.5 s for build + factorization + solve on 2 busy cores).</summary>
    public const int DefaultDenseThreshold = 3000;

    /// <summary>The default options.</summary>
    public static ShiftedSolveOptions Default { get; } = new();

    /// <summary>Dense, low-rank, or automatic by size (default).</summary>
    public ShiftedSolveMethod Method { get; init; } = ShiftedSolveMethod.Automatic;

    /// <summary>Largest n solved densely by <see cref="ShiftedSolveMethod.Automatic"/>.</summary>
    public int DenseThreshold { get; init; } = DefaultDenseThreshold;

    /// <summary>
    /// η in the low-rank stopping rule tr(S − L Lᵀ) ≤ η λ (default 10⁻³).
    /// </summary>
    /// <remarks>
    /// Why the tolerance is tied to λ this way: with E = S − L Lᵀ ⪰ 0 the Woodbury solution x̃
    /// satisfies (S + λI) x̃ − b = E x̃ and ‖x̃‖ ≤ ‖b‖/λ, hence
    /// ‖(S+λI)x̃ − b‖/‖b‖ ≤ ‖E‖₂/λ ≤ tr E/λ ≤ η, and likewise ‖x̃ − x‖ ≤ η ‖x̃‖. So η is a
    /// guaranteed relative accuracy, independent of n and of the weights' scale; a
    /// tolerance proportional to n·λ (average residual diagonal ≤ ηλ) is cheaper but only
    /// bounds the residual by η n. The rank grows as λ falls (for the Gaussian kernel like a
    /// power of log(1/λ)).
    /// </remarks>
    public double LowRankRelativeAccuracy { get; init; } = 1e-3;

    /// <summary>Upper bound on the low-rank rank m (default: no bound besides n).</summary>
    public int MaximumRank { get; init; } = int.MaxValue;

    /// <summary>
    /// Iterative refinement steps x ← x + M⁻¹(b − (S+λI)x) with the true (matrix-free) S and the
    /// factorized approximation M (default 0: none). Each step costs one matrix-free product;
    /// for the low-rank solver each step reduces the error by the factor ‖E‖/λ ≤ η.
    /// </summary>
    public int MaximumRefinementIterations { get; init; }

    /// <summary>Refinement stops once the relative residual is at most this (default 10⁻¹³).</summary>
    public double RefinementTarget { get; init; } = 1e-13;

    /// <summary>Largest n for which the relative residual is computed with the matrix-free S (an O(n²) product; default 20000). Above it the residual is NaN.</summary>
    public int ResidualCheckMaximumSize { get; init; } = 20_000;

    /// <summary>Threads for factorizations (−1 default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
