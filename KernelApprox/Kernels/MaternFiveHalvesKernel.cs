using System.Numerics;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// Matérn-5/2 kernel k(x, y) = (1 + a r + a²r²/3) exp(−a r), a = √5/σ (so a²r²/3 = 5r²/(3σ²)), r = |x − y|;
/// ∇ₓk = −(a²/3)(1 + a r) exp(−a r)(x − y) (smooth at r = 0).
/// </summary>
/// <remarks><c>default(MaternFiveHalvesKernel)</c> has σ = 0 and is not a valid kernel: use the constructor.</remarks>
public readonly struct MaternFiveHalvesKernel : IKernel
{
    private readonly double rate;              // a = √5/σ
    private readonly double thirdSquaredRate;  // a²/3 = 5/(3σ²)

    /// <summary>Creates the kernel with bandwidth σ.</summary>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public MaternFiveHalvesKernel(double bandwidth)
    {
        Bandwidth = BandwidthValidation.Validate(bandwidth, "matern52");
        rate = Math.Sqrt(5.0) / bandwidth;
        thirdSquaredRate = 5.0 / (3.0 * bandwidth * bandwidth);
    }

    /// <inheritdoc />
    public KernelKind Kind => KernelKind.MaternFiveHalves;

    /// <inheritdoc />
    public double Bandwidth { get; }

    /// <inheritdoc />
    public double ValueFromSquaredDistance(double squaredDistance)
    {
        double scaled = rate * Math.Sqrt(squaredDistance);
        return (1.0 + scaled + thirdSquaredRate * squaredDistance) * Math.Exp(-scaled);
    }

    /// <inheritdoc />
    public Vector<double> ValueFromSquaredDistance(Vector<double> squaredDistance)
    {
        Vector<double> scaled = rate * Vector.SquareRoot(squaredDistance);
        return (Vector<double>.One + scaled + thirdSquaredRate * squaredDistance) * Vector.Exp(-scaled);
    }

    /// <inheritdoc />
    public double GradientFactorFromSquaredDistance(double squaredDistance)
    {
        double scaled = rate * Math.Sqrt(squaredDistance);
        return thirdSquaredRate * (1.0 + scaled) * Math.Exp(-scaled);
    }

    /// <inheritdoc />
    public Vector<double> GradientFactorFromSquaredDistance(Vector<double> squaredDistance)
    {
        Vector<double> scaled = rate * Vector.SquareRoot(squaredDistance);
        return thirdSquaredRate * (Vector<double>.One + scaled) * Vector.Exp(-scaled);
    }

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        ValueFromSquaredDistance(PointGeometry.SquaredDistance(x, y));

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient) =>
        PointGeometry.WriteRadialGradient(GradientFactorFromSquaredDistance(PointGeometry.SquaredDistance(x, y)), x, y, gradient);

    /// <inheritdoc />
    public override string ToString() => $"matern52(σ={Bandwidth:R})";
}
