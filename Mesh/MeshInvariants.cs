namespace PdeFlows.Mesh;

/// <summary>The invariants checked when a <see cref="SimplexMesh"/> is constructed.</summary>
internal static class MeshInvariants
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first violation found.</summary>
    public static void Check(SimplexMesh mesh)
    {
        ReadOnlySpan<double> x = mesh.Coordinates;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"vertex {i / mesh.Dimension} has a non-finite coordinate ({x[i]})");
            }
        }

        int k = mesh.VerticesPerCell;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            for (int a = 0; a < k; a++)
            {
                if ((uint)cell[a] >= (uint)mesh.VertexCount)
                {
                    throw new ArgumentException($"cell {c} refers to vertex {cell[a]}, but there are {mesh.VertexCount} vertices");
                }

                for (int b = 0; b < a; b++)
                {
                    if (cell[a] == cell[b])
                    {
                        throw new ArgumentException($"cell {c} repeats vertex {cell[a]}");
                    }
                }
            }

            double volume = mesh.CellVolume(c);
            if (!(volume > 0))
            {
                throw new ArgumentException(volume < 0
                    ? $"cell {c} is inverted (signed volume {volume:G6}); cells must be positively oriented"
                    : $"cell {c} is degenerate (zero volume)");
            }
        }
    }
}
