namespace PdeFlows.Verification.Plotting;

/// <summary>One labelled curve: points (X[i], Y[i]); non-finite points (and, on a log axis, non-positive ones) are left out.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates, as many as <paramref name="X"/>.</param>
public sealed record NamedCurve(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>The points that can be drawn: finite, and with Y &gt; 0 when <paramref name="logY"/> (then Y is replaced by log10 Y).</summary>
    /// <exception cref="ArgumentException">X and Y differ in length.</exception>
    internal (double[] X, double[] Y) Drawable(bool logX, bool logY)
    {
        if (X.Count != Y.Count)
        {
            throw new ArgumentException($"curve '{Name}' has {X.Count} abscissae and {Y.Count} ordinates");
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < X.Count; i++)
        {
            double x = X[i];
            double y = Y[i];
            if (!double.IsFinite(x) || !double.IsFinite(y) || (logX && x <= 0.0) || (logY && y <= 0.0))
            {
                continue;
            }

            xs.Add(logX ? Math.Log10(x) : x);
            ys.Add(logY ? Math.Log10(y) : y);
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
