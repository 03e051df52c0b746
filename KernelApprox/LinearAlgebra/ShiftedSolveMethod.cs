namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>How (S + λI) x = b is solved.</summary>
public enum ShiftedSolveMethod
{
    /// <summary>Dense up to <see cref="ShiftedSolveOptions.DenseThreshold"/> unknowns, low-rank above (a request only; reports name the method used).</summary>
    Automatic,

    /// <summary>Dense matrix and Cholesky factorization.</summary>
    Dense,

    /// <summary>Pivoted partial Cholesky factor and the Woodbury identity.</summary>
    LowRank,
}
