using PdeFlows.Discretization;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Problems;

/// <summary>
/// Checks the output points and boxes of a case against the mesh (issue 13): a probe must lie in
/// the domain — the mesh, which for a curved Gmsh domain is the polygon or polyhedron of its cells —
/// up to <see cref="RelativeTolerance"/> of the domain's size; a region box must overlap it with
/// positive volume. A probe on the boundary is in the domain; one within the tolerance outside it is
/// evaluated at its nearest point of the mesh boundary.
/// </summary>
internal static class OutputGeometry
{
    /// <summary>How far outside the mesh a probe may lie, relative to the domain's size (the largest extent of its bounding box): round-off of coordinates written in decimal.</summary>
    public const double RelativeTolerance = 1e-12;

    /// <summary>The points where the probes are evaluated: each probe itself, or its nearest boundary point when it lies outside the mesh within the tolerance.</summary>
    /// <param name="definition">The case (its probes and their location in the file).</param>
    /// <param name="space">The P1 space of the mesh.</param>
    /// <returns>One evaluation point per probe.</returns>
    /// <exception cref="CaseFileException">A probe lies outside the domain: <c>[output] probes: item K: ...</c>.</exception>
    public static double[][] ProbeEvaluationPoints(CaseDefinition definition, P1Space space)
    {
        var probes = definition.Output.Probes;
        var points = new double[probes.Length][];
        if (probes.IsEmpty)
        {
            return points;
        }

        SimplexMesh mesh = space.Mesh;
        double size = Size(mesh);
        Span<double> barycentric = stackalloc double[4];
        for (int k = 0; k < probes.Length; k++)
        {
            double[] probe = probes[k].ToArray();
            if (space.Locator.Locate(probe, barycentric) >= 0)
            {
                points[k] = probe;
                continue;
            }

            var (nearest, distance) = NearestBoundaryPoint(mesh, probe);
            if (!(distance <= RelativeTolerance * size))
            {
                throw definition.Locations.Error(CaseKeys.Output.Probes, $"item {k + 1}: the point {Exact(probe)} is outside the domain, {distance:G3} from the mesh (whose bounding box is {Box(mesh)}); probes must lie in the domain (for a curved Gmsh domain: in the mesh's cells)");
            }

            points[k] = nearest;
        }

        return points;
    }

    /// <summary>Rejects a region box that does not overlap the domain with positive volume.</summary>
    /// <param name="definition">The case.</param>
    /// <param name="regions">The regions' integrals on the mesh, in the order of the case.</param>
    /// <param name="mesh">The mesh.</param>
    /// <exception cref="CaseFileException">A region has no overlap with the domain: <c>[output] regions.NAME: ...</c>.</exception>
    public static void CheckRegions(CaseDefinition definition, IReadOnlyList<(string Name, RegionIntegral Region)> regions, SimplexMesh mesh)
    {
        if (regions.Count == 0)
        {
            return;
        }

        // ∫_box 1 over the mesh is the volume of box ∩ domain (exact: the integrand is P1).
        var ones = new double[mesh.VertexCount];
        Array.Fill(ones, 1.0);
        for (int j = 0; j < regions.Count; j++)
        {
            double overlap = regions[j].Region.Integrate(ones);
            if (!(overlap > 0))
            {
                var region = definition.Output.Regions[j];
                throw definition.Locations.Error(
                    $"{CaseKeys.Output.Regions.Path}.{regions[j].Name}",
                    $"the box from {FlowProblemBuilder.Format(region.Lower.AsSpan())} to {FlowProblemBuilder.Format(region.Upper.AsSpan())} does not overlap the domain (whose bounding box is {Box(mesh)}): its mass would be 0 at every time");
            }
        }
    }

    /// <summary>The domain's size: the largest extent of the mesh's bounding box.</summary>
    public static double Size(SimplexMesh mesh)
    {
        var (lower, upper) = mesh.BoundingBox();
        double size = 0;
        for (int k = 0; k < lower.Length; k++)
        {
            size = Math.Max(size, upper[k] - lower[k]);
        }

        return size;
    }

    /// <summary>The point of the mesh boundary nearest to <paramref name="point"/> and its distance (exhaustive over the boundary facets: done once per probe).</summary>
    private static (double[] Point, double Distance) NearestBoundaryPoint(SimplexMesh mesh, double[] point)
    {
        BoundaryFacets boundary = mesh.Boundary;
        int d = mesh.Dimension;
        var corners = new double[boundary.VerticesPerFacet][];
        var candidate = new double[d];
        double[] best = new double[d];
        double bestDistance = double.PositiveInfinity;
        for (int f = 0; f < boundary.Count; f++)
        {
            ReadOnlySpan<int> facet = boundary.Facet(f);
            for (int v = 0; v < facet.Length; v++)
            {
                corners[v] = mesh.Vertex(facet[v]).ToArray();
            }

            double distance = ClosestPoint.OnSimplex(point, corners, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                candidate.CopyTo(best, 0);
            }
        }

        return (best, bestDistance);
    }

    /// <summary>A point with every digit (a probe just outside must not print as the boundary value).</summary>
    private static string Exact(double[] x) =>
        "(" + string.Join(", ", x.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    private static string Box(SimplexMesh mesh)
    {
        var (lower, upper) = mesh.BoundingBox();
        return $"{FlowProblemBuilder.Format(lower)} to {FlowProblemBuilder.Format(upper)}";
    }
}
