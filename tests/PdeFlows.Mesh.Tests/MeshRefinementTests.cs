using PdeFlows.Mesh;

namespace PdeFlows.Mesh.Tests;

/// <summary>Uniform refinement: counts, volume, orientation, groups, numbering, shape.</summary>
public class MeshRefinementTests
{
    public static TheoryData<int> Dimensions => new() { 1, 2, 3 };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Two_levels_multiply_cells_by_two_to_the_d_and_keep_volume_and_orientation(int d)
    {
        var mesh = MeshGeneratorTests.UnitBoxMesh(d, 2);
        var current = mesh;
        for (int level = 1; level <= 2; level++)
        {
            var refined = current.Refined();
            Assert.Equal(current.CellCount << d, refined.CellCount);
            // 1e-12 relative: a sum of at most a few thousand positive terms, each exact to ~1e-16.
            Assert.Equal(1.0, refined.TotalVolume() / MeshGeneratorTests.DomainMeasure(d), 12);
            for (int c = 0; c < refined.CellCount; c++)
            {
                Assert.True(refined.CellVolume(c) > 0, $"level {level}, cell {c}: volume {refined.CellVolume(c)}");
            }

            current = refined;
        }

        // The generated boxes are anisotropic (steps 1.75 × 0.25 × 0.125 in 3D): their right triangles
        // and Kuhn orthoschemes have similar children, so no cell becomes obtuse.
        Assert.Equal(0, current.Quality().ObtuseCellCount);
        Assert.Equal(mesh.CellCount << (2 * d), mesh.Refined(2).CellCount);
        Assert.Equal(current.Coordinates.ToArray(), mesh.Refined(2).Coordinates.ToArray());
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Vertex_count_is_old_vertices_plus_edges_and_old_vertices_keep_their_indices(int d)
    {
        var mesh = MeshGeneratorTests.UnitBoxMesh(d, 2);
        var refined = mesh.Refined();
        var edges = new HashSet<(int, int)>();
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var cell = mesh.Cell(c).ToArray();
            for (int a = 0; a < cell.Length; a++)
            {
                for (int b = a + 1; b < cell.Length; b++)
                {
                    edges.Add((Math.Min(cell[a], cell[b]), Math.Max(cell[a], cell[b])));
                }
            }
        }

        Assert.Equal(mesh.VertexCount + edges.Count, refined.VertexCount);
        Assert.Equal(mesh.Coordinates.ToArray(), refined.Coordinates[..mesh.Coordinates.Length].ToArray());
        // Every new vertex is shared by all cells around its edge: the refined mesh is conforming,
        // so its boundary has exactly 2^(d-1) times as many facets as before.
        Assert.Equal(mesh.Boundary.Count << (d - 1), refined.Boundary.Count);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Groups_are_carried_with_unchanged_measure(int d)
    {
        var mesh = MeshGeneratorTests.UnitBoxMesh(d, 2);
        var refined = mesh.Refined(2);
        Assert.Equal(mesh.FacetGroups.Keys, refined.FacetGroups.Keys);
        foreach (var (name, facets) in mesh.FacetGroups)
        {
            double before = FacetMeasure(mesh, facets), after = FacetMeasure(refined, refined.FacetGroups[name]);
            Assert.Equal(facets.Length << (2 * (d - 1)), refined.FacetGroups[name].Length);
            Assert.Equal(1.0, after / before, 12);
        }

        int[] domain = refined.CellGroups[MeshGenerators.DomainGroup];
        Assert.Equal(refined.CellCount, domain.Length);
        Assert.Equal(1.0, domain.Sum(refined.CellVolume) / mesh.TotalVolume(), 12);
    }

    [Fact]
    public void A_subset_cell_group_passes_to_exactly_the_children()
    {
        var generated = MeshGenerators.Rectangle([0, 0], [1, 1], 2, 2);
        var mesh = new SimplexMesh(2, generated.Coordinates, generated.Cells, new Dictionary<string, int[]> { ["left"] = [0, 1, 4, 5] });
        var refined = mesh.Refined();
        Assert.Equal(Enumerable.Range(0, 4).Concat(Enumerable.Range(4, 4)).Concat(Enumerable.Range(16, 8)), refined.CellGroups["left"]);
        Assert.Equal(0.5, refined.CellGroups["left"].Sum(refined.CellVolume), 14);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Generated_meshes_stay_non_obtuse_with_the_same_angles(int d)
    {
        // Cubes, so that 2D red children and 3D Kuhn children are exactly similar to their parents.
        var mesh = MeshGenerators.Structured([.. Enumerable.Repeat(0.0, d)], [.. Enumerable.Repeat(1.0, d)], [.. Enumerable.Repeat(2, d)]);
        var before = mesh.Quality();
        var after = mesh.Refined(3).Quality();
        Assert.Equal(0, after.ObtuseCellCount);
        Assert.True(after.IsValid, after.ToString());
        if (d > 1)
        {
            // Right triangles: 45° and 90°; Kuhn tetrahedra: dihedral angles 45°, 60° and 90°.
            Assert.Equal(45.0, after.MinimumAngleDegrees, 9);
            Assert.Equal(90.0, after.MaximumAngleDegrees, 9);
            Assert.Equal(before.MinimumAngleDegrees, after.MinimumAngleDegrees, 9);
        }

        // Every child has volume (1/2^d) of its parent's: one size per level.
        double expected = before.MinimumCellVolume / Math.Pow(2, 3 * d);
        Assert.Equal(1.0, after.MinimumCellVolume / expected, 12);
        Assert.Equal(1.0, after.MaximumCellVolume / expected, 12);
    }

    [Fact]
    public void The_Kuhn_vertex_order_matters_the_other_diagonal_makes_obtuse_children()
    {
        // Store the odd-permutation Kuhn cells as (a, c, b, d) instead of (c, b, a, d): Bey's rule then
        // cuts the octahedron along mid(a,b)–mid(c,d), and the obtuse counter must fire.
        var box = MeshGenerators.Box([0, 0, 0], [1, 1, 1], 2, 2, 2);
        int[] cells = box.Cells.ToArray();
        for (int c = 0; c < box.CellCount; c++)
        {
            if (c % 6 is 1 or 2 or 5)
            {
                (cells[4 * c], cells[(4 * c) + 1], cells[(4 * c) + 2]) = (cells[(4 * c) + 2], cells[4 * c], cells[(4 * c) + 1]);
            }
        }

        var reordered = new SimplexMesh(3, box.Coordinates, cells);
        Assert.Equal(0, reordered.Quality().ObtuseCellCount);
        var report = reordered.Refined().Quality();
        Assert.Equal(96, report.ObtuseCellCount);
        Assert.Equal(135.0, report.MaximumAngleDegrees, 9);
        Assert.Equal(0, box.Refined().Quality().ObtuseCellCount);
    }

    [Fact]
    public void Bey_refinement_of_a_general_tetrahedron_keeps_at_most_three_similarity_classes()
    {
        // A generic tetrahedron: Bey (1995) proves at most 3 similarity classes at every level.
        var mesh = new SimplexMesh(3, [0, 0, 0, 1, 0.1, 0.2, 0.3, 1.2, 0.1, 0.2, 0.4, 0.9], [0, 1, 2, 3]);
        var refined = mesh.Refined(3);
        var classes = new HashSet<string>();
        Span<double> angles = stackalloc double[6];
        for (int c = 0; c < refined.CellCount; c++)
        {
            MeshQuality.Angles(3, refined.Coordinates, refined.Cell(c), angles);
            var sorted = angles.ToArray().Select(a => Math.Round(a, 6)).Order();
            classes.Add(string.Join(",", sorted));
        }

        Assert.Equal(512, refined.CellCount);
        Assert.InRange(classes.Count, 1, 3);
    }

    [Fact]
    public void Numbering_is_deterministic_midpoints_in_first_met_order()
    {
        var mesh = MeshGenerators.Interval(0, 1, 2);
        var refined = mesh.Refined();
        Assert.Equal([0.0, 0.5, 1.0, 0.25, 0.75], refined.Coordinates.ToArray());
        Assert.Equal([0, 3, 3, 1, 1, 4, 4, 2], refined.Cells.ToArray());
        var square = MeshGenerators.Rectangle([0, 0], [1, 1], 1, 1).Refined();
        // Cell (0,1,3): edges (0,1), (0,3), (1,3) → 4, 5, 6; cell (0,3,2): edges (0,3) known, (0,2) → 7, (3,2) → 8.
        Assert.Equal([0.5, 0, 0.5, 0.5, 1, 0.5, 0, 0.5, 0.5, 1], square.Coordinates[8..].ToArray());
    }

    [Fact]
    public void Zero_levels_returns_the_same_mesh_and_negative_levels_throw()
    {
        var mesh = MeshGenerators.Interval(0, 1, 2);
        Assert.Same(mesh, mesh.Refined(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => mesh.Refined(-1));
    }

    internal static double FacetMeasure(SimplexMesh mesh, int[] facets)
    {
        int d = mesh.Dimension;
        double sum = 0;
        for (int f = 0; f < facets.Length; f += d)
        {
            sum += d switch
            {
                1 => 1.0,
                2 => Distance(mesh.Vertex(facets[f]), mesh.Vertex(facets[f + 1])),
                _ => TriangleArea(mesh.Vertex(facets[f]), mesh.Vertex(facets[f + 1]), mesh.Vertex(facets[f + 2])),
            };
        }

        return sum;
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }

        return Math.Sqrt(s);
    }

    private static double TriangleArea(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c)
    {
        double u0 = b[0] - a[0], u1 = b[1] - a[1], u2 = b[2] - a[2];
        double v0 = c[0] - a[0], v1 = c[1] - a[1], v2 = c[2] - a[2];
        double x = (u1 * v2) - (u2 * v1), y = (u2 * v0) - (u0 * v2), z = (u0 * v1) - (u1 * v0);
        return 0.5 * Math.Sqrt((x * x) + (y * y) + (z * z));
    }
}
