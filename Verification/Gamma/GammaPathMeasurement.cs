namespace PdeFlows.Verification.Gamma;

/// <summary>
/// Everything the Γ-convergence study measures along one λ-run μ_λ and its limit path μ
/// (kernel.md §5): one typed <see cref="GammaPathSample"/> per output time, and the path
/// functionals integrated over them by composite Simpson's rule (<see cref="PathIntegration"/>).
/// The per-quantity arrays are views of the samples, in time order. The dissipation functional
/// 𝔇 = ∫(R + R*) dt includes the transport part, R_W = R*_W = ½D_W (the transport is the same exact
/// finite-element transport in the λ-run and in its limit).
/// </summary>
/// <param name="Lambda">λ.</param>
/// <param name="Samples">The samples, in time order.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run and its measurement.</param>
public sealed record GammaPathMeasurement(double Lambda, IReadOnlyList<GammaPathSample> Samples, double WallSeconds)
{
    /// <summary>Sample times.</summary>
    public double[] Times => Column(s => s.Time);

    /// <summary>‖u_λ − u‖_{L¹} per sample.</summary>
    public double[] L1 => Column(s => s.L1);

    /// <summary>Hellinger distance per sample.</summary>
    public double[] Hellinger => Column(s => s.Hellinger);

    /// <summary>MMD per sample.</summary>
    public double[] MaximumMeanDiscrepancy => Column(s => s.MaximumMeanDiscrepancy);

    /// <summary>KL(u_λ ‖ u) per sample.</summary>
    public double[] KullbackLeibler => Column(s => s.KullbackLeibler);

    /// <summary>E(μ_λ) per sample.</summary>
    public double[] Energy => Column(s => s.Energy);

    /// <summary>E(μ) per sample.</summary>
    public double[] LimitEnergy => Column(s => s.LimitEnergy);

    /// <summary>D(μ_λ) per sample.</summary>
    public double[] Dissipation => Column(s => s.Dissipation);

    /// <summary>D_W(μ_λ) per sample.</summary>
    public double[] TransportDissipation => Column(s => s.TransportDissipation);

    /// <summary>R_λ per sample.</summary>
    public double[] RatePotential => Column(s => s.RatePotential);

    /// <summary>R*_λ per sample.</summary>
    public double[] SlopePotential => Column(s => s.SlopePotential);

    /// <summary>The dissipation deficit per sample.</summary>
    public double[] Deficit => Column(s => s.Deficit);

    /// <summary>D₀(μ) per sample.</summary>
    public double[] LimitDissipation => Column(s => s.LimitDissipation);

    /// <summary>∫R_λ(μ_λ, μ̇_λ) dt (reaction part).</summary>
    public double RateIntegral => PathIntegration.Simpson(Times, RatePotential);

    /// <summary>∫R*_λ(μ_λ) dt (reaction part).</summary>
    public double SlopeIntegral => PathIntegration.Simpson(Times, SlopePotential);

    /// <summary>∫D_W(μ_λ) dt, the transport part of 𝔇_λ.</summary>
    public double TransportIntegral => PathIntegration.Simpson(Times, TransportDissipation);

    /// <summary>𝔇_λ = ∫(D_W + R_λ + R*_λ) dt along μ_λ.</summary>
    public double DissipationFunctional => TransportIntegral + RateIntegral + SlopeIntegral;

    /// <summary>∫R_FR(μ, μ̇) dt along the limit path.</summary>
    public double LimitRateIntegral => PathIntegration.Simpson(Times, Column(s => s.LimitRatePotential));

    /// <summary>∫R*_FR(μ) dt along the limit path.</summary>
    public double LimitSlopeIntegral => PathIntegration.Simpson(Times, Column(s => s.LimitSlopePotential));

    /// <summary>∫D_W(μ) dt along the limit path.</summary>
    public double LimitTransportIntegral => PathIntegration.Simpson(Times, Column(s => s.LimitTransportDissipation));

    /// <summary>𝔇₀ = ∫(D_W + R_FR + R*_FR) dt along the limit path.</summary>
    public double LimitDissipationFunctional => LimitTransportIntegral + LimitRateIntegral + LimitSlopeIntegral;

    /// <summary>E(μ_λ(T)) + 𝔇_λ − E(μ_λ(0)): the energy–dissipation balance of the λ-path, zero for an exact flow and exact quadrature.</summary>
    public double EdbDefect => Samples[^1].Energy + DissipationFunctional - Samples[0].Energy;

    /// <summary>|EdbDefect| / |E(0) − E(T)|.</summary>
    public double EdbResidual => Math.Abs(EdbDefect) / Math.Abs(Samples[0].Energy - Samples[^1].Energy);

    /// <summary>E(μ(T)) + 𝔇₀ − E(μ(0)) of the limit path: the quadrature (and, for a computed limit, the solver's) error of its balance.</summary>
    public double LimitEdbDefect => Samples[^1].LimitEnergy + LimitDissipationFunctional - Samples[0].LimitEnergy;

    /// <summary>max over samples of |R_λ − R*_λ| / R*_λ: zero along the flow up to the solve (solver consistency).</summary>
    public double IdentityDefect => Samples.Max(s => Math.Abs(s.RatePotential - s.SlopePotential) / Math.Max(s.SlopePotential, double.Epsilon));

    /// <summary>max over samples of |R_FR − R*_FR| / R*_FR along the limit path (its rate against its force).</summary>
    public double LimitIdentityDefect => Samples.Max(s => Math.Abs(s.LimitRatePotential - s.LimitSlopePotential) / Math.Max(s.LimitSlopePotential, double.Epsilon));

    /// <summary>max over samples of the spherical stationarity defect (0 for the non-spherical flow).</summary>
    public double StationarityDefect => Samples.Max(s => s.StationarityDefect);

    private double[] Column(Func<GammaPathSample, double> value) => Samples.Select(value).ToArray();
}
