using PdeFlows.Mesh;

namespace PdeFlows.IO.Tests;

/// <summary>Meshes, fields, series and provenance with awkward values (thirds, −0, subnormals, huge) for bit-exact round trips.</summary>
internal static class TestData
{
    public static SimplexMesh Mesh(int dimension) => dimension switch
    {
        1 => WithGroups(MeshGenerators.Interval(-3.0, 1.0 / 3.0, 7)),
        2 => WithGroups(MeshGenerators.Rectangle([-1.0 / 3.0, 0.1], [2.0, Math.PI], 4, 3)),
        _ => WithGroups(MeshGenerators.Box([0.0, -0.7, 1e-3], [1.0 / 7.0, 0.3, 2.0], 2, 2, 3)),
    };

    public static double[] Field(int vertexCount, int seed)
    {
        var random = new Random(seed);
        var values = new double[vertexCount];
        for (int i = 0; i < vertexCount; i++)
        {
            values[i] = (i % 5) switch
            {
                0 => random.NextDouble() / 3.0,
                1 => -0.0,
                2 => double.Epsilon * (i + 1),
                3 => 1e300 * random.NextDouble(),
                _ => -Math.Exp(-random.NextDouble() * 700),
            };
        }

        return values;
    }

    public static Dictionary<string, double[]> Fields(int vertexCount, int step) => new()
    {
        ["u"] = Field(vertexCount, (10 * step) + 1),
        ["g"] = Field(vertexCount, (10 * step) + 2),
        ["log_g"] = Field(vertexCount, (10 * step) + 3),
    };

    public static TimeSeries Series(double[] times, int dimension)
    {
        int k = times.Length;
        var energy = times.Select(t => Math.Exp(-t) / 3.0).ToArray();
        var mean = Enumerable.Range(0, k * dimension).Select(i => i / 7.0).ToArray();
        var covariance = Enumerable.Range(0, k * dimension * dimension).Select(i => Math.Sqrt(i)).ToArray();
        return new TimeSeries(times, new Dictionary<string, ShapedArray>
        {
            ["energy"] = ShapedArray.Vector(energy),
            ["mass"] = ShapedArray.Vector(times.Select(_ => 1.0 - 1e-16).ToArray()),
            ["mean"] = new ShapedArray(mean, k, dimension),
            ["covariance"] = new ShapedArray(covariance, k, dimension, dimension),
            ["edb_defect"] = ShapedArray.Vector(times.Select(t => t == 0 ? double.NaN : t * 1e-9).ToArray()),
        });
    }

    public static ResultProvenance Provenance(string caseText = "name = \"test\"\n[time]\nend = 1.0\n") =>
        ResultProvenance.ForCurrentProcess("test-case", caseText, "{\"flow\":{\"kind\":\"swfr\",\"alpha\":1.0}}", [42, -7, long.MaxValue], "managed");

    public static CheckpointState State(int vertexCount, int step) => new(
        new Dictionary<string, ShapedArray>
        {
            ["u"] = ShapedArray.Vector(Field(vertexCount, step)),
            ["history"] = new ShapedArray(Enumerable.Range(0, 6).Select(i => i / 3.0).ToArray(), 2, 3),
        },
        new Dictionary<string, double> { ["dt"] = 1e-3, ["energy"] = 1.0 / 3.0 },
        new Dictionary<string, long> { ["rng_state"] = long.MinValue + step, ["accepted"] = step },
        Series([0.0, 0.5], 1));

    private static SimplexMesh WithGroups(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        var cellGroups = new Dictionary<string, int[]> { ["left half"] = Enumerable.Range(0, mesh.CellCount / 2).ToArray() };
        var facetGroups = new Dictionary<string, int[]> { ["boundary"] = mesh.Boundary.Vertices[..(2 * d)].ToArray() };
        return new SimplexMesh(d, mesh.Coordinates, mesh.Cells, cellGroups, facetGroups);
    }
}
