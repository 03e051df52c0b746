using PdeFlows.KernelApprox.LinearAlgebra;

namespace PdeFlows.KernelApprox.Projection;

/// <summary>
/// The RKHS projection r of a force ξ on weighted nodes (kernel.md §3a) and the scalars the
/// verification needs (kernel.md §2, §5).
/// </summary>
/// <param name="Response">r at the nodes: r = 𝖪 a (plain), or r = Q 𝖪 a (spherical).</param>
/// <param name="Coefficients">a = W^{½}(S + λI)⁻¹W^{½} ξ̂, ξ̂ = ξ (plain) or Qξ (spherical); aᵢ = 0 where wᵢ = 0.</param>
/// <param name="Regularization">λ.</param>
/// <param name="ForceWeightedMean">⟨ξ⟩_w = Σwξ/Σw subtracted by the spherical projection (0 for the plain one).</param>
/// <param name="ForceNormSquared">‖ξ̂‖²_w = Σ wᵢ ξ̂ᵢ².</param>
/// <param name="Dissipation">⟨ξ, r⟩_w = Σ wᵢ ξᵢ rᵢ (−dE/dt along λ-FRk).</param>
/// <param name="Deficit">λ⟨ξ̂, (K_μ+λ)⁻¹ξ̂⟩ in symmetric form: λ bᵀ(S+λI)⁻¹b with b = W^{½}ξ̂; ≥ 0.</param>
/// <param name="Solve">The report of the shifted solve (method, rank, iterations, relative residual).</param>
public sealed record RkhsProjectionResult(
    ReadOnlyMemory<double> Response,
    ReadOnlyMemory<double> Coefficients,
    double Regularization,
    double ForceWeightedMean,
    double ForceNormSquared,
    double Dissipation,
    double Deficit,
    ShiftedSolveReport Solve)
{
    /// <summary>R*_λ = ½⟨ξ, r⟩_w, the dual dissipation potential (kernel.md §2).</summary>
    public double DualDissipationPotential => 0.5 * Dissipation;

    /// <summary>
    /// |‖ξ̂‖²_w − deficit − ⟨ξ, r⟩_w|: zero in exact arithmetic (the exact dissipation identity
    /// of kernel.md §2); of the order of the solve's relative residual times ‖ξ̂‖²_w.
    /// </summary>
    public double DissipationIdentityDefect => Math.Abs(ForceNormSquared - Deficit - Dissipation);
}
