namespace PdeFlows.Runs.Problems;

/// <summary>
/// The closest point of a simplex of dimension 0, 1 or 2 (a point, a segment, a triangle) to a
/// point in ℝ^d, d ≤ 3 — the boundary facets of a 1-, 2- or 3-D mesh. The triangle case is the
/// Voronoi-region method of Ericson, <i>Real-Time Collision Detection</i> (2005), §5.1.5.
/// </summary>
internal static class ClosestPoint
{
    /// <summary>Writes the point of the simplex with vertices <paramref name="corners"/> nearest to <paramref name="point"/> into <paramref name="closest"/>; returns the distance.</summary>
    /// <param name="point">The query point (d coordinates).</param>
    /// <param name="corners">The simplex's vertices, 1 to 3 of them, each with d coordinates.</param>
    /// <param name="closest">Receives the nearest point (d coordinates).</param>
    /// <returns>The Euclidean distance from <paramref name="point"/> to the simplex.</returns>
    public static double OnSimplex(ReadOnlySpan<double> point, ReadOnlySpan<double[]> corners, Span<double> closest)
    {
        switch (corners.Length)
        {
            case 1:
                corners[0].CopyTo(closest);
                break;
            case 2:
                OnSegment(point, corners[0], corners[1], closest);
                break;
            case 3:
                OnTriangle(point, corners[0], corners[1], corners[2], closest);
                break;
            default:
                throw new ArgumentException($"a facet has 1 to 3 vertices, got {corners.Length}", nameof(corners));
        }

        double sum = 0;
        for (int k = 0; k < point.Length; k++)
        {
            sum += (point[k] - closest[k]) * (point[k] - closest[k]);
        }

        return Math.Sqrt(sum);
    }

    private static void OnSegment(ReadOnlySpan<double> p, double[] a, double[] b, Span<double> closest)
    {
        double along = 0, length = 0;
        for (int k = 0; k < p.Length; k++)
        {
            along += (p[k] - a[k]) * (b[k] - a[k]);
            length += (b[k] - a[k]) * (b[k] - a[k]);
        }

        double s = length > 0 ? Math.Clamp(along / length, 0, 1) : 0;
        Combine(a, b, a, 1 - s, s, 0, closest);
    }

    private static void OnTriangle(ReadOnlySpan<double> p, double[] a, double[] b, double[] c, Span<double> closest)
    {
        double d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double ab = b[k] - a[k], ac = c[k] - a[k];
            d1 += ab * (p[k] - a[k]);
            d2 += ac * (p[k] - a[k]);
            d3 += ab * (p[k] - b[k]);
            d4 += ac * (p[k] - b[k]);
            d5 += ab * (p[k] - c[k]);
            d6 += ac * (p[k] - c[k]);
        }

        if (d1 <= 0 && d2 <= 0)
        {
            Combine(a, b, c, 1, 0, 0, closest); // vertex a
            return;
        }

        if (d3 >= 0 && d4 <= d3)
        {
            Combine(a, b, c, 0, 1, 0, closest); // vertex b
            return;
        }

        double vc = (d1 * d4) - (d3 * d2);
        if (vc <= 0 && d1 >= 0 && d3 <= 0)
        {
            double v = d1 / (d1 - d3);
            Combine(a, b, c, 1 - v, v, 0, closest); // edge ab
            return;
        }

        if (d6 >= 0 && d5 <= d6)
        {
            Combine(a, b, c, 0, 0, 1, closest); // vertex c
            return;
        }

        double vb = (d5 * d2) - (d1 * d6);
        if (vb <= 0 && d2 >= 0 && d6 <= 0)
        {
            double w = d2 / (d2 - d6);
            Combine(a, b, c, 1 - w, 0, w, closest); // edge ac
            return;
        }

        double va = (d3 * d6) - (d5 * d4);
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        {
            double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
            Combine(a, b, c, 0, 1 - w, w, closest); // edge bc
            return;
        }

        double denominator = 1 / (va + vb + vc);
        double vv = vb * denominator, ww = vc * denominator;
        Combine(a, b, c, 1 - vv - ww, vv, ww, closest); // interior
    }

    private static void Combine(double[] a, double[] b, double[] c, double wa, double wb, double wc, Span<double> result)
    {
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = (wa * a[k]) + (wb * b[k]) + (wc * c[k]);
        }
    }
}
