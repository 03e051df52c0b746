using PdeFlows.Tests.Shared;
using PdeFlows.Mesh;
using Xunit.Abstractions;

namespace PdeFlows.Mesh.Tests;

/// <summary>Meshes made by the real gmsh from small .geo scripts, read back and checked against gmsh's own counts and geometry.</summary>
public class GmshProgramTests(ITestOutputHelper output)
{
    private const double Radius = 1.5;

    private static readonly string DiskGeo = $$"""
        r = {{Radius}};
        lc = 0.3;
        Point(1) = {0, 0, 0, lc};
        Point(2) = {r, 0, 0, lc};
        Point(3) = {0, r, 0, lc};
        Point(4) = {-r, 0, 0, lc};
        Point(5) = {0, -r, 0, lc};
        Circle(1) = {2, 1, 3};
        Circle(2) = {3, 1, 4};
        Circle(3) = {4, 1, 5};
        Circle(4) = {5, 1, 2};
        Curve Loop(1) = {1, 2, 3, 4};
        Plane Surface(1) = {1};
        Physical Curve("circle") = {1, 2, 3, 4};
        Physical Surface("disk") = {1};
        """;

    private const string BoxGeo = """
        SetFactory("OpenCASCADE");
        Box(1) = {0, 0, 0, 2, 1, 1};
        MeshSize{:} = 0.4;
        Physical Surface("xmin") = {1};
        Physical Surface("others") = {2, 3, 4, 5, 6};
        Physical Volume("box") = {1};
        """;

    // One gmsh run shared by the tests that read the 4.1 disk (gmsh starts slowly on a loaded machine).
    private static readonly Lazy<(GmshReadResult Result, MshHeaderCounts Counts)> Disk41 = new(() => GmshProgram.MeshAndRead("disk", DiskGeo, 2, "msh41"));

    [SkippableTheory]
    [InlineData("msh41")]
    [InlineData("msh22")]
    public void A_gmsh_disk_has_gmsh_counts_and_the_area_of_its_inscribed_polygon(string format)
    {
        NativeTool.Require(GmshProgram.IsInstalled, GmshProgram.SkipMessage);
        var (result, counts) = format == "msh41" ? Disk41.Value : GmshProgram.MeshAndRead("disk", DiskGeo, 2, format);
        var mesh = result.Mesh;
        output.WriteLine($"gmsh {GmshProgram.Version} {format}: header {counts.Nodes} nodes, {counts.Elements} elements; mesh {mesh}; unused nodes removed {result.UnusedNodesRemoved}");

        Assert.Equal(format == "msh41" ? "4.1" : "2.2", result.FormatVersion);
        Assert.Equal(counts.Nodes, result.NodesRead);
        Assert.Equal(counts.Nodes, mesh.VertexCount + result.UnusedNodesRemoved);
        Assert.Equal(counts.Elements, result.ElementsRead.Total);
        Assert.Equal(counts.OfType(2), mesh.CellCount);
        Assert.Equal(counts.OfType(1), result.ElementsRead.Lines);
        Assert.Equal(mesh.CellCount, mesh.CellGroups["disk"].Length);

        // Boundary: N edges, every boundary vertex on the circle (gmsh prints 16 digits).
        var boundary = mesh.Boundary;
        int n = boundary.Count;
        Assert.Equal(counts.OfType(1), n);
        Assert.Equal(2 * n, mesh.FacetGroups["circle"].Length);
        double polygonArea = 0;
        for (int f = 0; f < n; f++)
        {
            var edge = boundary.Facet(f);
            var a = mesh.Vertex(edge[0]);
            var b = mesh.Vertex(edge[1]);
            Assert.Equal(Radius, Math.Sqrt((a[0] * a[0]) + (a[1] * a[1])), 12);
            double chord = Math.Sqrt(((a[0] - b[0]) * (a[0] - b[0])) + ((a[1] - b[1]) * (a[1] - b[1])));
            polygonArea += 0.5 * Radius * Radius * Math.Sin(2 * Math.Asin(chord / (2 * Radius)));
        }

        // The triangles tile the inscribed polygon: area Σ (r²/2) sin θ_i over the central angles θ_i.
        double area = mesh.TotalVolume();
        Assert.Equal(1.0, area / polygonArea, 12);
        // sin is concave, so for N edges Σ sin θ_i ≤ N sin(2π/N): the deficit πr² − area is at least
        // that of the regular N-gon, D_N = πr² − (N/2) r² sin(2π/N) ≈ 2π³r²/(3N²); gmsh spaces boundary
        // nodes nearly uniformly, so it is also at most 1.01 D_N (gmsh 4.8.4 splits each quarter arc
        // into 8 equal chords: N = 32 and the observed ratio is 1.000000).
        double circle = Math.PI * Radius * Radius;
        double regularDeficit = circle - (0.5 * n * Radius * Radius * Math.Sin(2 * Math.PI / n));
        double deficit = circle - area;
        output.WriteLine($"N = {n} boundary edges; deficit {deficit:G6}, regular-polygon deficit {regularDeficit:G6}, ratio {deficit / regularDeficit:F6}");
        Assert.InRange(deficit, regularDeficit - 1e-12, 1.01 * regularDeficit);
        Assert.True(mesh.Quality().IsValid, mesh.Quality().ToString());
    }

    [SkippableFact]
    public void A_gmsh_disk_refined_once_keeps_its_physical_groups()
    {
        NativeTool.Require(GmshProgram.IsInstalled, GmshProgram.SkipMessage);
        var mesh = Disk41.Value.Result.Mesh;
        var refined = mesh.Refined();
        Assert.Equal(4 * mesh.CellCount, refined.CellCount);
        Assert.Equal(Enumerable.Range(0, refined.CellCount), refined.CellGroups["disk"]);
        Assert.Equal(2 * mesh.FacetGroups["circle"].Length, refined.FacetGroups["circle"].Length);
        Assert.Equal(1.0, MeshRefinementTests.FacetMeasure(refined, refined.FacetGroups["circle"]) / MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["circle"]), 12);
        Assert.Equal(1.0, refined.TotalVolume() / mesh.TotalVolume(), 12);
        Assert.Equal(2 * mesh.Boundary.Count, refined.Boundary.Count);
    }

    [SkippableFact]
    public void A_gmsh_box_of_tetrahedra_has_gmsh_counts_and_exact_volume_and_refines()
    {
        NativeTool.Require(GmshProgram.IsInstalled, GmshProgram.SkipMessage);
        var (result, counts) = GmshProgram.MeshAndRead("box", BoxGeo, 3, "msh41");
        var mesh = result.Mesh;
        var quality = mesh.Quality();
        output.WriteLine($"gmsh box: header {counts.Nodes} nodes, {counts.Elements} elements; mesh {mesh}\n{quality}");

        Assert.Equal(counts.Nodes, mesh.VertexCount + result.UnusedNodesRemoved);
        Assert.Equal(counts.OfType(4), mesh.CellCount);
        Assert.Equal(counts.OfType(2), result.ElementsRead.Triangles);
        Assert.Equal(counts.Elements, result.ElementsRead.Total);
        // Flat faces: the tetrahedra fill the box exactly (up to round-off in the coordinates).
        Assert.Equal(2.0, mesh.TotalVolume(), 12);
        Assert.Equal(1.0, MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["xmin"]), 12);
        Assert.Equal(9.0, MeshRefinementTests.FacetMeasure(mesh, mesh.FacetGroups["others"]), 12);
        Assert.True(quality.IsValid, quality.ToString());

        var refined = mesh.Refined();
        Assert.Equal(8 * mesh.CellCount, refined.CellCount);
        Assert.Equal(1.0, refined.TotalVolume() / 2.0, 12);
        Assert.Equal(9.0, MeshRefinementTests.FacetMeasure(refined, refined.FacetGroups["others"]), 12);
        Assert.True(refined.Quality().IsValid);
    }
}
