namespace PdeFlows.Mesh;

/// <summary>The $Nodes and $Elements sections of .msh 4.1: entity blocks with their own counts.</summary>
internal static class GmshNodesAndElements41
{
    /// <summary>Reads the body of $Nodes: header 'numEntityBlocks numNodes minTag maxTag', then per block its tags and its coordinates.</summary>
    public static void ReadNodes(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("the $Nodes header 'numEntityBlocks numNodes minNodeTag maxNodeTag'");
        header.ExpectFieldCount(4, "the $Nodes header 'numEntityBlocks numNodes minNodeTag maxNodeTag'");
        int blocks = header.Count(0, "the number of entity blocks");
        int announced = header.Count(1, "the number of nodes");
        int read = 0;
        for (int b = 0; b < blocks; b++)
        {
            var blockLine = reader.Next($"node block {b + 1} of {blocks}");
            blockLine.ExpectFieldCount(4, $"node block header {b + 1} of {blocks} 'entityDim entityTag parametric numNodesInBlock'");
            int entityDimension = blockLine.Int(0, "the entity dimension");
            bool parametric = blockLine.Int(2, "the parametric flag") != 0;
            int count = blockLine.Count(3, "the number of nodes in the block");
            var tags = new long[count];
            for (int i = 0; i < count; i++)
            {
                var line = reader.Next($"node tag {i + 1} of {count} in block {b + 1}");
                line.ExpectFieldCount(1, $"node tag {i + 1} of {count} in block {b + 1}");
                tags[i] = line.Tag(0, "a node tag");
            }

            int fields = 3 + (parametric ? entityDimension : 0);
            for (int i = 0; i < count; i++)
            {
                var line = reader.Next($"coordinates of node {tags[i]}");
                line.ExpectFieldCount(fields, $"the coordinates of node {tags[i]}");
                content.AddNode(new GmshNode(tags[i], line.Real(0, "x"), line.Real(1, "y"), line.Real(2, "z"), line.Number), line);
            }

            read += count;
        }

        var end = reader.Expect("$EndNodes", $"after {blocks} node blocks");
        if (read != announced)
        {
            throw header.Error($"the $Nodes header announces {announced} nodes but its {blocks} blocks hold {read} (counts disagree; $EndNodes at line {end.Number})");
        }
    }

    /// <summary>Reads the body of $Elements: header, then blocks 'entityDim entityTag elementType numElementsInBlock' and their elements.</summary>
    public static void ReadElements(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("the $Elements header 'numEntityBlocks numElements minElementTag maxElementTag'");
        header.ExpectFieldCount(4, "the $Elements header 'numEntityBlocks numElements minElementTag maxElementTag'");
        int blocks = header.Count(0, "the number of entity blocks");
        int announced = header.Count(1, "the number of elements");
        int read = 0;
        for (int b = 0; b < blocks; b++)
        {
            var blockLine = reader.Next($"element block {b + 1} of {blocks}");
            blockLine.ExpectFieldCount(4, $"element block header {b + 1} of {blocks} 'entityDim entityTag elementType numElementsInBlock'");
            int entityDimension = blockLine.Int(0, "the entity dimension");
            int entityTag = blockLine.Int(1, "the entity tag");
            int type = blockLine.Int(2, "the element type");
            int count = blockLine.Count(3, "the number of elements in the block");
            if (!GmshElementType.IsSupported(type))
            {
                throw blockLine.Error(GmshElementType.Unsupported(type));
            }

            if (GmshElementType.Dimension(type) != entityDimension)
            {
                throw blockLine.Error($"element type {type} has dimension {GmshElementType.Dimension(type)}, but the block's entity has dimension {entityDimension}");
            }

            int[] physical = content.EntityPhysicalTags.TryGetValue((entityDimension, entityTag), out var tags) ? tags : [];
            for (int i = 0; i < count; i++)
            {
                var line = reader.Next($"element {i + 1} of {count} in block {b + 1}");
                line.ExpectAtLeast(1, $"element {i + 1} of {count} in block {b + 1} 'tag node...'");
                long tag = line.Tag(0, "the element tag");
                content.Elements.Add(new GmshElement(tag, type, physical, content.ElementNodes(line, tag, type, 1), line.Number));
            }

            read += count;
        }

        var end = reader.Expect("$EndElements", $"after {blocks} element blocks");
        if (read != announced)
        {
            throw header.Error($"the $Elements header announces {announced} elements but its {blocks} blocks hold {read} (counts disagree; $EndElements at line {end.Number})");
        }
    }
}
