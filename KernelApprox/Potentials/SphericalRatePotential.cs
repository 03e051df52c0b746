namespace PdeFlows.KernelApprox.Potentials;

/// <summary>
/// The primal dissipation potential of spherical λ-FRk at one rate, with the numbers that say how
/// well the rate fits the potential (<see cref="KernelDissipationPotentials.SphericalKernelFisherRaoRate"/>;
/// derivation in docs/kernel.md, "Dissipation potentials on the nodes").
/// </summary>
/// <param name="Value">
/// R_s(μ, v) = min over constants c of (1/2β)[‖v + c‖²_w + λ‖v + c‖²_H], at the minimising constant
/// (which depends on the squared RKHS norm of the constant function passed in; +∞ means constants
/// are not in H, so the minimiser is the constant that makes v + c the H-function 𝖪b).
/// </param>
/// <param name="UnshiftedValue">(1/2β)[‖𝖪b‖²_w + λ bᵀ𝖪b]: the same with the rate's H-part 𝖪b itself (no constant).</param>
/// <param name="LowerBound">
/// The smallest value the minimum over constants can take for any squared norm of the constant in
/// [0, ∞]: UnshiftedValue − g²/(2βM) with g the stationarity defect below; Value lies in
/// [LowerBound, UnshiftedValue].
/// </param>
/// <param name="StationarityDefect">
/// g = wᵀ𝖪b + λ1ᵀb, half the derivative of the minimised quadratic at the H-part: zero along the
/// flow ((W𝖪 + λ)a = WQξ sums to zero), so |g| measures the solve.
/// </param>
/// <param name="RelativeStationarityDefect">|g| / (Σ wᵢ|(𝖪b)ᵢ| + λΣ|bᵢ|).</param>
/// <param name="RelativeMassRate">
/// |wᵀv| / Σ wᵢ|vᵢ| with v = 𝖪b + γ1: the spherical potential is +∞ unless the rate keeps mass
/// (wᵀv = 0); this says how far the given rate is from that.
/// </param>
public sealed record SphericalRatePotential(
    double Value,
    double UnshiftedValue,
    double LowerBound,
    double StationarityDefect,
    double RelativeStationarityDefect,
    double RelativeMassRate);
