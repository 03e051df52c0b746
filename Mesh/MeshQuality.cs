namespace PdeFlows.Mesh;

/// <summary>
/// Computes a <see cref="MeshQualityReport"/>: volumes, angles, obtuse, inverted, degenerate and
/// invalid cells, duplicate and unused vertices — for a <see cref="SimplexMesh"/> or for raw arrays
/// that may not pass the <see cref="SimplexMesh"/> constructor.
/// </summary>
/// <remarks>
/// Angles come from the gradients g_k of the barycentric coordinates: the angle between the facets
/// opposite vertices k and l (the interior angle at the third vertex in 2D, the dihedral angle along
/// the edge that avoids k and l in 3D) is arccos(−g_k·g_l / (|g_k| |g_l|)); it is obtuse exactly when
/// g_k·g_l &gt; 0, which is when the P1 stiffness entry of the edge becomes positive.
/// </remarks>
public static class MeshQuality
{
    /// <summary>The quality report of a mesh.</summary>
    public static MeshQualityReport Analyze(SimplexMesh mesh, MeshQualityTolerances? tolerances = null) =>
        Analyze(mesh.Dimension, mesh.Coordinates, mesh.Cells, tolerances);

    /// <summary>The quality report of raw arrays: coordinates n × d and cells m × (d+1), row-major, not validated beforehand.</summary>
    /// <exception cref="ArgumentException">The dimension is not 1, 2 or 3, or an array length is not a multiple of d or d+1.</exception>
    public static MeshQualityReport Analyze(int dimension, ReadOnlySpan<double> coordinates, ReadOnlySpan<int> cells, MeshQualityTolerances? tolerances = null)
    {
        if (dimension is < 1 or > 3 || coordinates.Length % dimension != 0 || cells.Length % (dimension + 1) != 0)
        {
            throw new ArgumentException($"need d in 1..3 with coordinates a multiple of d and cells a multiple of d+1 (d = {dimension}, lengths {coordinates.Length}, {cells.Length})");
        }

        var tolerance = tolerances ?? MeshQualityTolerances.Default;
        int n = coordinates.Length / dimension, k = dimension + 1, m = cells.Length / k;
        var used = new bool[n];
        var volumes = new double[m];
        var valid = new bool[m];
        int invalid = 0;
        double largest = 0;
        for (int c = 0; c < m; c++)
        {
            ReadOnlySpan<int> cell = cells.Slice(c * k, k);
            valid[c] = IndicesValid(cell, n, coordinates, dimension);
            foreach (int v in cell)
            {
                if ((uint)v < (uint)n)
                {
                    used[v] = true;
                }
            }

            if (!valid[c])
            {
                invalid++;
                continue;
            }

            volumes[c] = SignedVolume(dimension, coordinates, cell);
            largest = Math.Max(largest, Math.Abs(volumes[c]));
        }

        double threshold = tolerance.DegenerateRelativeVolume * largest;
        int inverted = 0, degenerate = 0, obtuse = 0;
        double minimumVolume = double.PositiveInfinity, maximumVolume = double.NegativeInfinity;
        double minimumAngle = double.PositiveInfinity, maximumAngle = double.NegativeInfinity;
        Span<double> angles = stackalloc double[6];
        for (int c = 0; c < m; c++)
        {
            if (!valid[c])
            {
                continue;
            }

            minimumVolume = Math.Min(minimumVolume, volumes[c]);
            maximumVolume = Math.Max(maximumVolume, volumes[c]);
            if (Math.Abs(volumes[c]) <= threshold)
            {
                degenerate++;
                continue;
            }

            if (volumes[c] < 0)
            {
                inverted++;
            }

            if (dimension == 1)
            {
                continue;
            }

            int count = Angles(dimension, coordinates, cells.Slice(c * k, k), angles);
            bool isObtuse = false;
            foreach (double angle in angles[..count])
            {
                minimumAngle = Math.Min(minimumAngle, angle);
                maximumAngle = Math.Max(maximumAngle, angle);
                isObtuse |= angle > 90 + tolerance.ObtuseAngleDegrees;
            }

            obtuse += isObtuse ? 1 : 0;
        }

        return new MeshQualityReport(
            dimension,
            n,
            m,
            NaNIfInfinite(minimumVolume),
            NaNIfInfinite(maximumVolume),
            NaNIfInfinite(minimumAngle),
            NaNIfInfinite(maximumAngle),
            obtuse,
            inverted,
            degenerate,
            invalid,
            DuplicateVertices.Count(dimension, coordinates, tolerance.DuplicateRelativeDistance),
            used.Count(u => !u),
            tolerance);
    }

    /// <summary>
    /// The angles of one cell in degrees, written to <paramref name="angles"/>: 3 interior angles
    /// (2D) or 6 dihedral angles (3D); returns how many. The cell must not be degenerate.
    /// </summary>
    public static int Angles(int dimension, ReadOnlySpan<double> coordinates, ReadOnlySpan<int> cell, Span<double> angles)
    {
        // Gradients of the barycentric coordinates times det(J) (the sign and scale cancel in the angles).
        Span<double> g = stackalloc double[12];
        ReadOnlySpan<double> p0 = coordinates.Slice(cell[0] * dimension, dimension);
        if (dimension == 2)
        {
            ReadOnlySpan<double> p1 = coordinates.Slice(cell[1] * 2, 2), p2 = coordinates.Slice(cell[2] * 2, 2);
            g[2] = p2[1] - p0[1];
            g[3] = -(p2[0] - p0[0]);
            g[4] = -(p1[1] - p0[1]);
            g[5] = p1[0] - p0[0];
        }
        else if (dimension == 3)
        {
            Span<double> e = stackalloc double[9];
            for (int a = 0; a < 3; a++)
            {
                ReadOnlySpan<double> p = coordinates.Slice(cell[a + 1] * 3, 3);
                for (int j = 0; j < 3; j++)
                {
                    e[(3 * a) + j] = p[j] - p0[j];
                }
            }

            Cross(e.Slice(3, 3), e.Slice(6, 3), g.Slice(3, 3));
            Cross(e.Slice(6, 3), e.Slice(0, 3), g.Slice(6, 3));
            Cross(e.Slice(0, 3), e.Slice(3, 3), g.Slice(9, 3));
        }
        else
        {
            return 0;
        }

        for (int j = 0; j < dimension; j++)
        {
            double sum = 0;
            for (int a = 1; a <= dimension; a++)
            {
                sum += g[(a * dimension) + j];
            }

            g[j] = -sum;
        }

        int count = 0;
        for (int a = 0; a <= dimension; a++)
        {
            for (int b = a + 1; b <= dimension; b++)
            {
                double dot = 0, na = 0, nb = 0;
                for (int j = 0; j < dimension; j++)
                {
                    double x = g[(a * dimension) + j], y = g[(b * dimension) + j];
                    dot += x * y;
                    na += x * x;
                    nb += y * y;
                }

                double cosine = Math.Clamp(-dot / Math.Sqrt(na * nb), -1.0, 1.0);
                angles[count++] = Math.Acos(cosine) * 180.0 / Math.PI;
            }
        }

        return count;
    }

    private static void Cross(ReadOnlySpan<double> u, ReadOnlySpan<double> v, Span<double> result)
    {
        result[0] = (u[1] * v[2]) - (u[2] * v[1]);
        result[1] = (u[2] * v[0]) - (u[0] * v[2]);
        result[2] = (u[0] * v[1]) - (u[1] * v[0]);
    }

    private static bool IndicesValid(ReadOnlySpan<int> cell, int vertexCount, ReadOnlySpan<double> coordinates, int dimension)
    {
        for (int a = 0; a < cell.Length; a++)
        {
            if ((uint)cell[a] >= (uint)vertexCount)
            {
                return false;
            }

            for (int b = 0; b < a; b++)
            {
                if (cell[a] == cell[b])
                {
                    return false;
                }
            }

            foreach (double x in coordinates.Slice(cell[a] * dimension, dimension))
            {
                if (!double.IsFinite(x))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double SignedVolume(int dimension, ReadOnlySpan<double> x, ReadOnlySpan<int> cell) => dimension switch
    {
        1 => x[cell[1]] - x[cell[0]],
        2 => SimplexGeometry.SignedArea(x.Slice(cell[0] * 2, 2), x.Slice(cell[1] * 2, 2), x.Slice(cell[2] * 2, 2)),
        _ => SimplexGeometry.SignedTetrahedronVolume(x.Slice(cell[0] * 3, 3), x.Slice(cell[1] * 3, 3), x.Slice(cell[2] * 3, 3), x.Slice(cell[3] * 3, 3)),
    };

    private static double NaNIfInfinite(double value) => double.IsInfinity(value) ? double.NaN : value;
}
