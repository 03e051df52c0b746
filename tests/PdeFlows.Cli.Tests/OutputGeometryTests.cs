using System.Globalization;
using System.Text.Json;
using PdeFlows.Mesh;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// Issue 13 item 2: a probe outside the domain (beyond 1e-12 of the domain's size) or a region box
/// with no overlap is refused with exit 2 naming the key and the item; a probe on the boundary
/// works — on a box and on the Gmsh disk, whose domain is the polygon of its cells.
/// </summary>
public sealed class OutputGeometryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pdeflows-geometry-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Point(params double[] x) => "[" + string.Join(", ", x.Select(Invariant)) + "]";

    private static string Case(string domain, string output) => $"""
        name = "geometry"
        {domain}
        [target]
        potential = "x^2 + 0.5*x"
        [initial]
        density = "exp(-(x-0.2)^2) + 0.5"
        [flow]
        kind = "swfr"
        [time]
        end = 0.1
        step = 0.05
        [output]
        times = [0, 0.1]
        {output}
        """;

    private const string Interval = """
        [domain]
        kind = "interval"
        lower = [-3.0]
        upper = [3.0]
        cells = [12]
        """;

    private const string Rectangle = """
        [domain]
        kind = "rectangle"
        lower = [-1.0, 0.0]
        upper = [1.0, 2.0]
        cells = [4, 4]
        """;

    private (int Code, string Error, JsonElement? Summary) Run(string name, string text)
    {
        string path = Path.Combine(folder, name + ".toml");
        File.WriteAllText(path, text);
        string summary = Path.Combine(folder, name + ".json");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(["run", path, "--summary", summary, "--quiet"], stdout, stderr);
        JsonElement? json = code == 0 ? JsonDocument.Parse(File.ReadAllText(summary)).RootElement.Clone() : null;
        return (code, stderr.ToString(), json);
    }

    private static double[] ProbeValuesAt(JsonElement summary, int output) =>
        summary.GetProperty("probes").GetProperty("values")[output].EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void Interval_probes_on_the_boundary_and_within_the_tolerance_work_and_one_beyond_is_refused()
    {
        // 6e-12 is the tolerance (1e-12 of the length 6): 3 + 3e-12 is outside by half of it.
        var (code, error, summary) = Run("interval-ok", Case(Interval, "probes = [[-3.0], [3.0], [3.000000000003], [0.5]]"));
        Assert.True(code == 0, error);
        double[] values = ProbeValuesAt(summary!.Value, 1);
        Assert.All(values, v => Assert.True(double.IsFinite(v) && v > 0, $"probe value {v}"));
        // The point just outside is evaluated at the boundary point x = 3 itself.
        Assert.Equal(values[1], values[2]);
        Assert.Equal([-3.0, 3.0, 3.000000000003, 0.5], summary.Value.GetProperty("probes").GetProperty("points").EnumerateArray().Select(p => p[0].GetDouble()));

        // 3 + 1e-10 is outside by 17 times the tolerance.
        (code, error, _) = Run("interval-outside", Case(Interval, "probes = [[0.0], [1.0], [3.0000000001]]"));
        Assert.True(code == 2, error);
        Assert.Contains("interval-outside.toml:", error);
        Assert.Contains("[output] probes: item 3: the point (3.0000000001) is outside the domain", error);
        Assert.DoesNotContain("internal error", error);
    }

    [Fact]
    public void Rectangle_corner_and_edge_probes_work_and_a_point_beyond_an_edge_is_refused()
    {
        var (code, error, summary) = Run("rectangle-ok", Case(Rectangle, "probes = [[1.0, 2.0], [-1.0, 0.7], [0.3, 0.0], [0.0, 1.0]]"));
        Assert.True(code == 0, error);
        Assert.All(ProbeValuesAt(summary!.Value, 1), v => Assert.True(double.IsFinite(v) && v > 0, $"probe value {v}"));

        (code, error, _) = Run("rectangle-outside", Case(Rectangle, "probes = [[0.0, 1.0], [0.0, 2.001]]"));
        Assert.True(code == 2, error);
        Assert.Contains("[output] probes: item 2: the point (0, 2.001) is outside the domain", error);
    }

    [Theory]
    [InlineData("far = { lower = [5.0, 5.0], upper = [6.0, 6.0] }", "far")]
    [InlineData("touching = { lower = [1.0, 0.0], upper = [2.0, 2.0] }", "touching")]
    public void A_region_without_overlap_is_refused_naming_it(string region, string name)
    {
        var (code, error, _) = Run("region-" + name, Case(Rectangle, $"regions = {{ inside = {{ lower = [-1.0, 0.0], upper = [0.0, 1.0] }}, {region} }}"));
        Assert.True(code == 2, error);
        Assert.Contains($"[output] regions.{name}: the box from", error);
        Assert.Contains("does not overlap the domain", error);
    }

    [Fact]
    public void A_region_partly_outside_counts_its_overlap()
    {
        // The box [0, 5] × [1, 5] meets the rectangle in [0, 1] × [1, 2]: area 1; with u ≡ const the
        // region's mass would be that constant; here it is just positive and below the total mass.
        var (code, error, summary) = Run("region-partial", Case(Rectangle, "regions = { partial = { lower = [0.0, 1.0], upper = [5.0, 5.0] } }"));
        Assert.True(code == 0, error);
        double mass = summary!.Value.GetProperty("regions").GetProperty("partial")[0].GetDouble();
        double total = summary.Value.GetProperty("mass")[0].GetDouble();
        Assert.InRange(mass, 1e-3, total);
    }

    [Fact]
    public void On_the_gmsh_disk_outside_means_outside_the_mesh_polygon()
    {
        string meshFile = Path.Combine(folder, "disk.msh");
        File.Copy(Path.Combine(RepositoryRoot(), "examples", "meshes", "disk.msh"), meshFile);
        SimplexMesh mesh = GmshReader.Read(meshFile).Mesh;
        // A boundary edge (a, b): its vertices lie on the unit circle, its midpoint m inside it.
        var edge = mesh.Boundary.Facet(0);
        double[] a = mesh.Vertex(edge[0]).ToArray(), b = mesh.Vertex(edge[1]).ToArray();
        double[] m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        double radius = Math.Sqrt((m[0] * m[0]) + (m[1] * m[1]));
        double[] outward = [m[0] / radius, m[1] / radius];
        Assert.True(radius < 1 - 1e-4, $"the midpoint of a chord lies inside the circle (|m| = {radius})");
        // On the true circle between a and b: inside the disk, outside the mesh by 1 − |m| ≈ h²/8.
        double[] onCircle = [outward[0], outward[1]];
        // Outside the chord by 1e-13 of the diameter 2: within the tolerance.
        double[] justOutside = [m[0] + (2e-13 * outward[0]), m[1] + (2e-13 * outward[1])];
        string domain = """
            [domain]
            kind = "gmsh"
            file = "disk.msh"
            """;

        var (code, error, summary) = Run("disk-ok", Case(domain, $"probes = [{Point(a)}, {Point(m)}, {Point(justOutside)}, [0.0, 0.0]]"));
        Assert.True(code == 0, error);
        double[] values = ProbeValuesAt(summary!.Value, 1);
        Assert.All(values, v => Assert.True(double.IsFinite(v) && v > 0, $"probe value {v}"));
        // The point just outside is evaluated at its nearest mesh point, m: equal up to round-off.
        Assert.True(Math.Abs(values[2] - values[1]) <= 1e-12 * values[1], $"{values[2]:R} vs {values[1]:R}");

        (code, error, _) = Run("disk-circle", Case(domain, $"probes = [[0.0, 0.0], {Point(onCircle)}]"));
        Assert.True(code == 2, error);
        Assert.Contains("[output] probes: item 2: the point", error);
        Assert.Contains("is outside the domain", error);
        Assert.Contains("in the mesh's cells", error);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdeFlows.sln not found above the test binaries.");
    }
}
