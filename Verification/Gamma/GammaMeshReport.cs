using System.Globalization;
using System.Text;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The Markdown section and plots of a measure-level sweep (<see cref="GammaMeshSweep"/>), generated
/// from its numbers: the (h, λ) tables of the total error and of its λ part, the h part per level, the
/// exact energy split at T, local slopes in λ and in h, floors, which part dominates, and the
/// liminf check of the energy along the diagonal (h_k, λ_k) → 0 against the continuum flow. Failures:
/// an energy check that fails along the diagonal, a total error that does not decrease along it, an
/// h part that does not decrease with h, or error computations that break the triangle inequality.
/// </summary>
public static class GammaMeshReport
{
    /// <summary>The tolerance of the diagonal energy checks relative to the energy the continuum flow dissipates.</summary>
    public const double EnergyTolerance = 1e-6;

    /// <summary>The section for <paramref name="sweep"/>; plots go to <paramref name="directory"/>.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="directory">Where the plots are written.</param>
    /// <param name="parameterName">The name of the discretization parameter (h).</param>
    /// <param name="failures">Receives missed checks.</param>
    /// <returns>The section and a one-line summary.</returns>
    public static (string Section, string Summary) Section(GammaMeshSweep sweep, string directory, string parameterName, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(failures);
        var text = new StringBuilder();
        double[] h = [.. sweep.Levels.Select(l => l.MeshSize)];
        double[] hPart = sweep.SupHPart;
        double[][] total = sweep.SupTotal, lambdaPart = sweep.SupLambdaPart;
        var lambdas = sweep.Lambdas;
        text.AppendLine($"### {sweep.Name}: spherical λ-FRk on {sweep.Levels.Count} meshes × {lambdas.Count} λ against the continuum SFR flow").AppendLine();
        AppendTable(text, "sup_t ‖u_{h,λ}(t) − u(t)‖_{L¹} (total, against the continuum flow)", sweep, hPart, total);
        AppendTable(text, "λ part sup_t ‖u_{h,λ}(t) − u_h(t)‖_{L¹} (against the exact flow on the same nodes)", sweep, hPart, lambdaPart);
        AppendEnergySplit(text, sweep);

        text.AppendLine("**Findings** (generated from the tables)").AppendLine();
        var hAnalysis = GammaSweepAnalysis.Of(h, hPart);
        text.AppendLine($"- h part (discrete exact SFR vs continuum): {hAnalysis.Describe(h, "sup L¹", parameterName)}");
        if (sweep.FinerLevels is { Count: > 0 } finerLevels)
        {
            double[] allH = [.. sweep.AllLevels.Select(l => l.MeshSize)];
            double[] energyGap = [.. sweep.AllLevels.Select(l => Math.Abs(l.DiscreteExactEnergy[^1] - sweep.ContinuumEnergy[^1]))];
            text.AppendLine($"- h part continued on {finerLevels.Count} finer meshes (nodal exact flow only, {string.Join(", ", finerLevels.Select(l => $"{l.Nodes} nodes"))}): sup L¹ {string.Join(", ", finerLevels.Select(l => E(l.HPart.Max())))}; " +
                $"|E_h(u_h(T)) − E(u(T))| over all {allH.Length} meshes: {GammaSweepAnalysis.Of(allH, energyGap).Describe(allH, "energy gap", parameterName)}");
        }
        if (!hAnalysis.MonotoneBeforeFloor || hAnalysis.FloorIndex is not null)
        {
            failures.Add($"{sweep.Name}: the h part does not decrease with h: {string.Join(", ", hPart.Select(E))}");
        }

        for (int level = 0; level < h.Length; level++)
        {
            text.AppendLine($"- λ part at h = {G(h[level])}: {GammaSweepAnalysis.Of(lambdas, lambdaPart[level]).Describe(lambdas, "sup L¹")}");
        }

        for (int k = 0; k < lambdas.Count; k++)
        {
            double[] column = [.. lambdaPart.Select(row => row[k])];
            text.AppendLine($"- λ = {G(lambdas[k])}: the λ part varies by a factor {column.Max() / column.Min():F2} over the {h.Length} meshes ({E(column.Min())} … {E(column.Max())}); total vs h: {GammaSweepAnalysis.Of(h, [.. total.Select(row => row[k])]).Describe(h, "sup L¹", parameterName)}");
        }

        for (int level = 0; level < h.Length; level++)
        {
            var analysis = GammaSweepAnalysis.Of(lambdas, total[level]);
            text.AppendLine($"- total at h = {G(h[level])}: {analysis.Describe(lambdas, "sup L¹")}; at the smallest λ it is {total[level][^1] / hPart[level]:F2}× the h part");
        }

        text.AppendLine($"- dominant part per (h, λ) (the larger of h part and λ part): {Dominance(sweep, hPart, lambdaPart)}");
        text.AppendLine($"- the parts add up: total ≤ h part + λ part at every run and time (largest excess {sweep.TriangleExcess:E1} of the total; ≤ 0 is the triangle inequality); the energy gap splits exactly (table above)");
        if (sweep.TriangleExcess > 1e-12)
        {
            failures.Add($"{sweep.Name}: total > h part + λ part by {sweep.TriangleExcess:E2} of the total");
        }

        string diagonal = AppendDiagonal(text, sweep, h, total, parameterName, failures);
        text.AppendLine();
        string stem = sweep.Name;
        WritePlots(directory, stem, sweep, h, hPart, total, lambdaPart);
        text.AppendLine($"![total]({stem}-total.png) ![λ part]({stem}-lambda-part.png) ![h part]({stem}-h-part.png)").AppendLine();
        string summary = $"{sweep.Name}: h part {E(hPart[0])} → {E(hPart[^1])} (fitted order {hAnalysis.FittedRate:F2} in h); smallest total {E(total[^1][^1])} at h = {G(h[^1])}, λ = {G(lambdas[^1])}; {diagonal}";
        return (text.ToString(), summary);
    }

    private static void AppendTable(StringBuilder text, string title, GammaMeshSweep sweep, double[] hPart, double[][] values)
    {
        text.AppendLine($"**{title}**").AppendLine();
        text.AppendLine("| h | nodes | h part | " + string.Join(" | ", sweep.Lambdas.Select(l => $"λ = {G(l)}")) + " |");
        text.AppendLine("|---|---|---|" + string.Concat(sweep.Lambdas.Select(_ => "---|")));
        for (int level = 0; level < sweep.Levels.Count; level++)
        {
            var l = sweep.Levels[level];
            text.AppendLine($"| {G(l.MeshSize)} | {l.Nodes} | {E(hPart[level])} | " + string.Join(" | ", values[level].Select(E)) + " |");
        }

        text.AppendLine();
    }

    private static void AppendEnergySplit(StringBuilder text, GammaMeshSweep sweep)
    {
        double continuum = sweep.ContinuumEnergy[^1];
        text.AppendLine($"**Energy gap at T = {G(sweep.Times[^1])}**: E_h(u_{{h,λ}}(T)) − E(u(T)) = [λ part] + [h part], E(u(T)) = {E(continuum)} (continuum)").AppendLine();
        text.AppendLine("| h | h part E_h(u_h) − E(u) | " + string.Join(" | ", sweep.Lambdas.Select(l => $"λ = {G(l)}: total (λ part)")) + " |");
        text.AppendLine("|---|---|" + string.Concat(sweep.Lambdas.Select(_ => "---|")));
        for (int level = 0; level < sweep.Levels.Count; level++)
        {
            double discrete = sweep.Levels[level].DiscreteExactEnergy[^1];
            text.AppendLine($"| {G(sweep.Levels[level].MeshSize)} | {E(discrete - continuum)} | " + string.Join(" | ", sweep.Cells[level].Select(c => $"{E(c.Energy[^1] - continuum)} ({E(c.Energy[^1] - discrete)})")) + " |");
        }

        foreach (var level in sweep.FinerLevels ?? [])
        {
            text.AppendLine($"| {G(level.MeshSize)} (nodal exact flow only) | {E(level.DiscreteExactEnergy[^1] - continuum)} | " + string.Join(" | ", sweep.Lambdas.Select(_ => "—")) + " |");
        }

        text.AppendLine();
    }

    private static string Dominance(GammaMeshSweep sweep, double[] hPart, double[][] lambdaPart)
    {
        var parts = new List<string>();
        for (int level = 0; level < sweep.Levels.Count; level++)
        {
            int lambdaDominates = lambdaPart[level].Count(v => v > hPart[level]);
            parts.Add(lambdaDominates == 0
                ? $"h = {G(sweep.Levels[level].MeshSize)}: h part at every λ"
                : lambdaDominates == sweep.Lambdas.Count
                    ? $"h = {G(sweep.Levels[level].MeshSize)}: λ part at every λ"
                    : $"h = {G(sweep.Levels[level].MeshSize)}: λ part for λ ≥ {G(sweep.Lambdas[lambdaDominates - 1])}, h part below");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The diagonal (h_k, λ_k) → 0 that ends at the finest mesh and the smallest λ (level k with the
    /// λ that many places from the end): total error along it and the energy liminf against the continuum.
    /// </summary>
    private static string AppendDiagonal(StringBuilder text, GammaMeshSweep sweep, double[] h, double[][] total, string parameterName, List<string> failures)
    {
        int count = Math.Min(h.Length, sweep.Lambdas.Count);
        int levelOffset = h.Length - count, lambdaOffset = sweep.Lambdas.Count - count;
        h = h[levelOffset..];
        total = total[levelOffset..];
        double[] diagonal = [.. Enumerable.Range(0, count).Select(k => total[k][lambdaOffset + k])];
        string pairs = string.Join(", ", Enumerable.Range(0, count).Select(k => $"({G(h[k])}, {G(sweep.Lambdas[lambdaOffset + k])})"));
        var analysis = GammaSweepAnalysis.Of(h[..count], diagonal);
        text.AppendLine($"- diagonal (h, λ) = {pairs} → 0 together: total {string.Join(", ", diagonal.Select(E))}; {analysis.Describe(h[..count], "sup L¹", parameterName)}");
        bool decreasing = diagonal.Zip(diagonal.Skip(1)).All(p => p.Second < p.First);
        if (!decreasing)
        {
            failures.Add($"{sweep.Name}: the total error does not decrease along the diagonal: {string.Join(", ", diagonal.Select(E))}");
        }

        if (count < 3)
        {
            return $"diagonal total {E(diagonal[0])} → {E(diagonal[^1])}";
        }

        // liminf E(μ_{h_k,λ_k}(t)) ≥ E(μ(t)) against the continuum energy. τ = 1e-6 of the energy the
        // continuum flow dissipates: the energies are evaluated without time quadrature, so only the reaction
        // integrator (1e-8 on log u per step, ≤ 20 steps) and the continuum's quadrature (round-off) move them, less.
        double tolerance = EnergyTolerance * Math.Abs(sweep.ContinuumEnergy[0] - sweep.ContinuumEnergy[^1]);
        // The gap E_h(u_{h,λ}) − E(u) is the λ part E_h(u_{h,λ}) − E_h(u_h) plus the h part E_h(u_h) − E(u):
        // they decay at different rates (and may have opposite signs), so each is extrapolated on its own.
        var checks = sweep.Times.Select((t, j) => LiminfCheck.JudgeSplit(
            $"E(μ_{{h,λ}}(t)) ≥ E(μ(t)) at t = {G(t)}", sweep.ContinuumEnergy[j],
            [.. Enumerable.Range(0, count).Select(k => sweep.Cells[levelOffset + k][lambdaOffset + k].Energy[j] - sweep.Levels[levelOffset + k].DiscreteExactEnergy[j])],
            [.. Enumerable.Range(0, count).Select(k => sweep.Levels[levelOffset + k].DiscreteExactEnergy[j] - sweep.ContinuumEnergy[j]),
                .. (sweep.FinerLevels ?? []).Select(l => l.DiscreteExactEnergy[j] - sweep.ContinuumEnergy[j])],
            tolerance + (1e-12 * Math.Abs(sweep.ContinuumEnergy[j])), firstName: "λ part", secondName: "h part")).ToList();
        int holds = checks.Count(c => c.Verdict == LiminfVerdict.Holds), fails = checks.Count(c => c.Verdict == LiminfVerdict.Fails), open = checks.Count - holds - fails;
        var last = checks[^1];
        int finer = sweep.FinerLevels?.Count ?? 0;
        string hSequence = finer == 0 ? "" : $" (the h part's sequence continued on {finer} finer meshes, nodal exact flow only: it depends on h alone)";
        text.AppendLine($"- theorem check along the diagonal (the energy's lower semicontinuity at the measure level, against the continuum flow; the lower limits of the λ part and of the h part of the gap estimated separately from their last {LowerLimitEstimator.TailLength(count)} values{hSequence} and added, τ = {EnergyTolerance:G} × (E(u(0)) − E(u(T))) = {E(tolerance)}): holds at {holds} of {checks.Count} output times, fails at {fails}, inconclusive at {open}; at T: {last.Describe()}");
        foreach (var check in checks.Where(c => c.Verdict == LiminfVerdict.Fails))
        {
            failures.Add($"{sweep.Name}: {check.Describe()}");
        }

        return $"diagonal total {E(diagonal[0])} → {E(diagonal[^1])}; energy liminf along it holds at {holds} of {checks.Count} times, fails at {fails}, inconclusive at {open}";
    }

    private static void WritePlots(string directory, string stem, GammaMeshSweep sweep, double[] h, double[] hPart, double[][] total, double[][] lambdaPart)
    {
        var lambdas = sweep.Lambdas;
        var totals = new List<NamedCurve>();
        var parts = new List<NamedCurve>();
        for (int level = 0; level < h.Length; level++)
        {
            totals.Add(new NamedCurve($"total, h = {G(h[level])}", lambdas, total[level]));
            totals.Add(new NamedCurve($"h part, h = {G(h[level])}", [lambdas[0], lambdas[^1]], [hPart[level], hPart[level]]));
            parts.Add(new NamedCurve($"h = {G(h[level])}", lambdas, lambdaPart[level]));
        }

        CurvePlot.Write(Path.Combine(directory, $"{stem}-total.png"), totals, new CurvePlotLabels($"{sweep.Name}: total error vs λ (flat lines: h part)", "λ", "sup_t ‖u_{h,λ} − u‖₁", AlwaysShowLegend: true), logX: true, logY: true);
        CurvePlot.Write(Path.Combine(directory, $"{stem}-lambda-part.png"), parts, new CurvePlotLabels($"{sweep.Name}: λ part vs λ, one curve per mesh", "λ", "sup_t ‖u_{h,λ} − u_h‖₁", AlwaysShowLegend: true), logX: true, logY: true);
        var byH = new List<NamedCurve> { new("h part", h, hPart) };
        byH.AddRange(lambdas.Select((l, k) => new NamedCurve($"total, λ = {G(l)}", h, [.. total.Select(row => row[k])])));
        CurvePlot.Write(Path.Combine(directory, $"{stem}-h-part.png"), byH, new CurvePlotLabels($"{sweep.Name}: h part and totals vs h", "h", "sup_t L¹ error", AlwaysShowLegend: true), logX: true, logY: true);
    }

    private static string E(double value) => value.ToString("E3", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
