using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// A bounded, symmetric, positive definite radial kernel k(x, y) = φ(|x − y|²) with bandwidth σ,
/// as a tiny immutable value (the KernelFunctions.jl shape: a profile of the squared distance).
/// </summary>
/// <remarks>
/// Every gradient is written through the <em>gradient factor</em> g(r²) ≥ 0 defined by
/// ∇ₓk(x, y) = −g(|x − y|²) (x − y), i.e. g = −2 φ′(r²). Hot loops are generic over
/// <c>TKernel : struct, IKernel</c> so the JIT specialises and inlines the profile.
/// All kernels satisfy k(x, x) = 1.
/// </remarks>
public interface IKernel
{
    /// <summary>Which kernel this is.</summary>
    KernelKind Kind { get; }

    /// <summary>The bandwidth σ (finite, &gt; 0).</summary>
    double Bandwidth { get; }

    /// <summary>The profile φ(r²) = k(x, y) for |x − y|² = <paramref name="squaredDistance"/>.</summary>
    /// <param name="squaredDistance">r² ≥ 0.</param>
    double ValueFromSquaredDistance(double squaredDistance);

    /// <summary>The profile applied lane-wise to a vector of squared distances.</summary>
    /// <param name="squaredDistance">r² ≥ 0 in every lane.</param>
    Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance);

    /// <summary>The gradient factor g(r²) with ∇ₓk(x, y) = −g(r²) (x − y).</summary>
    /// <param name="squaredDistance">r² ≥ 0.</param>
    double GradientFactorFromSquaredDistance(double squaredDistance);

    /// <summary>The gradient factor applied lane-wise to a vector of squared distances.</summary>
    /// <param name="squaredDistance">r² ≥ 0 in every lane.</param>
    Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance);

    /// <summary>k(x, y) for two points of the same dimension.</summary>
    /// <param name="x">First point.</param>
    /// <param name="y">Second point.</param>
    double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y);

    /// <summary>Writes ∇ₓk(x, y) into <paramref name="gradient"/> (length = dimension).</summary>
    /// <param name="x">The point differentiated.</param>
    /// <param name="y">The other point.</param>
    /// <param name="gradient">Destination, same length as <paramref name="x"/>.</param>
    void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient);
}
