namespace PdeFlows.Discretization.Quadrature;

/// <summary>
/// Eigenvalues and eigenvectors of a small symmetric tridiagonal matrix by the implicit QL method
/// with Wilkinson shifts (EISPACK tql2, as in JAMA and MathNet's managed provider), for the
/// Golub–Welsch quadrature rules. Written out here because loading a linear-algebra library for
/// these few-by-few matrices cost every run ~40 ms of start-up (docs/performance.md).
/// </summary>
public static class SymmetricTridiagonalEigen
{
    private const int MaxIterations = 60;

    /// <summary>2⁻⁵², the spacing of doubles at 1: a subdiagonal entry this small relative to the matrix is zero.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Diagonalizes T with diagonal <paramref name="diagonal"/> and T[i, i−1] = T[i−1, i] = <paramref name="subdiagonal"/>[i − 1].
    /// </summary>
    /// <param name="diagonal">The n diagonal entries.</param>
    /// <param name="subdiagonal">The n − 1 entries below the diagonal.</param>
    /// <returns>Eigenvalues ascending and the orthonormal eigenvectors as columns: Vectors[k, j] is component k of eigenvector j.</returns>
    /// <exception cref="ArithmeticException">The iteration did not converge (not seen for finite input).</exception>
    public static (double[] Values, double[,] Vectors) Decompose(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> subdiagonal)
    {
        int n = diagonal.Length;
        if (subdiagonal.Length != Math.Max(0, n - 1))
        {
            throw new ArgumentException($"a {n}×{n} tridiagonal matrix has {Math.Max(0, n - 1)} subdiagonal entries, got {subdiagonal.Length}", nameof(subdiagonal));
        }

        var d = diagonal.ToArray();
        var e = new double[n];
        subdiagonal.CopyTo(e);
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        double shiftSum = 0, scale = 0;
        for (int l = 0; l < n; l++)
        {
            // Find a negligible subdiagonal entry e[m]: the block l..m is then split off.
            scale = Math.Max(scale, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.Abs(e[m]) > double.Epsilon + (MachineEpsilon * scale))
            {
                m++;
            }

            int iterations = 0;
            while (m > l)
            {
                if (++iterations > MaxIterations)
                {
                    throw new ArithmeticException($"symmetric tridiagonal eigenvalues: no convergence at index {l} after {MaxIterations} QL iterations");
                }

                // Wilkinson shift from the leading 2×2 block.
                double g = d[l];
                double p = (d[l + 1] - g) / (2 * e[l]);
                double r = double.Hypot(p, 1);
                if (p < 0)
                {
                    r = -r;
                }

                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++)
                {
                    d[i] -= h;
                }

                shiftSum += h;

                // Implicit QL sweep from m up to l, accumulating the rotations into v.
                p = d[m];
                double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
                double el1 = e[l + 1];
                for (int i = m - 1; i >= l; i--)
                {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = double.Hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = (c * d[i]) - (s * g);
                    d[i + 1] = h + (s * ((c * g) + (s * d[i])));
                    for (int k = 0; k < n; k++)
                    {
                        h = v[k, i + 1];
                        v[k, i + 1] = (s * v[k, i]) + (c * h);
                        v[k, i] = (c * v[k, i]) - (s * h);
                    }
                }

                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if (Math.Abs(e[l]) <= MachineEpsilon * scale)
                {
                    break;
                }
            }

            d[l] += shiftSum;
            e[l] = 0;
        }

        // Ascending order (selection sort: n is a handful).
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            for (int j = i + 1; j < n; j++)
            {
                if (d[j] < d[k])
                {
                    k = j;
                }
            }

            if (k != i)
            {
                (d[i], d[k]) = (d[k], d[i]);
                for (int row = 0; row < n; row++)
                {
                    (v[row, i], v[row, k]) = (v[row, k], v[row, i]);
                }
            }
        }

        return (d, v);
    }
}
