using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>
/// The weighted stiffness matrix A_ij = ∫ w ∇φ_i·∇φ_j of the P1 space (math.md §5): symmetric
/// positive semidefinite, A·1 = 0, an M-matrix on non-obtuse meshes when w ≥ 0. The weight is given
/// either as a function (evaluated at the points of a rule of degree <see cref="AssemblyOptions.QuadratureDegree"/>)
/// or as nodal values (P1-interpolated at the same points, which integrates the interpolant exactly).
/// </summary>
public static class WeightedStiffness
{
    /// <summary>The unweighted stiffness matrix ∫ ∇φ_i·∇φ_j.</summary>
    public static CsrMatrix Assemble(P1Space space, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var matrix = new CsrMatrix(space.Sparsity.Pattern);
        Run(space, new UnitWeight(), matrix, options ?? AssemblyOptions.Default);
        return matrix;
    }

    /// <summary>A_ij = ∫ w ∇φ_i·∇φ_j with w a function of x, evaluated at quadrature points.</summary>
    public static CsrMatrix Assemble(P1Space space, SpatialFunction weight, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var matrix = new CsrMatrix(space.Sparsity.Pattern);
        AssembleInto(space, weight, matrix, options);
        return matrix;
    }

    /// <summary>A_ij = ∫ w_h ∇φ_i·∇φ_j with w_h the P1 interpolant of nodal values.</summary>
    public static CsrMatrix Assemble(P1Space space, double[] nodalWeight, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var matrix = new CsrMatrix(space.Sparsity.Pattern);
        AssembleInto(space, nodalWeight, matrix, options);
        return matrix;
    }

    /// <summary>Overwrites <paramref name="target"/> (on the space's pattern) with the function-weighted stiffness.</summary>
    public static void AssembleInto(P1Space space, SpatialFunction weight, CsrMatrix target, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        Run(space, new FunctionWeight(weight), target, options ?? AssemblyOptions.Default);
    }

    /// <summary>Overwrites <paramref name="target"/> (on the space's pattern) with the nodally weighted stiffness.</summary>
    public static void AssembleInto(P1Space space, double[] nodalWeight, CsrMatrix target, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(nodalWeight);
        if (nodalWeight.Length != space.DofCount)
        {
            throw new ArgumentException($"nodal weight has {nodalWeight.Length} values, the space has {space.DofCount} nodes");
        }

        Run(space, new NodalWeight(space.Mesh, nodalWeight), target, options ?? AssemblyOptions.Default);
    }

    private static void Run<TWeight>(P1Space space, TWeight weight, CsrMatrix target, AssemblyOptions options)
        where TWeight : struct, ICellWeight
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(target);
        if (!ReferenceEquals(target.Pattern, space.Sparsity.Pattern))
        {
            throw new ArgumentException("target must be a matrix on the space's sparsity pattern");
        }

        var rule = SimplexQuadrature.Get(space.Dimension, options.QuadratureDegree);
        CellAssembler.AssembleMatrix(space.Sparsity, new WeightedStiffnessKernel<TWeight>(weight), rule, target.ValueArray, options);
    }
}
