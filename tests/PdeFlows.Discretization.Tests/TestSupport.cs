using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Tests;

/// <summary>Meshes, slope fitting and a rate assertion shared by the tests.</summary>
internal static class TestSupport
{
    /// <summary>The unit box [0,1]^d with n cells per axis.</summary>
    public static SimplexMesh UnitBox(int d, int n) => d switch
    {
        1 => MeshGenerators.Interval(0, 1, n),
        2 => MeshGenerators.Rectangle([0, 0], [1, 1], n, n),
        _ => MeshGenerators.Box([0, 0, 0], [1, 1, 1], n, n, n),
    };

    /// <summary>Least-squares slope of log e against log h.</summary>
    public static double FittedSlope(IReadOnlyList<double> h, IReadOnlyList<double> e)
    {
        int n = h.Count;
        double mx = h.Average(Math.Log), my = e.Average(Math.Log);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = Math.Log(h[i]) - mx;
            sxy += dx * (Math.Log(e[i]) - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }

    /// <summary>Asserts |fitted slope − expected| ≤ tolerance, with the whole table in the failure message.</summary>
    public static void AssertRate(string name, IReadOnlyList<double> h, IReadOnlyList<double> e, double expected, double tolerance, string table)
    {
        double slope = FittedSlope(h, e);
        if (!(Math.Abs(slope - expected) <= tolerance))
        {
            throw new Xunit.Sdk.XunitException($"{name}: fitted order {slope:F3}, expected {expected} ± {tolerance}\n{table}");
        }
    }

    /// <summary>max_i |a_i − b_i|.</summary>
    public static double MaxDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
