namespace PdeFlows.KernelApprox.Kernels;

/// <summary>Squared distances and difference vectors of points given as spans.</summary>
public static class PointGeometry
{
    /// <summary>|x − y|², summed over coordinates in increasing order.</summary>
    /// <param name="x">First point.</param>
    /// <param name="y">Second point, same dimension.</param>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Points have different dimensions ({x.Length} and {y.Length}).", nameof(y));
        }

        double sum = 0.0;
        for (int c = 0; c < x.Length; c++)
        {
            double difference = x[c] - y[c];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>Writes −g (x − y) into <paramref name="gradient"/>: the shared form of every radial gradient.</summary>
    /// <param name="gradientFactor">g(|x − y|²).</param>
    /// <param name="x">The point differentiated.</param>
    /// <param name="y">The other point.</param>
    /// <param name="gradient">Destination, same length as <paramref name="x"/>.</param>
    internal static void WriteRadialGradient(double gradientFactor, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient)
    {
        if (gradient.Length != x.Length)
        {
            throw new ArgumentException($"Gradient buffer has length {gradient.Length}, expected the dimension {x.Length}.", nameof(gradient));
        }

        for (int c = 0; c < x.Length; c++)
        {
            gradient[c] = -gradientFactor * (x[c] - y[c]);
        }
    }
}
