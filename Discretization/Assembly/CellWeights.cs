using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Assembly;

/// <summary>A coefficient evaluated at a quadrature point of a cell (generic struct: inlined by the JIT).</summary>
internal interface ICellWeight
{
    double At(int cell, ReadOnlySpan<double> barycentric, ReadOnlySpan<double> x);
}

/// <summary>w ≡ 1.</summary>
internal readonly struct UnitWeight : ICellWeight
{
    public double At(int cell, ReadOnlySpan<double> barycentric, ReadOnlySpan<double> x) => 1.0;
}

/// <summary>w given as a function of x.</summary>
internal readonly struct FunctionWeight(SpatialFunction function) : ICellWeight
{
    public double At(int cell, ReadOnlySpan<double> barycentric, ReadOnlySpan<double> x) => function(x);
}

/// <summary>w given by nodal values, interpolated by P1: w(x) = Σ_k w_{v_k} λ_k(x).</summary>
internal readonly struct NodalWeight(SimplexMesh mesh, double[] nodal) : ICellWeight
{
    public double At(int cell, ReadOnlySpan<double> barycentric, ReadOnlySpan<double> x)
    {
        var vertices = mesh.Cell(cell);
        double sum = 0;
        for (int k = 0; k < vertices.Length; k++)
        {
            sum += barycentric[k] * nodal[vertices[k]];
        }

        return sum;
    }
}
