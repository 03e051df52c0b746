using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>The consistent P1 mass matrix M_ij = ∫ φ_i φ_j (exact closed form per cell).</summary>
public static class ConsistentMass
{
    /// <summary>Assembles M on the space's pattern.</summary>
    public static CsrMatrix Assemble(P1Space space, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var matrix = new CsrMatrix(space.Sparsity.Pattern);
        CellAssembler.AssembleMatrix(space.Sparsity, new ConsistentMassKernel(), SimplexQuadrature.Get(space.Dimension, 1), matrix.ValueArray, options ?? AssemblyOptions.Default);
        return matrix;
    }
}
