using PdeFlows.Mesh;

namespace PdeFlows.Mesh.Tests;

/// <summary>Generated meshes: counts, volumes, orientation, boundary groups.</summary>
public class MeshGeneratorTests
{
    public static TheoryData<int> Dimensions => new() { 1, 2, 3 };

    internal static SimplexMesh UnitBoxMesh(int d, int n) => d switch
    {
        1 => MeshGenerators.Interval(-1.5, 2.0, n),
        2 => MeshGenerators.Rectangle([-1.5, 0.25], [2.0, 1.0], n, n + 1),
        _ => MeshGenerators.Box([-1.5, 0.25, 0.0], [2.0, 1.0, 0.5], n, n + 1, n + 2),
    };

    internal static double DomainMeasure(int d) => d switch { 1 => 3.5, 2 => 3.5 * 0.75, _ => 3.5 * 0.75 * 0.5 };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Cell_volumes_sum_to_the_domain_measure_and_are_positive(int d)
    {
        var mesh = UnitBoxMesh(d, 5);
        // Tolerance 1e-12 relative: a sum of a few hundred positive terms with round-off ~1e-16 each.
        Assert.Equal(1.0, mesh.TotalVolume() / DomainMeasure(d), 12);
        for (int c = 0; c < mesh.CellCount; c++)
        {
            Assert.True(mesh.CellVolume(c) > 0, $"cell {c} not positively oriented");
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Counts_follow_the_structured_pattern(int d)
    {
        var mesh = UnitBoxMesh(d, 4);
        int[] counts = d switch { 1 => [4], 2 => [4, 5], _ => [4, 5, 6] };
        int cellsPerBrick = d switch { 1 => 1, 2 => 2, _ => 6 };
        Assert.Equal(counts.Aggregate(1, (a, n) => a * (n + 1)), mesh.VertexCount);
        Assert.Equal(cellsPerBrick * counts.Aggregate(1, (a, n) => a * n), mesh.CellCount);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Side_groups_partition_the_boundary_facets(int d)
    {
        var mesh = UnitBoxMesh(d, 3);
        var boundary = new HashSet<string>();
        for (int f = 0; f < mesh.Boundary.Count; f++)
        {
            boundary.Add(string.Join(",", mesh.Boundary.Facet(f).ToArray()));
        }

        var grouped = new List<string>();
        foreach (var (_, facets) in mesh.FacetGroups)
        {
            for (int i = 0; i < facets.Length; i += d)
            {
                grouped.Add(string.Join(",", facets.AsSpan(i, d).ToArray()));
            }
        }

        Assert.Equal(2 * d, mesh.FacetGroups.Count);
        Assert.Equal(boundary.Count, grouped.Count);
        Assert.True(boundary.SetEquals(grouped), "side groups and computed boundary facets differ");
    }
}
