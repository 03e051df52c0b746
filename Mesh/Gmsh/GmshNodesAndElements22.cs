namespace PdeFlows.Mesh;

/// <summary>The $Nodes and $Elements sections of .msh 2.2: a count, then one line per node or element.</summary>
internal static class GmshNodesAndElements22
{
    /// <summary>Reads the body of $Nodes: a count, then lines 'tag x y z'.</summary>
    public static void ReadNodes(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("the number of nodes");
        header.ExpectFieldCount(1, "the number of nodes");
        int count = header.Count(0, "the number of nodes");
        for (int i = 0; i < count; i++)
        {
            var line = reader.Next($"node {i + 1} of {count}");
            line.ExpectFieldCount(4, $"node {i + 1} of {count} 'tag x y z'");
            content.AddNode(new GmshNode(line.Tag(0, "the node tag"), line.Real(1, "x"), line.Real(2, "y"), line.Real(3, "z"), line.Number), line);
        }

        ExpectEnd(reader, "$EndNodes", count, "nodes");
    }

    /// <summary>Reads the body of $Elements: a count, then lines 'tag type numTags tags... nodes...' (first tag physical, second elementary).</summary>
    public static void ReadElements(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("the number of elements");
        header.ExpectFieldCount(1, "the number of elements");
        int count = header.Count(0, "the number of elements");
        for (int i = 0; i < count; i++)
        {
            var line = reader.Next($"element {i + 1} of {count}");
            line.ExpectAtLeast(3, $"element {i + 1} of {count} 'tag type numTags tags... nodes...'");
            long tag = line.Tag(0, "the element tag");
            int type = line.Int(1, "the element type");
            if (!GmshElementType.IsSupported(type))
            {
                throw line.Error(GmshElementType.Unsupported(type));
            }

            int tagCount = line.Count(2, "the number of tags");
            if (tagCount > line.Fields.Length - 3)
            {
                throw line.Error($"element {tag} announces {tagCount} tags but the line holds {line.Fields.Length - 3} fields after the count");
            }

            int physical = tagCount > 0 ? line.Int(3, "the physical tag") : 0;
            content.Elements.Add(new GmshElement(tag, type, physical != 0 ? [Math.Abs(physical)] : [], content.ElementNodes(line, tag, type, 3 + tagCount), line.Number));
        }

        ExpectEnd(reader, "$EndElements", count, "elements");
    }

    private static void ExpectEnd(GmshLineReader reader, string marker, int count, string what)
    {
        var line = reader.Next(marker);
        if (line.Text != marker)
        {
            throw line.Error($"expected {marker} after {count} {what} (the header's count), found '{line.Text}': the count disagrees with the data");
        }
    }
}
