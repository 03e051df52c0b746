namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The path quantities of the Γ-convergence study at one sample time along a λ-FRk run μ_λ
/// (kernel.md §5; definitions in <see cref="GammaPathSampler"/>).
/// </summary>
/// <param name="Time">The sample time.</param>
/// <param name="L1">‖u_λ − u‖_{L¹} against the exact flow on the same nodes.</param>
/// <param name="Hellinger">The Hellinger distance.</param>
/// <param name="MaximumMeanDiscrepancy">MMD (Gaussian metric kernel).</param>
/// <param name="KullbackLeibler">KL(u_λ ‖ u).</param>
/// <param name="Energy">E(u_λ).</param>
/// <param name="ExactEnergy">E(u).</param>
/// <param name="Dissipation">D(u_λ) = ⟨ξ, r⟩_w.</param>
/// <param name="RatePotential">R_λ.</param>
/// <param name="SlopePotential">R*_λ.</param>
/// <param name="FisherRaoRatePotential">R_FR(μ_λ, μ̇_λ).</param>
/// <param name="FisherRaoSlopePotential">R*_FR(μ_λ, ξ).</param>
/// <param name="Deficit">λ⟨ξ, (K_μ + λ)⁻¹ξ⟩.</param>
/// <param name="ExactDissipation">D₀ = ‖ξ − c‖²_u along the exact flow.</param>
public sealed record GammaPathSample(
    double Time,
    double L1,
    double Hellinger,
    double MaximumMeanDiscrepancy,
    double KullbackLeibler,
    double Energy,
    double ExactEnergy,
    double Dissipation,
    double RatePotential,
    double SlopePotential,
    double FisherRaoRatePotential,
    double FisherRaoSlopePotential,
    double Deficit,
    double ExactDissipation);
