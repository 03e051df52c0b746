namespace PdeFlows.Mesh;

/// <summary>A node as read: its tag, three coordinates and the line of its coordinates.</summary>
internal readonly record struct GmshNode(long Tag, double X, double Y, double Z, int Line);

/// <summary>An element as read: tag, type, the physical tags it belongs to, node tags and its line.</summary>
internal sealed record GmshElement(long Tag, int Type, int[] PhysicalTags, long[] NodeTags, int Line)
{
    /// <summary>Topological dimension (0 point … 3 tetrahedron).</summary>
    public int Dimension => GmshElementType.Dimension(Type);
}

/// <summary>Everything read from a .msh file before it becomes a mesh.</summary>
internal sealed class GmshFileContent
{
    /// <summary>"4.1" or "2.2".</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>Names of physical groups by (dimension, tag).</summary>
    public Dictionary<(int Dimension, int Tag), string> PhysicalNames { get; } = [];

    /// <summary>4.1 only: the physical tags of each entity (dimension, tag).</summary>
    public Dictionary<(int Dimension, int Tag), int[]> EntityPhysicalTags { get; } = [];

    /// <summary>Nodes in file order.</summary>
    public List<GmshNode> Nodes { get; } = [];

    /// <summary>Node index in <see cref="Nodes"/> by tag.</summary>
    public Dictionary<long, int> NodeIndexByTag { get; } = [];

    /// <summary>Elements in file order.</summary>
    public List<GmshElement> Elements { get; } = [];

    /// <summary>Line of the $Nodes marker (0 before it is met).</summary>
    public int NodesLine { get; set; }

    /// <summary>Line of the $Elements marker (0 before it is met).</summary>
    public int ElementsLine { get; set; }

    /// <summary>Adds a node, rejecting a repeated tag.</summary>
    public void AddNode(GmshNode node, GmshLine line)
    {
        if (NodeIndexByTag.TryGetValue(node.Tag, out int previous))
        {
            throw line.Error($"node tag {node.Tag} appears twice (first at line {Nodes[previous].Line}): expected distinct node tags");
        }

        NodeIndexByTag[node.Tag] = Nodes.Count;
        Nodes.Add(node);
    }

    /// <summary>Reads the node tags of an element from fields <paramref name="first"/> on, checking each exists.</summary>
    public long[] ElementNodes(GmshLine line, long elementTag, int type, int first)
    {
        int count = GmshElementType.NodeCount(type);
        if (first < 0 || line.Fields.Length - first != count)
        {
            throw line.Error($"element {elementTag} of type {type} needs {count} node tags, found {line.Fields.Length - first}");
        }

        var tags = new long[count];
        for (int a = 0; a < count; a++)
        {
            tags[a] = line.Tag(first + a, $"node tag {a + 1} of element {elementTag}");
            if (!NodeIndexByTag.ContainsKey(tags[a]))
            {
                throw line.Error($"element {elementTag} refers to node {tags[a]}, which is not in $Nodes");
            }
        }

        return tags;
    }
}
