namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>A symmetric positive definite preconditioner: z = M⁻¹ r.</summary>
public interface IPreconditioner
{
    /// <summary>Writes z = M⁻¹ r.</summary>
    void Apply(ReadOnlySpan<double> residual, Span<double> result);
}
