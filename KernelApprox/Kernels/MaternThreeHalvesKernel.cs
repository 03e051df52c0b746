using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// Matérn-3/2 kernel k(x, y) = (1 + a r) exp(−a r), a = √3/σ, r = |x − y|;
/// ∇ₓk = −a² exp(−a r)(x − y) (smooth at r = 0).
/// </summary>
/// <remarks><c>default(MaternThreeHalvesKernel)</c> has σ = 0 and is not a valid kernel: use the constructor.</remarks>
public readonly struct MaternThreeHalvesKernel : IKernel
{
    private readonly double rate;        // a = √3/σ
    private readonly double squaredRate; // a² = 3/σ²

    /// <summary>Creates the kernel with bandwidth σ.</summary>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public MaternThreeHalvesKernel(double bandwidth)
    {
        Bandwidth = BandwidthValidation.Validate(bandwidth, "matern32");
        rate = Math.Sqrt(3.0) / bandwidth;
        squaredRate = 3.0 / (bandwidth * bandwidth);
    }

    /// <inheritdoc />
    public KernelKind Kind => KernelKind.MaternThreeHalves;

    /// <inheritdoc />
    public double Bandwidth { get; }

    /// <inheritdoc />
    public double ValueFromSquaredDistance(double squaredDistance)
    {
        double scaled = rate * Math.Sqrt(squaredDistance);
        return (1.0 + scaled) * Math.Exp(-scaled);
    }

    /// <inheritdoc />
    public Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance)
    {
        Vector<double> scaled = rate * Vector.SquareRoot(squaredDistance);
        return (Vector<double>.One + scaled) * Vector.Exp(-scaled);
    }

    /// <inheritdoc />
    public double GradientFactorFromSquaredDistance(double squaredDistance) =>
        squaredRate * Math.Exp(-rate * Math.Sqrt(squaredDistance));

    /// <inheritdoc />
    public Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance) =>
        squaredRate * Vector.Exp(-rate * Vector.SquareRoot(squaredDistance));

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        ValueFromSquaredDistance(PointGeometry.SquaredDistance(x, y));

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient) =>
        PointGeometry.WriteRadialGradient(GradientFactorFromSquaredDistance(PointGeometry.SquaredDistance(x, y)), x, y, gradient);

    /// <inheritdoc />
    public override string ToString() => $"matern32(σ={Bandwidth:R})";
}
