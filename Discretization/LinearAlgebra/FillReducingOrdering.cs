namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>The ordering applied before a sparse Cholesky factorization.</summary>
public enum FillReducingOrdering
{
    /// <summary>Approximate minimum degree (<see cref="LinearAlgebra.ApproximateMinimumDegree"/>).</summary>
    ApproximateMinimumDegree,

    /// <summary>The natural order (no permutation); for tests and comparisons.</summary>
    Natural,
}
