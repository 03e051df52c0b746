using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
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
}
