namespace PdeFlows.Mesh;

/// <summary>Validation and canonical copies of named cell and facet groups.</summary>
internal static class MeshGroups
{
    /// <summary>Copies cell groups with sorted, distinct, in-range indices.</summary>
    public static IReadOnlyDictionary<string, int[]> CopyCellGroups(IReadOnlyDictionary<string, int[]>? groups, int cellCount)
    {
        var result = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        if (groups is null)
        {
            return result;
        }

        foreach (var (name, cells) in groups)
        {
            int[] sorted = SortedDistinct(cells);
            if (sorted.Length > 0 && (sorted[0] < 0 || sorted[^1] >= cellCount))
            {
                throw new ArgumentException($"cell group '{name}' refers to a cell outside 0..{cellCount - 1}");
            }

            result[name] = sorted;
        }

        return result;
    }

    /// <summary>Copies facet groups, sorting each facet's vertex indices ascending.</summary>
    public static IReadOnlyDictionary<string, int[]> CopyFacetGroups(IReadOnlyDictionary<string, int[]>? groups, int dimension, int vertexCount)
    {
        var result = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        if (groups is null)
        {
            return result;
        }

        foreach (var (name, facets) in groups)
        {
            if (facets.Length % dimension != 0)
            {
                throw new ArgumentException($"facet group '{name}' has {facets.Length} indices, not a multiple of d = {dimension}");
            }

            int[] copy = (int[])facets.Clone();
            for (int f = 0; f < copy.Length; f += dimension)
            {
                Array.Sort(copy, f, dimension);
            }

            foreach (int v in copy)
            {
                if (v < 0 || v >= vertexCount)
                {
                    throw new ArgumentException($"facet group '{name}' refers to a vertex outside 0..{vertexCount - 1}");
                }
            }

            result[name] = copy;
        }

        return result;
    }

    /// <summary>The distinct values of <paramref name="values"/>, ascending (a sort and one pass: LINQ's Distinct/Order over ints are compiled by the JIT at every start).</summary>
    private static int[] SortedDistinct(int[] values)
    {
        var sorted = (int[])values.Clone();
        Array.Sort(sorted);
        int unique = 0;
        for (int k = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] != sorted[unique - 1])
            {
                sorted[unique++] = sorted[k];
            }
        }

        return unique == sorted.Length ? sorted : sorted[..unique];
    }
}
