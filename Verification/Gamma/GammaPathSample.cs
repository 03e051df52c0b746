namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The path quantities of the Γ-convergence study at one sample time, along a λ-run μ_λ and along
/// the limit path μ (kernel.md §5; definitions in <see cref="GammaPathSampler"/>). Every potential
/// and dissipation carries β. The transport parts are zero for pure reaction flows (FR, SFR).
/// </summary>
/// <param name="Time">The sample time.</param>
/// <param name="L1">‖u_λ − u‖_{L¹}, u the limit path on the same nodes.</param>
/// <param name="Hellinger">The Hellinger distance.</param>
/// <param name="MaximumMeanDiscrepancy">MMD (Gaussian metric kernel).</param>
/// <param name="KullbackLeibler">KL(u_λ ‖ u).</param>
/// <param name="Energy">E(μ_λ).</param>
/// <param name="LimitEnergy">E(μ).</param>
/// <param name="Dissipation">D(μ_λ) = −dE/dt along μ_λ: D_W(μ_λ) + β⟨ξ, r⟩_w.</param>
/// <param name="TransportDissipation">D_W(μ_λ), the finite-element transport dissipation (0 without transport).</param>
/// <param name="RatePotential">R_λ(μ_λ, μ̇_λ) of the reaction, from the rate (kernel.md, docs: primal potential).</param>
/// <param name="SlopePotential">R*_λ(μ_λ) = (β/2)⟨ξ, r⟩_w, from the force.</param>
/// <param name="StationarityDefect">Spherical flow: the relative stationarity defect of the minimisation over constants in R_λ (0 otherwise).</param>
/// <param name="Deficit">βλ⟨ξ̂, (K_μ + λ)⁻¹ξ̂⟩ = D_FR(μ_λ) − D_λ(μ_λ), the reaction dissipation lost to the regularization.</param>
/// <param name="LimitRatePotential">R_FR(μ, μ̇) = (1/2β)‖v‖²_u with v = −∂ₜ log u of the limit path.</param>
/// <param name="LimitSlopePotential">R*_FR(μ) = (β/2)‖ξ − c‖²_u (c = ⟨ξ⟩_u for SFR, else 0).</param>
/// <param name="LimitTransportDissipation">D_W(μ) (0 without transport).</param>
public sealed record GammaPathSample(
    double Time,
    double L1,
    double Hellinger,
    double MaximumMeanDiscrepancy,
    double KullbackLeibler,
    double Energy,
    double LimitEnergy,
    double Dissipation,
    double TransportDissipation,
    double RatePotential,
    double SlopePotential,
    double StationarityDefect,
    double Deficit,
    double LimitRatePotential,
    double LimitSlopePotential,
    double LimitTransportDissipation)
{
    /// <summary>D₀(μ) = D_W(μ) + R_FR + R*_FR along the limit path (= D_W + 2R*_FR when the path's rate is its force's).</summary>
    public double LimitDissipation => LimitTransportDissipation + LimitRatePotential + LimitSlopePotential;
}

/// <summary>The limit path at one sample time: its nodal density and the rate density of its reaction part, v = β(ξ − c) for the exact FR/SFR reaction.</summary>
/// <param name="Density">u(t) at the nodes.</param>
/// <param name="ReactionRateDensity">v(t) at the nodes (μ̇_FR = −μv).</param>
public sealed record GammaLimitState(double[] Density, double[] ReactionRateDensity);
