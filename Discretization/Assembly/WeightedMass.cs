using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>The weighted (consistent) mass matrix M^w_ij = ∫ w φ_i φ_j, by quadrature of degree QuadratureDegree + 2.</summary>
public static class WeightedMass
{
    /// <summary>M^w with w a function of x.</summary>
    public static CsrMatrix Assemble(P1Space space, SpatialFunction weight, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return Run(space, new FunctionWeight(weight), options ?? AssemblyOptions.Default);
    }

    /// <summary>M^w with w the P1 interpolant of nodal values (integrated exactly: the rule has degree ≥ 3).</summary>
    public static CsrMatrix Assemble(P1Space space, double[] nodalWeight, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(nodalWeight);
        if (nodalWeight.Length != space.DofCount)
        {
            throw new ArgumentException($"nodal weight has {nodalWeight.Length} values, the space has {space.DofCount} nodes");
        }

        return Run(space, new NodalWeight(space.Mesh, nodalWeight), options ?? AssemblyOptions.Default);
    }

    private static CsrMatrix Run<TWeight>(P1Space space, TWeight weight, AssemblyOptions options)
        where TWeight : struct, ICellWeight
    {
        ArgumentNullException.ThrowIfNull(space);
        var matrix = new CsrMatrix(space.Sparsity.Pattern);
        // λ_a λ_b is quadratic: the rule integrates w of degree QuadratureDegree times it exactly.
        var rule = SimplexQuadrature.Get(space.Dimension, options.QuadratureDegree + 2);
        CellAssembler.AssembleMatrix(space.Sparsity, new WeightedMassKernel<TWeight>(weight), rule, matrix.ValueArray, options);
        return matrix;
    }
}
