using System.Globalization;
using System.Text;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The Markdown section and plots of a particle sweep (<see cref="GammaParticleSweep"/>), generated
/// from its numbers: the (N, λ) table of the particle λ-FRk's MMD to the continuum flow, its split into
/// the N part (exact reweighting of the same particles) and the method part (λ, KDE, τ), moments,
/// local slopes in 1/N and λ, floors and the diagonal (N_k, λ_k). Failures: a weight total that drifts
/// (the method keeps it), or an N part that does not decrease from the smallest to the largest N.
/// </summary>
public static class GammaParticleReport
{
    /// <summary>The section; plots go to <paramref name="directory"/>.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="directory">The plot folder.</param>
    /// <param name="failures">Receives missed checks.</param>
    /// <returns>The section and a one-line summary.</returns>
    public static (string Section, string Summary) Section(GammaParticleSweep sweep, string directory, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(failures);
        var text = new StringBuilder();
        var counts = sweep.Counts;
        double[] inverse = [.. counts.Select(c => 1.0 / c.Count)];
        double[] nPart = [.. counts.Select(c => c.ExactMmd)];
        text.AppendLine($"**sup_t MMD(particles, u(t))** against the continuum SFR flow, mean over {sweep.Seeds.Count} seeds ({string.Join(", ", sweep.Seeds)}); τ = {G(sweep.Step)}; N part = the same particles with the exact weights").AppendLine();
        text.AppendLine("| N | KDE h (Silverman) | N part | N part, seeds min…max | " + string.Join(" | ", sweep.Lambdas.Select(l => $"λ = {G(l)}: total (method part)")) + " |");
        text.AppendLine("|---|---|---|---|" + string.Concat(sweep.Lambdas.Select(_ => "---|")));
        foreach (var c in counts)
        {
            text.AppendLine($"| {c.Count} | {G(c.DensityBandwidths.Average())} | {E(c.ExactMmd)} | {E(c.ExactMmdSpread.Min)} … {E(c.ExactMmdSpread.Max)} | " + string.Join(" | ", c.Runs.Select(r => $"{E(r.TotalMmd)} ({E(r.MethodMmd)})")) + " |");
        }

        text.AppendLine().AppendLine("**sup_t (|mean error| + |variance error|)** against the continuum flow, mean over the seeds").AppendLine();
        text.AppendLine("| N | exact weights | " + string.Join(" | ", sweep.Lambdas.Select(l => $"λ = {G(l)}")) + " |");
        text.AppendLine("|---|---|" + string.Concat(sweep.Lambdas.Select(_ => "---|")));
        foreach (var c in counts)
        {
            text.AppendLine($"| {c.Count} | {E(c.ExactMomentError)} | " + string.Join(" | ", c.Runs.Select(r => E(r.MomentError))) + " |");
        }

        text.AppendLine().AppendLine("**Findings** (generated from the tables)").AppendLine();
        var nAnalysis = GammaSweepAnalysis.Of(inverse, nPart);
        text.AppendLine($"- N part (sampling error of the exact reweighting): {nAnalysis.Describe(inverse, "sup MMD", "1/N")} (a Monte-Carlo error gives 0.5)");
        if (!(nPart[^1] < nPart[0]))
        {
            failures.Add($"particles: the N part does not decrease from N = {counts[0].Count} to N = {counts[^1].Count}: {string.Join(", ", nPart.Select(E))}");
        }

        for (int k = 0; k < sweep.Lambdas.Count; k++)
        {
            double[] method = [.. counts.Select(c => c.Runs[k].MethodMmd)];
            text.AppendLine($"- λ = {G(sweep.Lambdas[k])}: method part vs 1/N: {GammaSweepAnalysis.Of(inverse, method).Describe(inverse, "sup MMD", "1/N")}");
        }

        foreach (var c in counts)
        {
            double[] method = [.. c.Runs.Select(r => r.MethodMmd)];
            text.AppendLine($"- N = {c.Count}: method part vs λ: {GammaSweepAnalysis.Of(sweep.Lambdas, method).Describe(sweep.Lambdas, "sup MMD")}; the N part is {E(c.ExactMmd)}");
        }

        text.AppendLine($"- dominant part at the smallest λ = {G(sweep.Lambdas[^1])}: " + string.Join("; ", counts.Select(c =>
            $"N = {c.Count}: {(c.Runs[^1].MethodMmd > c.ExactMmd ? "method" : "N")} part (method/N = {c.Runs[^1].MethodMmd / c.ExactMmd:F2})")));
        int diagonal = Math.Min(counts.Count, sweep.Lambdas.Count);
        int offset = counts.Count - diagonal;
        double[] along = [.. Enumerable.Range(0, diagonal).Select(k => counts[offset + k].Runs[k].TotalMmd)];
        text.AppendLine($"- diagonal (N, λ) = {string.Join(", ", Enumerable.Range(0, diagonal).Select(k => $"({counts[offset + k].Count}, {G(sweep.Lambdas[k])})"))}: total {string.Join(", ", along.Select(E))}; {GammaSweepAnalysis.Of(inverse[offset..], along).Describe(inverse[offset..], "sup MMD", "1/N")}");
        double drift = counts.Max(c => c.Runs.Max(r => r.WeightDrift));
        text.AppendLine($"- total weight kept to {E(drift)} (largest |Σwᵢ − 1| over every run and step)");
        if (drift > 1e-12)
        {
            failures.Add($"particles: the total weight drifted by {E(drift)}");
        }

        text.AppendLine();
        WritePlots(directory, sweep, nPart);
        text.AppendLine("![particles](particles-mmd.png)").AppendLine();
        string summary = $"particles: N part {E(nPart[0])} → {E(nPart[^1])} over N = {counts[0].Count} … {counts[^1].Count} (local slopes in 1/N {string.Join(", ", nAnalysis.LocalSlopes.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}); diagonal total {E(along[0])} → {E(along[^1])}";
        return (text.ToString(), summary);
    }

    private static void WritePlots(string directory, GammaParticleSweep sweep, double[] nPart)
    {
        double[] n = [.. sweep.Counts.Select(c => (double)c.Count)];
        var curves = new List<NamedCurve> { new("N part (exact weights)", n, nPart) };
        curves.AddRange(sweep.Lambdas.Select((l, k) => new NamedCurve($"λ-FRk, λ = {G(l)}", n, [.. sweep.Counts.Select(c => c.Runs[k].TotalMmd)])));
        curves.AddRange(sweep.Lambdas.Select((l, k) => new NamedCurve($"method part, λ = {G(l)}", n, [.. sweep.Counts.Select(c => c.Runs[k].MethodMmd)])));
        CurvePlot.Write(Path.Combine(directory, "particles-mmd.png"), curves, new CurvePlotLabels("particles: sup_t MMD to the continuum SFR flow vs N", "N", "sup_t MMD", AlwaysShowLegend: true), logX: true, logY: true);
    }

    private static string E(double value) => value.ToString("E3", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
