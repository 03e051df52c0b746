namespace PdeFlows.KernelApprox.Operators;

/// <summary>Tiling and threading of the matrix-free kernel products.</summary>
/// <remarks>
/// The results are bitwise independent of <see cref="MaxDegreeOfParallelism"/>,
/// <see cref="TargetTileSize"/> and <see cref="SourceTileSize"/>: every output row is summed by
/// one thread, in the same fixed order (SIMD lane ℓ accumulates the sources j ≡ ℓ mod W in
/// increasing j, the lanes are then added in lane order, then the scalar tail in increasing j).
/// </remarks>
public sealed record KernelProductOptions
{
    /// <summary>The default options: all cores, 64 target rows per task, 1024 sources per cache tile.</summary>
    public static KernelProductOptions Default { get; } = new();

    /// <summary>Maximum number of threads; −1 (default) means as many as the scheduler likes.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Target rows per parallel task (default 64).</summary>
    public int TargetTileSize { get; init; } = 64;

    /// <summary>Sources per cache tile (default 1024; rounded up to a multiple of the SIMD width).</summary>
    public int SourceTileSize { get; init; } = 1024;

    internal ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };

    internal void Validate()
    {
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be −1 or ≥ 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TargetTileSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SourceTileSize, 1);
    }
}
