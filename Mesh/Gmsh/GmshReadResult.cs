namespace PdeFlows.Mesh;

/// <summary>A mesh read from a Gmsh .msh file, with what was read and what was left out.</summary>
/// <param name="Mesh">The mesh: cells are the elements of the highest dimension.</param>
/// <param name="File">The file name used in messages.</param>
/// <param name="FormatVersion">"4.1" or "2.2".</param>
/// <param name="NodesRead">Nodes in $Nodes.</param>
/// <param name="UnusedNodesRemoved">Nodes referenced by no cell (e.g. CAD points), removed before renumbering.</param>
/// <param name="ElementsRead">Elements in $Elements, by type.</param>
/// <param name="ElementsIgnored">Elements that became neither cells nor facets of a facet group, by type.</param>
/// <param name="OrientationReversed">True when every cell was negatively oriented in the file and two vertices of each were swapped.</param>
public sealed record GmshReadResult(
    SimplexMesh Mesh,
    string File,
    string FormatVersion,
    int NodesRead,
    int UnusedNodesRemoved,
    GmshElementCounts ElementsRead,
    GmshElementCounts ElementsIgnored,
    bool OrientationReversed);
