namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The theorem's liminf inequalities (kernel.md §5 point 4) for one λ sweep, each against the limit
/// path μ: liminf ∫R_λ(μ_λ, μ̇_λ) ≥ ∫R_FR(μ, μ̇), liminf ∫R*_λ(μ_λ) ≥ ∫R*_FR(μ), liminf 𝔇_λ ≥ 𝔇₀,
/// with transport the transport part liminf ∫D_W(μ_λ) ≥ ∫D_W(μ), and liminf E(μ_λ(t)) ≥ E(μ(t)) at
/// every output time. Each is judged by <see cref="LiminfCheck"/> on the tail of the sweep.
/// </summary>
/// <remarks>
/// Tolerance τ (the same for every check of the sweep, absolute): ten times the largest
/// energy–dissipation defect |E(T) + 𝔇 − E(0)| among the tail runs and the limit path, plus
/// 1e-12|L| for round-off. The defect measures, in energy units, the time-integration error of
/// Simpson's rule on the output grid together with the solver's integration error (for the closed-form
/// limit path it is Simpson's error alone): differences below it cannot be attributed to the
/// theorem. The factor 10 covers the defect's variation across the runs of the tail. Cap: τ is at most
/// 1e-3 of the energy dissipated along the limit path, E(μ(0)) − E(μ(T)) (<see cref="ToleranceCap"/>),
/// so a poor solver cannot widen the tolerance into a pass.
/// </remarks>
/// <param name="Functionals">The checks of the path functionals.</param>
/// <param name="Energies">One check per output time, in time order.</param>
/// <param name="ConsistencyScale">The largest |EDB defect| among the tail runs and the limit path.</param>
/// <param name="Capped">Whether some tolerance hit the cap.</param>
public sealed record GammaTheoremChecks(IReadOnlyList<LiminfCheck> Functionals, IReadOnlyList<LiminfCheck> Energies, double ConsistencyScale, bool Capped)
{
    /// <summary>The factor between the consistency scale and the tolerance.</summary>
    public const double ToleranceFactor = 10;

    /// <summary>The largest tolerance relative to the energy dissipated along the limit path.</summary>
    public const double ToleranceCap = 1e-3;

    /// <summary>The checks of one sweep (λ decreasing).</summary>
    /// <param name="sweep">The measurements, λ decreasing.</param>
    /// <returns>The checks.</returns>
    public static GammaTheoremChecks Of(IReadOnlyList<GammaPathMeasurement> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        int tail = LowerLimitEstimator.TailLength(sweep.Count);
        GammaPathMeasurement limit = sweep[0]; // the limit path is the same in every run of the sweep
        double scale = sweep.Skip(sweep.Count - tail).Max(s => Math.Max(Math.Abs(s.EdbDefect), Math.Abs(s.LimitEdbDefect)));
        // Every checked quantity is in energy units; the energy dissipated along the limit path sets their scale.
        double magnitude = Math.Abs(limit.Samples[0].LimitEnergy - limit.Samples[^1].LimitEnergy);
        bool capped = ToleranceFactor * scale > ToleranceCap * magnitude;
        double tolerance = Math.Min(ToleranceFactor * scale, ToleranceCap * magnitude);
        double Tolerance(double value) => tolerance + (1e-12 * Math.Abs(value));

        LiminfCheck Check(string name, Func<GammaPathMeasurement, double> value, double limitValue) =>
            LiminfCheck.Judge(name, sweep.Select(value).ToArray(), limitValue, Tolerance(limitValue), tail);

        var functionals = new List<LiminfCheck>
        {
            Check("∫R_λ(μ_λ, μ̇_λ) dt ≥ ∫R_FR(μ, μ̇) dt", s => s.RateIntegral, limit.LimitRateIntegral),
            Check("∫R*_λ(μ_λ) dt ≥ ∫R*_FR(μ) dt", s => s.SlopeIntegral, limit.LimitSlopeIntegral),
        };
        if (limit.LimitTransportIntegral > 0)
        {
            functionals.Add(Check("∫D_W(μ_λ) dt ≥ ∫D_W(μ) dt", s => s.TransportIntegral, limit.LimitTransportIntegral));
        }

        functionals.Add(Check("𝔇_λ ≥ 𝔇₀", s => s.DissipationFunctional, limit.LimitDissipationFunctional));
        var energies = new List<LiminfCheck>();
        for (int j = 0; j < limit.Samples.Count; j++)
        {
            int index = j;
            double t = limit.Samples[j].Time;
            energies.Add(Check($"E(μ_λ(t)) ≥ E(μ(t)) at t = {t:G4}", s => s.Samples[index].Energy, limit.Samples[index].LimitEnergy));
        }

        return new GammaTheoremChecks(functionals, energies, scale, capped);
    }

    /// <summary>Every check (functionals first).</summary>
    public IEnumerable<LiminfCheck> All => Functionals.Concat(Energies);

    /// <summary>The number of energy checks with each verdict.</summary>
    public (int Holds, int Fails, int Inconclusive) EnergyCounts =>
        (Energies.Count(c => c.Verdict == LiminfVerdict.Holds), Energies.Count(c => c.Verdict == LiminfVerdict.Fails), Energies.Count(c => c.Verdict == LiminfVerdict.Inconclusive));
}
