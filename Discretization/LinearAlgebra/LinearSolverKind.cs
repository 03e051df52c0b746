namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>Which backend solves the symmetric positive definite systems.</summary>
public enum LinearSolverKind
{
    /// <summary>A direct solver (CHOLMOD when libcholmod loads, otherwise the managed sparse Cholesky) unless the symbolic analysis predicts so much fill that conjugate gradients are cheaper (see <see cref="LinearSolverFactory.ChooseAutomatically"/>).</summary>
    Auto,

    /// <summary>The managed sparse Cholesky (<see cref="SparseCholesky"/>), always available.</summary>
    Managed,

    /// <summary>SuiteSparse CHOLMOD through P/Invoke (libcholmod.so.3); an error if it does not load.</summary>
    Cholmod,

    /// <summary>Conjugate gradients preconditioned by incomplete Cholesky IC(0).</summary>
    Pcg,

    /// <summary>Conjugate gradients preconditioned by a smoothed-aggregation multigrid V-cycle (chosen by Auto for large 3D systems).</summary>
    PcgMultigrid,

    /// <summary>The banded LDLᵀ (<see cref="BandedCholesky"/>) in the matrix' own ordering; chosen by Auto when the band holds no more entries than the sparse factor (a P1 matrix on an interval numbered left to right).</summary>
    Banded,
}
