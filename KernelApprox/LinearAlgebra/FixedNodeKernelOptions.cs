namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>Settings of <see cref="FixedNodeKernelMatrix"/>.</summary>
public sealed record FixedNodeKernelOptions
{
    /// <summary>The defaults: 𝖪 stored and factorized up to <see cref="ShiftedSolveOptions.DefaultDenseThreshold"/> nodes.</summary>
    public static FixedNodeKernelOptions Default { get; } = new();

    /// <summary>Largest n for which 𝖪 is stored densely (n² doubles: 72 MB at the default 3000, the memory the dense shifted solve needs anyway).</summary>
    public int DenseStorageLimit { get; init; } = ShiftedSolveOptions.DefaultDenseThreshold;

    /// <summary>
    /// Largest n for which the weight-independent factor of 𝖪 is computed (default 3000). Above it
    /// the factor to the rounding floor may need thousands of columns, and the per-evaluation
    /// weighted factor (tolerance tied to λ and to the weights) is the cheaper path.
    /// </summary>
    public int FactorSizeLimit { get; init; } = ShiftedSolveOptions.DefaultDenseThreshold;

    /// <summary>
    /// Whether products of a separable kernel on tensor-grid nodes use the Kronecker structure
    /// (<see cref="TensorGridKernelProduct"/>; default true) when 𝖪 is not stored. The
    /// values agree with the pair-by-pair product to summation rounding, not bitwise.
    /// </summary>
    public bool UseTensorGridProduct { get; init; } = true;
}
