using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// Gaussian kernel k(x, y) = exp(−r²/(2σ²)), r = |x − y|; ∇ₓk = −(k/σ²)(x − y).
/// </summary>
/// <remarks><c>default(GaussianKernel)</c> has σ = 0 and is not a valid kernel: use the constructor.</remarks>
public readonly struct GaussianKernel : ISeparableKernel
{
    private readonly double halfInverseSquaredBandwidth; // 1/(2σ²)
    private readonly double inverseSquaredBandwidth;     // 1/σ²
    private readonly double negativeHalfInverseSquaredBandwidth; // −1/(2σ²)

    /// <summary>Creates the kernel with bandwidth σ.</summary>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public GaussianKernel(double bandwidth)
    {
        Bandwidth = BandwidthValidation.Validate(bandwidth, "gaussian");
        inverseSquaredBandwidth = 1.0 / (bandwidth * bandwidth);
        halfInverseSquaredBandwidth = 0.5 * inverseSquaredBandwidth;
        negativeHalfInverseSquaredBandwidth = -halfInverseSquaredBandwidth;
    }

    /// <inheritdoc />
    public KernelKind Kind => KernelKind.Gaussian;

    /// <inheritdoc />
    public double Bandwidth { get; }

    /// <inheritdoc />
    public double ValueFromSquaredDistance(double squaredDistance) =>
        Math.Exp(-squaredDistance * halfInverseSquaredBandwidth);

    /// <inheritdoc />
    public Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance) =>
        NonPositiveExponential.Exp(squaredDistance * negativeHalfInverseSquaredBandwidth);

    /// <inheritdoc />
    public double GradientFactorFromSquaredDistance(double squaredDistance) =>
        inverseSquaredBandwidth * Math.Exp(-squaredDistance * halfInverseSquaredBandwidth);

    /// <inheritdoc />
    public Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance) =>
        inverseSquaredBandwidth * NonPositiveExponential.Exp(squaredDistance * negativeHalfInverseSquaredBandwidth);

    /// <inheritdoc />
    /// <remarks>exp(−δ²/(2σ²)): the product over the coordinates is exp(−|x − y|²/(2σ²)) up to rounding.</remarks>
    public double AxisFactor(double difference) => Math.Exp(-difference * difference * halfInverseSquaredBandwidth);

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        ValueFromSquaredDistance(PointGeometry.SquaredDistance(x, y));

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient) =>
        PointGeometry.WriteRadialGradient(GradientFactorFromSquaredDistance(PointGeometry.SquaredDistance(x, y)), x, y, gradient);

    /// <inheritdoc />
    public override string ToString() => $"gaussian(σ={Bandwidth:R})";
}
