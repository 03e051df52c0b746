using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>The lumped mass m_i = ∫ φ_i = Σ_{T ∋ i} |T| / (d+1) (the row sums of the consistent mass).</summary>
public static class LumpedMass
{
    /// <summary>Computes m (length = number of nodes); Σ m_i is the measure of the domain.</summary>
    public static double[] Compute(P1Space space, AssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var m = new double[space.DofCount];
        CellAssembler.AssembleVector(space.Sparsity, new LumpedMassKernel(), SimplexQuadrature.Get(space.Dimension, 1), m, options ?? AssemblyOptions.Default);
        return m;
    }
}
