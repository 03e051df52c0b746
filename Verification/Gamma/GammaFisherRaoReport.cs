using System.Globalization;
using System.Text;
using PdeFlows.Verification.Convergence;
using PureHDF;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The Markdown sections, error tables and HDF5 file of the Γ-convergence study <c>gamma-fr</c>
/// (kernel.md §5), from its <see cref="GammaPathMeasurement"/>s. Checks that must hold (EDB residual
/// &lt; <see cref="EdbTolerance"/>, rate part ≥ and slope part ≤ their FR values, monotone decrease
/// before the floor, the identity for the non-spherical flow) are reported as failures when missed.
/// </summary>
public static class GammaFisherRaoReport
{
    /// <summary>The largest relative EDB residual accepted.</summary>
    public const double EdbTolerance = 1e-6;

    /// <summary>The largest relative gap 1 − 𝔇_λ/𝔇₀ at the smallest λ accepted for well-prepared data (the liminf check).</summary>
    public const double LiminfTolerance = 1e-3;

    /// <summary>The Markdown section of one sweep; missed checks are appended to <paramref name="failures"/>.</summary>
    public static string Section(string title, IReadOnlyList<double> lambdas, IReadOnlyList<GammaPathMeasurement> sweep, bool spherical, bool wellPrepared, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(failures);
        var text = new StringBuilder();
        text.AppendLine($"### {title}").AppendLine();
        var table = ErrorTable(title, lambdas, sweep);
        text.Append(table.ToMarkdown()).AppendLine();
        text.AppendLine("| λ | ∫R_λ dt | ∫R_FR(μ_λ) dt | ∫R*_λ dt | ∫R*_FR(μ_λ) dt | 𝔇_λ | 𝔇₀ (exact path) | 𝔇_λ/𝔇₀ − 1 | max \\|R_λ−R*_λ\\|/R*_λ | sup deficit | ∫deficit dt |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in sweep)
        {
            double rate = GammaPathMeasurement.Simpson(s.Times, s.RatePotential), rateFr = GammaPathMeasurement.Simpson(s.Times, s.FisherRaoRatePotential);
            double slope = GammaPathMeasurement.Simpson(s.Times, s.SlopePotential), slopeFr = GammaPathMeasurement.Simpson(s.Times, s.FisherRaoSlopePotential);
            double d = s.DissipationFunctional, d0 = s.ExactDissipationFunctional;
            text.AppendLine($"| {s.Lambda:G1} | {F(rate)} | {F(rateFr)} | {F(slope)} | {F(slopeFr)} | {F(d)} | {F(d0)} | {(d / d0) - 1:E2} | {s.IdentityDefect:E1} | {F(s.Deficit.Max())} | {F(GammaPathMeasurement.Simpson(s.Times, s.Deficit))} |");
            if (!(s.EdbResidual < EdbTolerance))
            {
                failures.Add($"{title}, λ = {s.Lambda:G1}: EDB residual {s.EdbResidual:E2} ≥ {EdbTolerance:E0}");
            }

            if (rate < rateFr * (1 - 1e-12) || slope > slopeFr * (1 + 1e-12))
            {
                failures.Add($"{title}, λ = {s.Lambda:G1}: rate part {F(rate)} < FR {F(rateFr)} or slope part {F(slope)} > FR {F(slopeFr)}");
            }

            if (!spherical && !(s.IdentityDefect < 1e-6))
            {
                failures.Add($"{title}, λ = {s.Lambda:G1}: R_λ = R*_λ violated by {s.IdentityDefect:E2} (relative)");
            }
        }

        text.AppendLine();
        double[] l1 = sweep.Select(s => s.L1.Max()).ToArray();
        var analysis = GammaSweepAnalysis.Of(lambdas, l1);
        text.AppendLine($"- {analysis.Describe(lambdas, "sup L¹")}");
        text.AppendLine($"- {GammaSweepAnalysis.Of(lambdas, sweep.Select(s => s.Hellinger.Max()).ToArray()).Describe(lambdas, "sup Hellinger")}");
        text.AppendLine($"- {GammaSweepAnalysis.Of(lambdas, sweep.Select(s => s.MaximumMeanDiscrepancy.Max()).ToArray()).Describe(lambdas, "sup MMD")}");
        if (!analysis.MonotoneBeforeFloor)
        {
            failures.Add($"{title}: sup L¹ errors not monotone before the floor: {string.Join(", ", l1.Select(F))}");
        }

        var last = sweep[^1];
        double gap = 1 - (last.DissipationFunctional / last.ExactDissipationFunctional);
        double liminf = sweep.Skip(sweep.Count / 2).Min(s => s.DissipationFunctional);
        bool liminfHolds = gap <= LiminfTolerance;
        text.AppendLine($"- liminf check: 𝔇_λ at λ = {last.Lambda:G1} is {F(last.DissipationFunctional)}, 𝔇₀ = {F(last.ExactDissipationFunctional)} (gap 1 − 𝔇_λ/𝔇₀ = {gap:E2}; min over the smaller half of the λ's {F(liminf)}): "
            + (liminfHolds ? $"liminf 𝔇_λ ≥ 𝔇₀ holds to {LiminfTolerance:E0} relative" : "NOT reached in this λ range (𝔇_λ stays below 𝔇₀: μ_λ has not converged)"));
        if (wellPrepared && !liminfHolds)
        {
            failures.Add($"{title}: liminf check missed for well-prepared data (gap {gap:E2})");
        }

        text.AppendLine($"- EDB residuals (relative): max {sweep.Max(s => s.EdbResidual):E2} over the sweep; R_λ = R*_λ defect: max {sweep.Max(s => s.IdentityDefect):E2}{(spherical ? " (spherical: R_λ = R*_λ − ½(Σw)⟨𝖪a⟩²_w, not an identity)" : "")}").AppendLine();
        return text.ToString();
    }

    /// <summary>Writes all sampled path quantities of all runs, one group per run.</summary>
    public static void WriteHdf(string path, IReadOnlyList<(string Key, GammaPathMeasurement Measurement)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var file = new H5File();
        file.Attributes["format"] = "pdeflows-gamma-study";
        file.Attributes["format_version"] = 1;
        var group = new H5Group();
        foreach (var (key, s) in runs)
        {
            var run = new H5Group
            {
                ["times"] = D(s.Times), ["l1"] = D(s.L1), ["hellinger"] = D(s.Hellinger), ["mmd"] = D(s.MaximumMeanDiscrepancy),
                ["kl"] = D(s.KullbackLeibler), ["energy"] = D(s.Energy), ["exact_energy"] = D(s.ExactEnergy), ["dissipation"] = D(s.Dissipation),
                ["rate_potential"] = D(s.RatePotential), ["slope_potential"] = D(s.SlopePotential), ["fr_rate_potential"] = D(s.FisherRaoRatePotential),
                ["fr_slope_potential"] = D(s.FisherRaoSlopePotential), ["deficit"] = D(s.Deficit), ["exact_dissipation"] = D(s.ExactDissipation),
            };
            run.Attributes["lambda"] = s.Lambda;
            run.Attributes["edb_residual"] = s.EdbResidual;
            group[key.Replace('/', '_')] = run;
        }

        file["runs"] = group;
        file.Write(path);
    }

    /// <summary>The error table of one sweep (sup-in-time errors and the EDB residual per λ).</summary>
    public static ConvergenceTable ErrorTable(string title, IReadOnlyList<double> lambdas, IReadOnlyList<GammaPathMeasurement> sweep)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(sweep);
        var table = new ConvergenceTable(SweptParameter.Regularization, [new Metric(MetricKind.L1, "L1 sup"), new Metric(MetricKind.Hellinger, "Hellinger sup"), new Metric(MetricKind.MaximumMeanDiscrepancy, "MMD sup"), new Metric(MetricKind.KullbackLeibler, "KL sup"), Metric.EdbResidual], title);
        for (int k = 0; k < sweep.Count; k++)
        {
            var s = sweep[k];
            table.Add(lambdas[k], s.Times.Length > 0 ? null : 0, s.L1.Max(), s.Hellinger.Max(), s.MaximumMeanDiscrepancy.Max(), s.KullbackLeibler.Max(), s.EdbResidual);
        }

        return table;
    }

    private static H5Dataset D(double[] values) => new(values, fileDims: [(ulong)values.Length]);

    private static string F(double value) => value.ToString("E3", CultureInfo.InvariantCulture);
}
