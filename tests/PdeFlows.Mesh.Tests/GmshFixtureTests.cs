using PdeFlows.Mesh;

namespace PdeFlows.Mesh.Tests;

/// <summary>The checked-in .msh fixtures (written by gmsh 4.8.4 from the .geo files beside them): no gmsh needed.</summary>
public class GmshFixtureTests
{
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Theory]
    [InlineData("square41.msh", "4.1")]
    [InlineData("square22.msh", "2.2")]
    public void The_unit_square_reads_with_its_physical_groups(string file, string version)
    {
        var result = GmshReader.Read(Fixture(file));
        var mesh = result.Mesh;
        Assert.Equal(version, result.FormatVersion);
        Assert.Equal(2, mesh.Dimension);
        Assert.Equal(5, mesh.VertexCount);
        Assert.Equal(4, mesh.CellCount);
        Assert.Equal(1.0, mesh.TotalVolume(), 14);
        Assert.Equal(new GmshElementCounts(0, 4, 4, 0), result.ElementsRead);
        Assert.Equal(new GmshElementCounts(0, 0, 0, 0), result.ElementsIgnored);
        Assert.Equal(0, result.UnusedNodesRemoved);
        Assert.False(result.OrientationReversed);
        Assert.Equal([0, 1, 2, 3], mesh.CellGroups["square"]);
        Assert.Equal([0, 1], mesh.FacetGroups["bottom"]);
        Assert.Equal(3.0, MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["rest"]), 14);
        Assert.Equal([0.5, 0.5], mesh.Vertex(4).ToArray());
    }

    [Fact]
    public void Versions_4_1_and_2_2_of_the_same_mesh_read_identically()
    {
        var a = GmshReader.Read(Fixture("square41.msh")).Mesh;
        var b = GmshReader.Read(Fixture("square22.msh")).Mesh;
        Assert.Equal(a.Coordinates.ToArray(), b.Coordinates.ToArray());
        Assert.Equal(a.Cells.ToArray(), b.Cells.ToArray());
        Assert.Equal(a.FacetGroups.Keys, b.FacetGroups.Keys);
        Assert.All(a.FacetGroups, g => Assert.Equal(g.Value, b.FacetGroups[g.Key]));
    }

    [Fact]
    public void A_line_mesh_is_one_dimensional_with_physical_points_as_facet_groups()
    {
        var result = GmshReader.Read(Fixture("line41.msh"));
        var mesh = result.Mesh;
        Assert.Equal(1, mesh.Dimension);
        Assert.Equal(4, mesh.CellCount);
        Assert.Equal(1.0, mesh.TotalVolume(), 14);
        Assert.Equal([0], mesh.FacetGroups["left"]);
        Assert.Equal([1], mesh.FacetGroups["right"]);
        Assert.Equal(4, mesh.CellGroups["rod"].Length);
        Assert.Equal(new GmshElementCounts(2, 4, 0, 0), result.ElementsRead);
        Assert.Equal(0, result.ElementsIgnored.Total);
    }

    [Fact]
    public void A_cube_of_tetrahedra_has_unit_volume_and_its_faces_as_facet_groups()
    {
        var result = GmshReader.Read(Fixture("cube41.msh"));
        var mesh = result.Mesh;
        Assert.Equal(3, mesh.Dimension);
        Assert.Equal(14, mesh.VertexCount);
        Assert.Equal(24, mesh.CellCount);
        Assert.Equal(new GmshElementCounts(0, 0, 24, 24), result.ElementsRead);
        Assert.Equal(1.0, mesh.TotalVolume(), 14);
        Assert.Equal(1.0, MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["bottom"]), 14);
        Assert.Equal(5.0, MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["sides"]), 14);
        Assert.Equal(mesh.Boundary.Count, (mesh.FacetGroups["bottom"].Length + mesh.FacetGroups["sides"].Length) / 3);
        Assert.True(mesh.Quality().IsValid, mesh.Quality().ToString());
    }

    [Fact]
    public void Sparse_node_tags_unused_nodes_unnamed_groups_and_clockwise_cells_are_handled()
    {
        // Tags 10..40 and 99 (a node in no cell); both triangles clockwise; physical 7 has no name.
        string[] lines =
        [
            "$MeshFormat", "2.2 0 8", "$EndMeshFormat",
            "$Nodes", "5", "10 0 0 0", "99 9 9 0", "20 1 0 0", "30 1 1 0", "40 0 1 0", "$EndNodes",
            "$Elements", "4", "1 15 2 0 1 99", "2 1 2 5 1 10 20", "3 2 2 7 1 10 30 20", "4 2 2 7 1 10 40 30", "$EndElements",
        ];
        var result = GmshReader.Read(new StringReader(string.Join("\n", lines)), "sparse.msh");
        var mesh = result.Mesh;
        Assert.Equal(4, mesh.VertexCount);
        Assert.Equal(1, result.UnusedNodesRemoved);
        Assert.True(result.OrientationReversed);
        Assert.Equal([0.0, 0, 1, 0, 1, 1, 0, 1], mesh.Coordinates.ToArray());
        Assert.Equal(1.0, mesh.TotalVolume(), 15);
        Assert.Equal([0, 1], mesh.CellGroups["physical-7"]);
        Assert.Equal([0, 1], mesh.FacetGroups["physical-5"]);
        Assert.Equal(new GmshElementCounts(1, 0, 0, 0), result.ElementsIgnored);
    }
}
