namespace PdeFlows.Mesh;

/// <summary>
/// Finds vertices that coincide within a distance, with a uniform grid hash of cell size equal to
/// that distance: two close vertices lie in the same or neighbouring grid cells, so each vertex is
/// compared with the few vertices in the 3^d cells around it — O(n) expected, not O(n²).
/// </summary>
internal static class DuplicateVertices
{
    /// <summary>
    /// The number of vertices within <paramref name="relativeDistance"/> × (bounding-box diagonal)
    /// of a vertex with a smaller index.
    /// </summary>
    public static int Count(int dimension, ReadOnlySpan<double> coordinates, double relativeDistance)
    {
        int n = coordinates.Length / dimension;
        if (n < 2)
        {
            return 0;
        }

        double diagonalSquared = 0;
        for (int k = 0; k < dimension; k++)
        {
            double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                lower = Math.Min(lower, coordinates[(i * dimension) + k]);
                upper = Math.Max(upper, coordinates[(i * dimension) + k]);
            }

            diagonalSquared += (upper - lower) * (upper - lower);
        }

        double distance = relativeDistance * Math.Sqrt(diagonalSquared);
        // A zero distance (all points equal, or tolerance 0) still needs a positive grid spacing.
        double spacing = distance > 0 ? distance : Math.Max(Math.Sqrt(diagonalSquared), 1.0);
        // Grid cell → the last vertex put in it; next[i] chains the earlier vertices of the same cell.
        var head = new Dictionary<(long, long, long), int>(n);
        var next = new int[n];
        int duplicates = 0;
        Span<long> cell = stackalloc long[3];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> x = coordinates.Slice(i * dimension, dimension);
            cell.Clear();
            for (int k = 0; k < dimension; k++)
            {
                cell[k] = (long)Math.Floor(x[k] / spacing);
            }

            if (HasNeighbourWithin(head, next, coordinates, dimension, x, cell, distance))
            {
                duplicates++;
            }

            var key = (cell[0], cell[1], cell[2]);
            next[i] = head.TryGetValue(key, out int previous) ? previous : -1;
            head[key] = i;
        }

        return duplicates;
    }

    private static bool HasNeighbourWithin(
        Dictionary<(long, long, long), int> head,
        int[] next,
        ReadOnlySpan<double> coordinates,
        int dimension,
        ReadOnlySpan<double> x,
        ReadOnlySpan<long> cell,
        double distance)
    {
        int r1 = dimension > 1 ? 1 : 0, r2 = dimension > 2 ? 1 : 0;
        for (long a = cell[0] - 1; a <= cell[0] + 1; a++)
        {
            for (long b = cell[1] - r1; b <= cell[1] + r1; b++)
            {
                for (long c = cell[2] - r2; c <= cell[2] + r2; c++)
                {
                    if (!head.TryGetValue((a, b, c), out int first))
                    {
                        continue;
                    }

                    for (int j = first; j >= 0; j = next[j])
                    {
                        double squared = 0;
                        for (int k = 0; k < dimension; k++)
                        {
                            double delta = x[k] - coordinates[(j * dimension) + k];
                            squared += delta * delta;
                        }

                        if (squared <= distance * distance)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
