using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.Runs.Cases;

/// <summary><c>[kernel]</c>: the kernel of kernel reactions and of the MMD energy.</summary>
/// <param name="Kind">The profile (default <c>gaussian</c>).</param>
/// <param name="Bandwidth">A positive number or the median heuristic (default <c>"median"</c>).</param>
/// <param name="Lambda">Regularization, &gt; 0 (default 1e-6).</param>
public sealed record KernelSection(KernelKind Kind, KernelBandwidth Bandwidth, double Lambda);

/// <summary>A kernel bandwidth: a fixed positive number, or <c>"median"</c> (the median heuristic).</summary>
/// <param name="Value">The bandwidth, or <c>null</c> for the median heuristic.</param>
public readonly record struct KernelBandwidth(double? Value)
{
    /// <summary>The median heuristic.</summary>
    public static KernelBandwidth Median => new(null);

    /// <summary>Whether the median heuristic is asked for.</summary>
    public bool IsMedian => Value is null;

    /// <summary>A fixed bandwidth.</summary>
    /// <param name="value">The bandwidth, &gt; 0.</param>
    /// <returns>The bandwidth.</returns>
    public static KernelBandwidth Fixed(double value) => new(value);
}
