using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.Quadrature;
using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Assembly;

/// <summary>
/// Per-thread scratch storage of the cell loops: basis gradients, Jacobian scratch, a physical
/// quadrature point, and the local matrix / vector. Allocated once per worker, never per cell.
/// </summary>
internal sealed class CellWorkspace
{
    public CellWorkspace(SimplexMesh mesh, QuadratureRule rule)
    {
        Mesh = mesh;
        Rule = rule;
        int d = mesh.Dimension;
        Gradients = new double[(d + 1) * d];
        Scratch = new double[2 * d * d];
        Point = new double[d];
        Local = new double[(d + 1) * (d + 1)];
    }

    public SimplexMesh Mesh { get; }

    public QuadratureRule Rule { get; }

    /// <summary>∇λ_k, (d+1) × d row-major, after <see cref="ComputeGradients"/>.</summary>
    public double[] Gradients { get; }

    public double[] Scratch { get; }

    /// <summary>A physical point (length d).</summary>
    public double[] Point { get; }

    /// <summary>The local matrix ((d+1)² row-major) or vector (first d + 1 entries).</summary>
    public double[] Local { get; }

    /// <summary>Fills <see cref="Gradients"/> and returns |det J|.</summary>
    public double ComputeGradients(int cell) => AffineSimplexMap.BarycentricGradients(Mesh, cell, Gradients, Scratch);

    /// <summary>|det J| without gradients.</summary>
    public double JacobianDeterminant(int cell)
    {
        int d = Mesh.Dimension;
        var j = Scratch.AsSpan(0, d * d);
        AffineSimplexMap.Jacobian(Mesh, cell, j);
        return Math.Abs(AffineSimplexMap.Determinant(j, d));
    }

    /// <summary>Maps quadrature point q of the rule into the cell, writing <see cref="Point"/>.</summary>
    public void MapQuadraturePoint(int cell, int q) => AffineSimplexMap.ToPhysical(Mesh, cell, Rule.BarycentricPoint(q), Point);
}
