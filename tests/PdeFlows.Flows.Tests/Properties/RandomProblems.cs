using CsCheck;
using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;

namespace PdeFlows.Flows.Tests.Properties;

/// <summary>A random problem: a mesh, a smooth positive target (function and normalized nodal values) and a positive initial density.</summary>
/// <param name="Mesh">The mesh.</param>
/// <param name="Target">π(x) (normalized by the lumped rule together with the nodal values).</param>
/// <param name="Setting">Lumped masses and nodal π.</param>
/// <param name="Initial">u₀ &gt; 0 at every node.</param>
/// <param name="Description">What was drawn, for failure messages.</param>
/// <param name="Moved">How far the interior vertices were moved, in units of h (0: the structured mesh).</param>
internal sealed record RandomProblem(SimplexMesh Mesh, SpatialFunction Target, NodalSetting Setting, double[] Initial, string Description, double Moved)
{
    public P1Space Space { get; } = new(Mesh);

    public override string ToString() => Description;
}

/// <summary>
/// CsCheck generators of random meshes and problems for the property tests: boxes in 1, 2 and 3
/// dimensions with random corners and cell counts, 0 or 1 uniform refinement, and vertices moved at
/// random by up to 30% of h — halved until the P1 stiffness keeps the M-matrix sign pattern
/// (non-positive off-diagonals), which the positivity and energy theorems need (math.md §5).
/// Densities: exp of a random field of amplitude up to 4 (values spread over e^{±4}).
/// </summary>
internal static class RandomProblems
{
    /// <summary>A random mesh that keeps the M-matrix sign pattern.</summary>
    public static Gen<(SimplexMesh Mesh, double Moved)> Mesh { get; } =
        from dimension in Gen.Int[1, 3]
        from cellsPerAxis in Gen.Int[1, dimension == 1 ? 24 : dimension == 2 ? 6 : 2].Array[dimension]
        from lower in Gen.Double[-2, 0].Array[dimension]
        from extent in Gen.Double[0.5, 3].Array[dimension]
        from refine in Gen.Int[0, dimension == 3 ? 0 : 1]
        from amplitude in Gen.Double[0, 0.3]
        from seed in Gen.Int[0, 1_000_000]
        select Build(dimension, cellsPerAxis, lower, extent, refine, amplitude, seed);

    /// <summary>A random problem on a random M-matrix mesh.</summary>
    public static Gen<RandomProblem> Problem { get; } =
        from mesh in Mesh
        from center in Gen.Double[-1, 1].Array[3]
        from width in Gen.Double[0.2, 2]
        from wave in Gen.Double[0, 1.5]
        from amplitude in Gen.Double[0, 4]
        from seed in Gen.Int[0, 1_000_000]
        select Build(mesh, center, width, wave, amplitude, seed);

    private static (SimplexMesh Mesh, double Moved) Build(int dimension, int[] cells, double[] lower, double[] extent, int refine, double amplitude, int seed)
    {
        double[] upper = lower.Zip(extent, (l, e) => l + e).ToArray();
        SimplexMesh mesh = MeshGenerators.Structured(lower, upper, cells);
        if (refine > 0)
        {
            mesh = mesh.Refined(refine);
        }

        // Move every vertex off the boundary by up to `amplitude` h at random; halve the move until
        // the stiffness is an M-matrix (right angles of the structured meshes turn obtuse easily).
        double h = Enumerable.Range(0, dimension).Min(k => extent[k] / cells[k]) / (1 << refine);
        var random = new Random(seed);
        double[] shift = new double[mesh.Coordinates.Length];
        var boundary = new HashSet<int>(mesh.Boundary.Vertices.ToArray());
        for (int v = 0; v < mesh.VertexCount; v++)
        {
            for (int k = 0; k < dimension && !boundary.Contains(v); k++)
            {
                shift[(v * dimension) + k] = ((2 * random.NextDouble()) - 1) * h;
            }
        }

        for (double scale = amplitude; scale > 1e-3; scale /= 2)
        {
            double[] moved = mesh.Coordinates.ToArray();
            for (int i = 0; i < moved.Length; i++)
            {
                moved[i] += scale * shift[i];
            }

            var candidate = new SimplexMesh(dimension, moved, mesh.Cells);
            if (candidate.Quality() is { InvertedCellCount: 0, DegenerateCellCount: 0, InvalidCellCount: 0 } && MMatrixCheck.Check(WeightedStiffness.Assemble(new P1Space(candidate))).HasMMatrixSignPattern)
            {
                return (candidate, scale);
            }
        }

        return (mesh, 0);
    }

    private static RandomProblem Build((SimplexMesh Mesh, double Moved) moved, double[] center, double width, double wave, double amplitude, int seed)
    {
        var mesh = moved.Mesh;
        int d = mesh.Dimension;
        // π ∝ exp(−|x − c|²/w − wave·sin(2x₁)): smooth, positive, anisotropic.
        double Unnormalized(ReadOnlySpan<double> x)
        {
            double r2 = 0;
            for (int k = 0; k < d; k++)
            {
                r2 += (x[k] - center[k]) * (x[k] - center[k]);
            }

            return Math.Exp((-r2 / width) - (wave * Math.Sin(2 * x[0])));
        }

        var space = new P1Space(mesh);
        double[] mass = LumpedMass.Compute(space);
        double[] pi = Enumerable.Range(0, mesh.VertexCount).Select(v => Unnormalized(mesh.Vertex(v))).ToArray();
        double z = pi.Select((p, i) => p * mass[i]).Sum();
        var random = new Random(seed);
        // A random positive density: exp of a random nodal field, values in e^{±amplitude}.
        double[] initial = Enumerable.Range(0, mesh.VertexCount).Select(_ => Math.Exp(amplitude * ((2 * random.NextDouble()) - 1))).ToArray();
        string description = $"d = {d}, {mesh.VertexCount} vertices, {mesh.CellCount} cells, interior vertices moved by up to {moved.Moved:G2} h; π ∝ exp(−|x − ({string.Join(", ", center.Take(d).Select(c => c.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))})|²/{width:G3} − {wave:G3} sin 2x); u₀ = exp(±{amplitude:G3}·U), seed {seed}";
        return new RandomProblem(mesh, x => Unnormalized(x) / z, new NodalSetting(mass, pi.Select(p => p / z).ToArray()), initial, description, moved.Moved);
    }
}
