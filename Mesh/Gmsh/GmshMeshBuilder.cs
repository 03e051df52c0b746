namespace PdeFlows.Mesh;

/// <summary>
/// Turns the content of a .msh file into a <see cref="SimplexMesh"/>: picks the cells (elements of the
/// highest dimension), drops unused nodes and the constant coordinates, fixes a uniformly negative
/// orientation, rejects mixed orientations and degenerate cells, and maps physical groups to cell and
/// facet groups.
/// </summary>
internal static class GmshMeshBuilder
{
    /// <summary>Cells with |volume| at most this times the largest |volume| are degenerate.</summary>
    private const double DegenerateRelativeVolume = 1e-12;

    /// <summary>Coordinates dropped for a 1D or 2D mesh must be at most this times the largest coordinate magnitude.</summary>
    private const double FlatRelativeTolerance = 1e-12;

    private static readonly string[] AxisNames = ["x", "y", "z"];

    public static GmshReadResult Build(GmshFileContent content, string file)
    {
        var elements = content.Elements;
        int d = elements.Count == 0 ? 0 : elements.Max(e => e.Dimension);
        if (d == 0)
        {
            throw new MeshFormatException(file, content.ElementsLine, "no lines, triangles or tetrahedra in $Elements: expected at least one cell");
        }

        var cells = elements.Where(e => e.Dimension == d).ToList();
        var facets = elements.Where(e => e.Dimension == d - 1 && e.PhysicalTags.Length > 0).ToList();

        // Keep the nodes used by cells, in file order.
        var used = new bool[content.Nodes.Count];
        foreach (var cell in cells)
        {
            foreach (long tag in cell.NodeTags)
            {
                used[content.NodeIndexByTag[tag]] = true;
            }
        }

        var newIndex = new int[content.Nodes.Count];
        int vertexCount = 0;
        for (int i = 0; i < used.Length; i++)
        {
            newIndex[i] = used[i] ? vertexCount++ : -1;
        }

        double[] coordinates = Coordinates(content, used, d, file);
        int[] cellVertices = new int[cells.Count * (d + 1)];
        for (int c = 0; c < cells.Count; c++)
        {
            for (int a = 0; a <= d; a++)
            {
                cellVertices[(c * (d + 1)) + a] = newIndex[content.NodeIndexByTag[cells[c].NodeTags[a]]];
            }
        }

        bool reversed = FixOrientation(cells, coordinates, cellVertices, d, file);
        var cellGroups = Groups(cells, d, content, (c, list) => list.Add(c));
        var facetGroups = Groups(facets, d - 1, content, (f, list) =>
        {
            foreach (long tag in facets[f].NodeTags)
            {
                int index = newIndex[content.NodeIndexByTag[tag]];
                if (index < 0)
                {
                    throw new MeshFormatException(file, facets[f].Line, $"element {facets[f].Tag} (a facet in a physical group) refers to node {tag}, which belongs to no cell: expected facets on cell faces");
                }

                list.Add(index);
            }
        });

        SimplexMesh mesh;
        try
        {
            mesh = new SimplexMesh(d, coordinates, cellVertices, cellGroups, facetGroups);
        }
        catch (ArgumentException exception)
        {
            throw new MeshFormatException(file, 0, $"the elements do not form a valid mesh: {exception.Message}", exception);
        }

        int facetCount = facets.Count;
        var read = GmshElementCounts.Of(elements);
        var kept = GmshElementCounts.Of(cells.Concat(facets));
        return new GmshReadResult(mesh, file, content.Version, content.Nodes.Count, content.Nodes.Count - vertexCount, read, read - kept, reversed);
    }

    /// <summary>The first d coordinates of the used nodes; throws if a dropped coordinate is not zero.</summary>
    private static double[] Coordinates(GmshFileContent content, bool[] used, int d, string file)
    {
        double scale = 0;
        for (int i = 0; i < used.Length; i++)
        {
            if (used[i])
            {
                var node = content.Nodes[i];
                scale = Math.Max(scale, Math.Max(Math.Abs(node.X), Math.Max(Math.Abs(node.Y), Math.Abs(node.Z))));
            }
        }

        var result = new List<double>(used.Length * d);
        string kind = d == 1 ? "1D (its highest elements are lines)" : "2D (its highest elements are triangles)";
        string where = d == 1 ? "on the x axis (y = z = 0)" : "in the plane z = 0";
        for (int i = 0; i < used.Length; i++)
        {
            if (!used[i])
            {
                continue;
            }

            var node = content.Nodes[i];
            double[] xyz = [node.X, node.Y, node.Z];
            for (int k = 0; k < 3; k++)
            {
                if (k < d)
                {
                    result.Add(xyz[k]);
                }
                else if (Math.Abs(xyz[k]) > FlatRelativeTolerance * scale)
                {
                    throw new MeshFormatException(file, node.Line, $"node {node.Tag} has nonzero {AxisNames[k]} = {xyz[k]:G6}, but the mesh is {kind}: expected a mesh {where}");
                }
            }
        }

        return result.ToArray();
    }

    /// <summary>Rejects degenerate cells and mixed orientations; reverses every cell if all are negative. Returns whether it reversed.</summary>
    private static bool FixOrientation(List<GmshElement> cells, double[] x, int[] vertices, int d, string file)
    {
        var volumes = new double[cells.Count];
        double largest = 0;
        for (int c = 0; c < cells.Count; c++)
        {
            volumes[c] = SignedVolume(x, vertices.AsSpan(c * (d + 1), d + 1), d);
            largest = Math.Max(largest, Math.Abs(volumes[c]));
        }

        for (int c = 0; c < cells.Count; c++)
        {
            if (!(Math.Abs(volumes[c]) > DegenerateRelativeVolume * largest))
            {
                throw new MeshFormatException(file, cells[c].Line, $"element {cells[c].Tag} is degenerate: volume {volumes[c]:G3} is zero relative to the largest cell ({largest:G3}); expected cells of positive volume");
            }
        }

        int negative = volumes.Count(v => v < 0), positive = cells.Count - negative;
        if (negative > 0 && positive > 0)
        {
            bool minorityNegative = negative <= positive;
            int c = Array.FindIndex(volumes, v => (v < 0) == minorityNegative);
            string entity = d == 3 ? "volumes" : d == 2 ? "surfaces" : "curves";
            throw new MeshFormatException(file, cells[c].Line,
                $"element {cells[c].Tag} is {(minorityNegative ? "negatively" : "positively")} oriented while {Math.Max(negative, positive)} of {cells.Count} cells are the other way: mixed orientations (inverted or folded cells, or {entity} meshed with opposite orientations); expected one orientation (orient the .geo entities alike, or use ReverseMesh)");
        }

        if (negative == 0)
        {
            return false;
        }

        for (int c = 0; c < cells.Count; c++)
        {
            (vertices[c * (d + 1)], vertices[(c * (d + 1)) + 1]) = (vertices[(c * (d + 1)) + 1], vertices[c * (d + 1)]);
        }

        return true;
    }

    private static double SignedVolume(double[] x, ReadOnlySpan<int> cell, int d) => d switch
    {
        1 => x[cell[1]] - x[cell[0]],
        2 => SimplexGeometry.SignedArea(x.AsSpan(cell[0] * 2, 2), x.AsSpan(cell[1] * 2, 2), x.AsSpan(cell[2] * 2, 2)),
        _ => SimplexGeometry.SignedTetrahedronVolume(x.AsSpan(cell[0] * 3, 3), x.AsSpan(cell[1] * 3, 3), x.AsSpan(cell[2] * 3, 3), x.AsSpan(cell[3] * 3, 3)),
    };

    /// <summary>Groups elements of dimension <paramref name="dimension"/> by physical group name ("physical-N" when unnamed); named groups without elements are kept, empty.</summary>
    private static Dictionary<string, int[]> Groups(List<GmshElement> members, int dimension, GmshFileContent content, Action<int, List<int>> add)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var ((groupDimension, _), name) in content.PhysicalNames)
        {
            if (groupDimension == dimension)
            {
                groups.TryAdd(name, []);
            }
        }

        for (int i = 0; i < members.Count; i++)
        {
            foreach (int tag in members[i].PhysicalTags)
            {
                string name = content.PhysicalNames.TryGetValue((dimension, tag), out var named) ? named : $"physical-{tag}";
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = [];
                }

                add(i, list);
            }
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
