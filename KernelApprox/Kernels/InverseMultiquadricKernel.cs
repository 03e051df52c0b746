using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// Inverse multiquadric kernel k(x, y) = (1 + r²/σ²)^(−1/2), r = |x − y|;
/// ∇ₓk = −(1/σ²)(1 + r²/σ²)^(−3/2)(x − y).
/// </summary>
/// <remarks><c>default(InverseMultiquadricKernel)</c> has σ = 0 and is not a valid kernel: use the constructor.</remarks>
public readonly struct InverseMultiquadricKernel : IKernel
{
    private readonly double inverseSquaredBandwidth; // 1/σ²

    /// <summary>Creates the kernel with bandwidth σ.</summary>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public InverseMultiquadricKernel(double bandwidth)
    {
        Bandwidth = BandwidthValidation.Validate(bandwidth, "imq");
        inverseSquaredBandwidth = 1.0 / (bandwidth * bandwidth);
    }

    /// <inheritdoc />
    public KernelKind Kind => KernelKind.InverseMultiquadric;

    /// <inheritdoc />
    public double Bandwidth { get; }

    /// <inheritdoc />
    public double ValueFromSquaredDistance(double squaredDistance) =>
        1.0 / Math.Sqrt(1.0 + squaredDistance * inverseSquaredBandwidth);

    /// <inheritdoc />
    public Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance) =>
        Vector<double>.One / Vector.SquareRoot(Vector<double>.One + squaredDistance * inverseSquaredBandwidth);

    /// <inheritdoc />
    public double GradientFactorFromSquaredDistance(double squaredDistance)
    {
        double value = ValueFromSquaredDistance(squaredDistance);
        return inverseSquaredBandwidth * value * value * value;
    }

    /// <inheritdoc />
    public Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance)
    {
        Vector<double> value = ValueFromSquaredDistance(squaredDistance);
        return inverseSquaredBandwidth * value * value * value;
    }

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        ValueFromSquaredDistance(PointGeometry.SquaredDistance(x, y));

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient) =>
        PointGeometry.WriteRadialGradient(GradientFactorFromSquaredDistance(PointGeometry.SquaredDistance(x, y)), x, y, gradient);

    /// <inheritdoc />
    public override string ToString() => $"imq(σ={Bandwidth:R})";
}
