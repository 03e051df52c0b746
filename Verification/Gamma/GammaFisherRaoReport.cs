using System.Globalization;
using System.Text;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The Markdown section of one λ sweep of a Γ-convergence study (kernel.md §5), generated from its
/// <see cref="GammaPathMeasurement"/>s so that the page cannot contradict its tables: the error table,
/// the path functionals along every μ_λ beside those of the limit path μ, the theorem checks against μ
/// (<see cref="GammaTheoremChecks"/>), the solver consistency, and the findings (local slopes, floors,
/// verdicts). Missed checks are appended to the caller's failures: a theorem check that fails; one
/// that is inconclusive where the data must converge (well-prepared); solver consistency out of its bounds.
/// </summary>
public static class GammaFisherRaoReport
{
    /// <summary>The largest relative EDB residual |E(T) + 𝔇_λ − E(0)|/|E(0) − E(T)| accepted for a pure reaction flow sampled finely (Simpson's error on the output grid and the reaction integrator's, each far below).</summary>
    public const double EdbTolerance = 1e-6;

    /// <summary>How the closed-form limit path of <c>gamma-fr</c> comes about.</summary>
    public const string ClosedFormLimitNote = "the closed form on the same nodes, its rate from the closed form's time derivative; its EDB residual is Simpson's error on the output grid";

    /// <summary>The largest relative defect of R_λ = R*_λ (and of the spherical stationarity) accepted: a solve in double precision.</summary>
    public const double IdentityTolerance = 1e-8;

    /// <summary>The Markdown section of one sweep; its one-line summary is returned beside it.</summary>
    /// <param name="title">The sweep's title.</param>
    /// <param name="lambdas">λ, decreasing.</param>
    /// <param name="sweep">The measurements, one per λ.</param>
    /// <param name="spherical">Whether the reaction is the spherical one (stationarity reported).</param>
    /// <param name="mustConverge">Whether the data are in the asymptotic regime (an inconclusive check is then a failure).</param>
    /// <param name="failures">Receives one line per missed check.</param>
    /// <param name="edbTolerance">The EDB residual bound and why (default <see cref="EdbTolerance"/>).</param>
    /// <param name="limitNote">How the limit path's rate and balance come about (default: the closed form on the same nodes).</param>
    /// <returns>The section and a one-line summary.</returns>
    public static (string Section, string Summary) Section(string title, IReadOnlyList<double> lambdas, IReadOnlyList<GammaPathMeasurement> sweep, bool spherical, bool mustConverge, List<string> failures, (double Bound, string Why)? edbTolerance = null, string? limitNote = null)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(failures);
        var text = new StringBuilder();
        text.AppendLine($"### {title}").AppendLine();
        text.Append(ErrorTable("sup-in-time errors against the limit path on the same nodes", lambdas, sweep).ToMarkdown()).AppendLine();
        AppendFunctionals(text, sweep);
        var checks = GammaTheoremChecks.Of(sweep);
        AppendChecks(text, checks, sweep.Count);
        AppendConsistency(text, title, sweep, spherical, failures, edbTolerance ?? (EdbTolerance, "a pure reaction flow sampled finely"), limitNote ?? ClosedFormLimitNote);

        text.AppendLine("**Findings** (generated from the numbers above)").AppendLine();
        foreach (var (name, values) in new (string, double[])[]
        {
            ("sup L¹", [.. sweep.Select(s => s.L1.Max())]), ("sup Hellinger", [.. sweep.Select(s => s.Hellinger.Max())]),
            ("sup MMD", [.. sweep.Select(s => s.MaximumMeanDiscrepancy.Max())]), ("sup KL", [.. sweep.Select(s => s.KullbackLeibler.Max())]),
        })
        {
            text.AppendLine($"- {GammaSweepAnalysis.Of(lambdas, values).Describe(lambdas, name)}");
        }

        text.AppendLine($"- dissipation deficit βλ⟨ξ̂,(K_μ+λ)⁻¹ξ̂⟩: sup along the path {E(sweep[0].Deficit.Max())} at λ = {G(lambdas[0])} … {E(sweep[^1].Deficit.Max())} at λ = {G(lambdas[^1])}; ∫ over [0, T] {E(PathIntegration.Simpson(sweep[0].Times, sweep[0].Deficit))} … {E(PathIntegration.Simpson(sweep[^1].Times, sweep[^1].Deficit))}");
        string verdicts = string.Join("; ", checks.Functionals.Select(c => $"{c.Quantity}: {c.VerdictText}"));
        var (holds, fails, open) = checks.EnergyCounts;
        string energy = $"energy at {checks.Energies.Count} times: holds at {holds}, fails at {fails}, inconclusive at {open}";
        text.AppendLine($"- theorem checks: {verdicts}; {energy}");
        var dissipation = checks.Functionals[^1];
        if (dissipation.Verdict == LiminfVerdict.Inconclusive && dissipation.Estimate.Behaviour == TailBehaviour.Increasing)
        {
            double perDecade = (sweep[^1].DissipationFunctional - sweep[^2].DissipationFunctional) / Math.Log10(lambdas[^2] / lambdas[^1]);
            double gap = dissipation.Limit - sweep[^1].DissipationFunctional;
            text.AppendLine($"- pre-asymptotic: 𝔇_λ at λ = {G(lambdas[^1])} is {E(sweep[^1].DissipationFunctional)} against 𝔇₀ = {E(dissipation.Limit)} ({sweep[^1].DissipationFunctional / dissipation.Limit:F3} of it) and still rises by {E(perDecade)} per decade of λ: at that pace it would take about {gap / perDecade:F0} more decades to reach 𝔇₀; μ_λ has not converged in the sweep (well-prepared data, μ_λ(0) = μ₀, so this is not a failure of the theorem)");
        }

        text.AppendLine();
        // A failed inequality is a failure anywhere. Where the data must converge, an inconclusive path
        // functional is one too; an energy at a single time is reported (its tail may oscillate around the
        // limit by less than the sweep resolves) but must not fail.
        foreach (var check in checks.All)
        {
            bool functional = checks.Functionals.Contains(check);
            bool missed = check.Verdict == LiminfVerdict.Fails || (mustConverge && functional && check.Verdict == LiminfVerdict.Inconclusive);
            if (missed)
            {
                failures.Add($"{title}: {check.Describe()}");
            }
        }

        string summary = $"{title}: sup L¹ {E(sweep[0].L1.Max())} → {E(sweep[^1].L1.Max())} over λ = {G(lambdas[0])} … {G(lambdas[^1])}; {verdicts}; {energy}";
        return (text.ToString(), summary);
    }

    /// <summary>The error table of one sweep (sup-in-time errors and the relative EDB residual per λ).</summary>
    /// <param name="title">The title.</param>
    /// <param name="lambdas">λ.</param>
    /// <param name="sweep">The measurements.</param>
    /// <returns>The table.</returns>
    public static ConvergenceTable ErrorTable(string title, IReadOnlyList<double> lambdas, IReadOnlyList<GammaPathMeasurement> sweep)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(sweep);
        var table = new ConvergenceTable(SweptParameter.Regularization, [new Metric(MetricKind.L1, "L1 sup"), new Metric(MetricKind.Hellinger, "Hellinger sup"), new Metric(MetricKind.MaximumMeanDiscrepancy, "MMD sup"), new Metric(MetricKind.KullbackLeibler, "KL sup"), Metric.EdbResidual], title);
        for (int k = 0; k < sweep.Count; k++)
        {
            var s = sweep[k];
            table.Add(lambdas[k], null, s.L1.Max(), s.Hellinger.Max(), s.MaximumMeanDiscrepancy.Max(), s.KullbackLeibler.Max(), s.EdbResidual);
        }

        return table;
    }

    private static void AppendFunctionals(StringBuilder text, IReadOnlyList<GammaPathMeasurement> sweep)
    {
        bool transport = sweep[0].LimitTransportIntegral > 0;
        text.AppendLine("**Path functionals** along each μ_λ, and along the limit path μ (last row; β included in every potential)").AppendLine();
        text.AppendLine(transport
            ? "| λ | ∫R_λ(μ_λ, μ̇_λ) dt | ∫R*_λ(μ_λ) dt | ∫D_W(μ_λ) dt | 𝔇_λ | E(μ_λ(T)) | sup deficit | ∫deficit dt |"
            : "| λ | ∫R_λ(μ_λ, μ̇_λ) dt | ∫R*_λ(μ_λ) dt | 𝔇_λ | E(μ_λ(T)) | sup deficit | ∫deficit dt |");
        text.AppendLine(transport ? "|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|");
        foreach (var s in sweep)
        {
            string w = transport ? $" {E(s.TransportIntegral)} |" : "";
            text.AppendLine($"| {G(s.Lambda)} | {E(s.RateIntegral)} | {E(s.SlopeIntegral)} |{w} {E(s.DissipationFunctional)} | {E(s.Energy[^1])} | {E(s.Deficit.Max())} | {E(PathIntegration.Simpson(s.Times, s.Deficit))} |");
        }

        var l = sweep[0];
        string lw = transport ? $" {E(l.LimitTransportIntegral)} |" : "";
        text.AppendLine($"| **limit μ** | {E(l.LimitRateIntegral)} (∫R_FR(μ, μ̇)) | {E(l.LimitSlopeIntegral)} (∫R*_FR(μ)) |{lw} {E(l.LimitDissipationFunctional)} (𝔇₀) | {E(l.LimitEnergy[^1])} | — | — |").AppendLine();
    }

    private static void AppendChecks(StringBuilder text, GammaTheoremChecks checks, int count)
    {
        int tail = LowerLimitEstimator.TailLength(count);
        text.AppendLine($"**Theorem checks** against the limit path: the lower limit of each sequence is estimated from its last {tail} values " +
            $"(Aitken Δ² where the increments shrink geometrically, ratio ≤ {LowerLimitEstimator.ConvergenceRatio}, in the interval from the last value (the tail may stop) to the remaining increments at the most extreme observed ratio widened by its last drift, plus {LowerLimitEstimator.ModelAllowance:G} of the extrapolated remainder; otherwise a one-sided bound from the tail's monotonicity, or the tail's range when it oscillates) " +
            $"and compared with the limit-path value minus τ = {GammaTheoremChecks.ToleranceFactor:G}× the largest |E(T) + 𝔇 − E(0)| of the tail runs and the limit path " +
            $"({E(checks.ConsistencyScale)}: Simpson's error on the output grid plus the solver's integration error){(checks.Capped ? $", capped at {GammaTheoremChecks.ToleranceCap:G} of E(μ(0)) − E(μ(T))" : "")}.").AppendLine();
        text.AppendLine("| inequality (liminf over λ → 0) | estimator | estimated lower limit [interval] | limit path | τ | verdict |");
        text.AppendLine("|---|---|---|---|---|---|");
        var energies = checks.Energies;
        int[] shown = [.. new[] { energies.Count / 4, energies.Count / 2, (3 * energies.Count) / 4, energies.Count - 1 }.Distinct()];
        foreach (var c in checks.Functionals.Concat(shown.Select(j => energies[j])))
        {
            text.AppendLine($"| {c.Quantity} | {c.EstimatorText} | {E(c.Estimate.Value)} {c.Interval} | {E(c.Limit)} | {E1(c.Tolerance)} | {c.VerdictText} |");
        }

        var (holds, fails, open) = checks.EnergyCounts;
        var worst = energies.MinBy(c => c.RelativeMargin)!;
        text.AppendLine().AppendLine($"E(μ_λ(t)) ≥ E(μ(t)) at all {energies.Count} output times: holds at {holds}, fails at {fails}, inconclusive at {open}; smallest margin: {worst.Describe()}.");
        var oscillating = energies.Where(c => c.Verdict != LiminfVerdict.Holds && c.Estimate.Behaviour == TailBehaviour.Oscillating).ToList();
        if (oscillating.Count > 0)
        {
            double spread = oscillating.Max(c => c.Values.Skip(c.Values.Count - c.Estimate.TailLength).Max(v => Math.Abs(v - c.Limit)));
            var times = oscillating.Select(c => double.Parse(c.Quantity.Split("t = ")[^1], CultureInfo.InvariantCulture)).ToArray();
            text.AppendLine().AppendLine($"At {oscillating.Count} of these times (t in [{G(times.Min())}, {G(times.Max())}]) the tail of E(μ_λ(t)) oscillates around E(μ(t)) without a geometric decay, by at most {E1(spread)} ({spread / Math.Abs(worst.Limit):E1} of E there); the sweep does not resolve the sign of so small a gap.");
        }

        text.AppendLine();
    }

    private static void AppendConsistency(StringBuilder text, string title, IReadOnlyList<GammaPathMeasurement> sweep, bool spherical, List<string> failures, (double Bound, string Why) edbBound, string limitNote)
    {
        double edb = sweep.Max(s => s.EdbResidual), identity = sweep.Max(s => s.IdentityDefect);
        double stationarity = sweep.Max(s => s.StationarityDefect), limitIdentity = sweep[0].LimitIdentityDefect;
        double limitEdb = Math.Abs(sweep[0].LimitEdbDefect) / Math.Abs(sweep[0].LimitEnergy[0] - sweep[0].LimitEnergy[^1]);
        text.AppendLine("**Solver consistency** (identities that hold up to the solver and the quadrature; not theorem checks)").AppendLine();
        text.AppendLine($"- EDB residual |E(μ_λ(T)) + 𝔇_λ − E(μ_λ(0))| / |E(0) − E(T)|: max {E1(edb)} over the sweep (bound {E1(edbBound.Bound)}: {edbBound.Why}); per λ in the error table");
        text.AppendLine($"- R_λ = R*_λ along each λ-flow (R_λ from the rate, R*_λ from the force): max relative defect {E1(identity)} (bound {IdentityTolerance:E0}); per λ: {string.Join(", ", sweep.Select(s => E1(s.IdentityDefect)))}");
        if (spherical)
        {
            text.AppendLine($"- spherical: stationarity of the minimisation over constants, |wᵀ𝖪a + λ1ᵀa| relative, and the rate's mass defect: max {E1(stationarity)} (bound {IdentityTolerance:E0})");
        }

        text.AppendLine($"- limit path ({limitNote}): R_FR(μ, μ̇) from its rate against R*_FR(μ) from its force: max relative defect {E1(limitIdentity)}; its EDB residual {E1(limitEdb)}").AppendLine();
        if (!(edb <= edbBound.Bound))
        {
            failures.Add($"{title}: EDB residual {E1(edb)} > {E1(edbBound.Bound)}");
        }

        if (!(identity <= IdentityTolerance) || !(stationarity <= IdentityTolerance))
        {
            failures.Add($"{title}: R_λ = R*_λ defect {E1(identity)} or stationarity {E1(stationarity)} > {IdentityTolerance:E0}");
        }

        if (!(limitIdentity <= IdentityTolerance))
        {
            failures.Add($"{title}: the limit path's R_FR = R*_FR defect {E1(limitIdentity)} > {IdentityTolerance:E0}");
        }
    }

    private static string E(double value) => value.ToString("E4", CultureInfo.InvariantCulture);

    private static string E1(double value) => value.ToString("E1", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
