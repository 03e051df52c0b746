using PdeFlows.Mesh;

namespace PdeFlows.Mesh.Tests;

/// <summary>Quality report: hand-computed angles and volumes, and each counter seen to fire.</summary>
public class MeshQualityTests
{
    [Fact]
    public void Equilateral_and_right_triangles_have_their_textbook_angles()
    {
        double h = Math.Sqrt(3) / 2;
        var report = MeshQuality.Analyze(2, [0, 0, 1, 0, 0.5, h, 2, 0, 2, 1], [0, 1, 2, 1, 3, 4]);
        // Equilateral: 60° thrice; right isosceles (1,0),(2,0),(2,1): 45°, 45°, 90°.
        Assert.Equal(45.0, report.MinimumAngleDegrees, 10);
        Assert.Equal(90.0, report.MaximumAngleDegrees, 10);
        Assert.Equal(0, report.ObtuseCellCount);
        Assert.Equal(h / 2, report.MinimumCellVolume, 14);
        Assert.Equal(0.5, report.MaximumCellVolume, 14);
    }

    [Fact]
    public void An_obtuse_triangle_and_an_obtuse_tetrahedron_are_counted()
    {
        var triangle = MeshQuality.Analyze(2, [0, 0, 1, 0, 0.5, 0.1], [0, 1, 2]);
        Assert.Equal(1, triangle.ObtuseCellCount);
        // Apex angle 2·atan(0.5/0.1) = 157.38°.
        Assert.Equal(2 * Math.Atan(5) * 180 / Math.PI, triangle.MaximumAngleDegrees, 10);

        // Regular tetrahedron: all dihedral angles arccos(1/3) = 70.53°.
        double[] regular = [1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1];
        var report = MeshQuality.Analyze(3, regular, [0, 2, 1, 3]);
        Assert.Equal(Math.Acos(1.0 / 3) * 180 / Math.PI, report.MinimumAngleDegrees, 10);
        Assert.Equal(Math.Acos(1.0 / 3) * 180 / Math.PI, report.MaximumAngleDegrees, 10);
        Assert.Equal(0, report.ObtuseCellCount);
        Assert.Equal(8.0 / 3, report.MaximumCellVolume, 12);

        // A flat tetrahedron: apex just above the centre of the base triangle → dihedral angles near 180°.
        var flat = MeshQuality.Analyze(3, [0, 0, 0, 1, 0, 0, 0, 1, 0, 0.3, 0.3, 0.01], [0, 1, 2, 3]);
        Assert.Equal(1, flat.ObtuseCellCount);
        Assert.True(flat.MaximumAngleDegrees > 170, flat.ToString());
    }

    [Fact]
    public void Inverted_degenerate_invalid_duplicate_and_unused_are_each_counted()
    {
        // Vertices: 0..3 a unit square, 4 duplicates 1 (within 1e-12 of the diagonal), 5 unused, 6 on the line 0–1.
        double[] x = [0, 0, 1, 0, 1, 1, 0, 1, 1 + 1e-13, 0, 5, 5, 0.5, 0];
        int[] cells =
        [
            0, 1, 2, // fine
            0, 3, 2, // inverted (clockwise)
            0, 1, 6, // degenerate: 6 lies on edge 0–1
            0, 9, 2, // invalid: vertex 9 does not exist
            0, 0, 2, // invalid: repeated vertex
            2, 3, 4, // uses the duplicate
        ];
        var report = MeshQuality.Analyze(2, x, cells);
        Assert.Equal(1, report.InvertedCellCount);
        Assert.Equal(1, report.DegenerateCellCount);
        Assert.Equal(2, report.InvalidCellCount);
        Assert.Equal(1, report.DuplicateVertexCount);
        Assert.Equal(1, report.UnusedVertexCount);
        Assert.False(report.IsValid);
        Assert.Equal(-0.5, report.MinimumCellVolume, 14);
        Assert.Contains("inverted cells: 1, degenerate cells: 1, invalid cells: 2", report.ToString());
        Assert.Contains("duplicate vertices: 1, unused vertices: 1", report.ToString());
        Assert.Contains("NOT valid", report.ToString());
    }

    [Fact]
    public void Duplicate_search_uses_the_relative_tolerance_on_many_vertices()
    {
        // 50 000 vertices on a jittered 1000 × 50 grid, 1000 of them copied with an offset of 1e-12
        // (the tolerance is 1e-10 × the diagonal ≈ 1e-7); 1.3e9 pairs for an O(n²) search, a few
        // hundred thousand hash look-ups for the grid hash.
        var random = new Random(20261129);
        int n = 50_000, copies = 1000;
        var x = new double[2 * (n + copies)];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = (i % 1000) + (0.25 * random.NextDouble());
            x[(2 * i) + 1] = (i / 1000) + (0.25 * random.NextDouble());
        }

        for (int j = 0; j < copies; j++)
        {
            int source = random.Next(n / copies) + (j * (n / copies));
            x[2 * (n + j)] = x[2 * source] + 1e-12;
            x[(2 * (n + j)) + 1] = x[(2 * source) + 1];
        }

        var report = MeshQuality.Analyze(2, x, []);
        Assert.Equal(copies, report.DuplicateVertexCount);
        Assert.Equal(n + copies, report.UnusedVertexCount);
        var strict = MeshQuality.Analyze(2, x, [], new MeshQualityTolerances(DuplicateRelativeDistance: 1e-17));
        Assert.Equal(0, strict.DuplicateVertexCount);
    }

    [Fact]
    public void The_obtuse_check_can_fail_on_a_mesh_built_to_fail_it()
    {
        // The checker used by the refinement tests: a right triangle passes, one pushed 1e-4 past 90° fails.
        var right = MeshQuality.Analyze(2, [0, 0, 1, 0, 0, 1], [0, 1, 2]);
        var pushed = MeshQuality.Analyze(2, [0, 0, 1, 0, -1e-4, 1], [0, 1, 2]);
        Assert.Equal(0, right.ObtuseCellCount);
        Assert.Equal(1, pushed.ObtuseCellCount);
    }

    [Fact]
    public void One_dimensional_meshes_have_no_angles_and_no_obtuse_cells()
    {
        var report = MeshGenerators.Interval(0, 2, 4).Quality();
        Assert.Equal(0, report.ObtuseCellCount);
        Assert.True(double.IsNaN(report.MinimumAngleDegrees));
        Assert.Equal(0.5, report.MinimumCellVolume, 15);
        Assert.True(report.IsValid);
        Assert.DoesNotContain("angles", report.ToString());
    }
}
