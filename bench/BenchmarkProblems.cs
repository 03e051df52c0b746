using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows;
using PdeFlows.KernelApprox;
using PdeFlows.Mesh;

namespace PdeFlows.Bench;

/// <summary>The meshes and matrices shared by the benchmarks and the quick mode.</summary>
public static class BenchmarkProblems
{
    /// <summary>[0,1]² with n × n squares (2n² triangles).</summary>
    public static P1Space Square(int n) => new(MeshGenerators.Rectangle([0, 0], [1, 1], n, n));

    /// <summary>[0,1]³ with n³ bricks (6n³ tetrahedra).</summary>
    public static P1Space Cube(int n) => new(MeshGenerators.Box([0, 0, 0], [1, 1, 1], n, n, n));

    /// <summary>A smooth positive weight, like a target density π.</summary>
    public static double Weight(ReadOnlySpan<double> x)
    {
        double r2 = 0;
        foreach (double xk in x)
        {
            r2 += (xk - 0.5) * (xk - 0.5);
        }

        return Math.Exp(-4 * r2) + 0.1;
    }

    /// <summary>The transport matrix M + τ A (consistent mass plus weighted stiffness), τ = 1e-2.</summary>
    public static CsrMatrix TransportMatrix(P1Space space) =>
        CsrMatrix.LinearCombination(1, ConsistentMass.Assemble(space), 1e-2, WeightedStiffness.Assemble(space, Weight));

    /// <summary>N random points in [0, 6]² (seed 1) and random signed weights in [−½, ½): the kernel product problem.</summary>
    public static (PointSet Points, double[] Weights) KernelProductProblem(int count)
    {
        var random = new Random(1);
        var coordinates = new double[2 * count];
        for (int k = 0; k < coordinates.Length; k++)
        {
            coordinates[k] = 6.0 * random.NextDouble();
        }

        return (new PointSet(coordinates, 2), Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray());
    }

    /// <summary>The side×side grid of [−3, 3]² with trapezoid (tensor lumped) masses, a two-Gaussian target and a broad Gaussian density (the λ-FRk rate problem).</summary>
    public static (PointSet Nodes, NodalSetting Setting, double[] Density) KernelGrid(int side)
    {
        double h = 6.0 / (side - 1);
        int n = side * side;
        var coordinates = new double[2 * n];
        var mass = new double[n];
        var target = new double[n];
        var density = new double[n];
        for (int a = 0; a < side; a++)
        {
            for (int b = 0; b < side; b++)
            {
                int i = (a * side) + b;
                double x = -3 + (a * h), y = -3 + (b * h);
                coordinates[2 * i] = x;
                coordinates[(2 * i) + 1] = y;
                mass[i] = h * h * (a == 0 || a == side - 1 ? 0.5 : 1) * (b == 0 || b == side - 1 ? 0.5 : 1);
                target[i] = Math.Exp(-(((x - 1) * (x - 1)) + (y * y)) / 0.5) + Math.Exp(-(((x + 1) * (x + 1)) + (y * y)) / 0.5);
                density[i] = Math.Exp(-((x * x) + (y * y)) / 4.5);
            }
        }

        return (new PointSet(coordinates, 2), new NodalSetting(mass, target), density);
    }

    /// <summary>The points each moved by a deterministic pseudo-random offset of at most <paramref name="amplitude"/> per coordinate.</summary>
    public static PointSet Jittered(PointSet points, double amplitude, int seed)
    {
        var random = new Random(seed);
        double[] coordinates = points.Coordinates.ToArray();
        for (int k = 0; k < coordinates.Length; k++)
        {
            coordinates[k] += amplitude * ((2.0 * random.NextDouble()) - 1.0);
        }

        return new PointSet(coordinates, points.Dimension);
    }

    /// <summary>The repository root: the first folder upwards from the working directory (or, failing that, from the program) that holds PdeFlows.sln.</summary>
    public static string RepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PdeFlows.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("PdeFlows.sln not found above the working directory or the program; run the benchmarks from the repository.");
    }
}
