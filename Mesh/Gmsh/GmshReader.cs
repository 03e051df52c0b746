namespace PdeFlows.Mesh;

/// <summary>
/// Reads Gmsh .msh files, format 4.1 or 2.2, ASCII, into a <see cref="SimplexMesh"/>.
/// </summary>
/// <remarks>
/// <para>Sections read: $MeshFormat (must come first), $PhysicalNames, $Entities (4.1: maps entity
/// tags to physical tags), $Nodes, $Elements; other sections ($Comments, $Periodic, $NodeData, …) are
/// skipped. Element types: 1 (line), 2 (triangle), 4 (tetrahedron), 15 (point); any other type is an
/// error (linear simplices only). Binary files are rejected with advice to re-save as ASCII.</para>
/// <para>The mesh dimension d is the highest element dimension present and the cells are the
/// elements of that dimension. Physical groups of dimension d become cell groups and those of
/// dimension d − 1 facet groups, named from $PhysicalNames or "physical-N" when unnamed. All other
/// lower-dimensional elements (points, and lines in a 3D mesh, and facets in no physical group) are
/// ignored and counted in <see cref="GmshReadResult.ElementsIgnored"/>.</para>
/// <para>Node tags may be non-contiguous; nodes used by no cell are removed and the rest renumbered
/// 0..n−1 in file order. Gmsh writes three coordinates: a 2D mesh must have z = 0 and a 1D mesh
/// y = z = 0 (up to 1e-12 relative), and those coordinates are dropped. If every cell is negatively
/// oriented (a labelling convention) the first two vertices of every cell are swapped; mixed
/// orientations and cells of zero volume (relative 1e-12) are errors naming the element's line.</para>
/// <para>Every problem is a <see cref="MeshFormatException"/> giving the file, the 1-based line and what
/// was expected.</para>
/// </remarks>
public static class GmshReader
{
    /// <summary>Reads the .msh file at <paramref name="path"/>.</summary>
    /// <exception cref="MeshFormatException">The file is not a valid mesh in a supported format.</exception>
    public static GmshReadResult Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads .msh text from <paramref name="text"/>, naming it <paramref name="file"/> in errors.</summary>
    /// <exception cref="MeshFormatException">The text is not a valid mesh in a supported format.</exception>
    public static GmshReadResult Read(TextReader text, string file)
    {
        var reader = new GmshLineReader(text, file);
        var content = new GmshFileContent { Version = GmshSections.ReadMeshFormat(reader) };
        bool version41 = content.Version == "4.1";
        while (reader.TryNext() is { } line)
        {
            switch (line.Text)
            {
                case "$PhysicalNames":
                    GmshSections.ReadPhysicalNames(reader, content);
                    break;
                case "$Entities" when version41:
                    GmshSections.ReadEntities(reader, content);
                    break;
                case "$Nodes":
                    content.NodesLine = line.Number;
                    if (version41)
                    {
                        GmshNodesAndElements41.ReadNodes(reader, content);
                    }
                    else
                    {
                        GmshNodesAndElements22.ReadNodes(reader, content);
                    }

                    break;
                case "$Elements":
                    if (content.NodesLine == 0)
                    {
                        throw line.Error("found $Elements before $Nodes: expected $Nodes first");
                    }

                    content.ElementsLine = line.Number;
                    if (version41)
                    {
                        GmshNodesAndElements41.ReadElements(reader, content);
                    }
                    else
                    {
                        GmshNodesAndElements22.ReadElements(reader, content);
                    }

                    break;
                default:
                    if (!line.Text.StartsWith('$') || line.Text.StartsWith("$End", StringComparison.Ordinal))
                    {
                        throw line.Error($"expected a section marker such as $Nodes or $Elements, found '{(line.Text.Length > 60 ? line.Text[..57] + "..." : line.Text)}'");
                    }

                    GmshSections.Skip(reader, line);
                    break;
            }
        }

        if (content.ElementsLine == 0)
        {
            throw new MeshFormatException(file, reader.LinesRead + 1, $"unexpected end of file: no {(content.NodesLine == 0 ? "$Nodes or " : string.Empty)}$Elements section: expected $Elements before the end of the file");
        }

        return GmshMeshBuilder.Build(content, file);
    }
}
