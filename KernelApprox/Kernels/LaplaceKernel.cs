using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// Laplace (Matérn-½) kernel k(x, y) = exp(−r/σ), r = |x − y|; ∇ₓk = −(k/(σ r))(x − y) for r &gt; 0.
/// </summary>
/// <remarks>
/// k is not differentiable at r = 0 (a cone); we <b>define ∇ₓk(x, x) = 0</b>, the value of the
/// symmetric (central) difference quotient and the minimal-norm element of the subdifferential
/// of −k. The gradient factor g = k/(σ r) is set to 0 at r = 0 accordingly.
/// <c>default(LaplaceKernel)</c> has σ = 0 and is not a valid kernel: use the constructor.
/// </remarks>
public readonly struct LaplaceKernel : IKernel
{
    private readonly double inverseBandwidth; // 1/σ

    /// <summary>Creates the kernel with bandwidth σ.</summary>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public LaplaceKernel(double bandwidth)
    {
        Bandwidth = BandwidthValidation.Validate(bandwidth, "laplace");
        inverseBandwidth = 1.0 / bandwidth;
    }

    /// <inheritdoc />
    public KernelKind Kind => KernelKind.Laplace;

    /// <inheritdoc />
    public double Bandwidth { get; }

    /// <inheritdoc />
    public double ValueFromSquaredDistance(double squaredDistance) =>
        Math.Exp(-Math.Sqrt(squaredDistance) * inverseBandwidth);

    /// <inheritdoc />
    public Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance) =>
        Vector.Exp(-Vector.SquareRoot(squaredDistance) * inverseBandwidth);

    /// <inheritdoc />
    public double GradientFactorFromSquaredDistance(double squaredDistance)
    {
        if (squaredDistance <= 0.0)
        {
            return 0.0; // convention: ∇ₓk(x, x) = 0
        }

        double distance = Math.Sqrt(squaredDistance);
        return Math.Exp(-distance * inverseBandwidth) * inverseBandwidth / distance;
    }

    /// <inheritdoc />
    public Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance)
    {
        Vector<double> distance = Vector.SquareRoot(squaredDistance);
        Vector<double> factor = Vector.Exp(-distance * inverseBandwidth) * inverseBandwidth / distance;
        return Vector.ConditionalSelect(Vector.GreaterThan(squaredDistance, Vector<double>.Zero), factor, Vector<double>.Zero);
    }

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        ValueFromSquaredDistance(PointGeometry.SquaredDistance(x, y));

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient) =>
        PointGeometry.WriteRadialGradient(GradientFactorFromSquaredDistance(PointGeometry.SquaredDistance(x, y)), x, y, gradient);

    /// <inheritdoc />
    public override string ToString() => $"laplace(σ={Bandwidth:R})";
}
