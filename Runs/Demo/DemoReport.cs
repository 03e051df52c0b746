using System.Globalization;
using System.Text;

namespace PdeFlows.Runs.Demo;

/// <summary>The demo's Markdown report (DIR/README.md): the pictures, the numbers they show, the λ table, and where every file is.</summary>
public static class DemoReport
{
    /// <summary>Writes the report text.</summary>
    /// <param name="outcome">The demo's outcome (paths and numbers).</param>
    /// <param name="flows">(label, run) of the three flows of the bimodal case.</param>
    /// <param name="exact">The exact reference run of the λ sweep.</param>
    /// <param name="kernelReactionTolerance">The reaction tolerance of the kernel cases (their <c>[solver] reaction_tolerance</c>).</param>
    /// <returns>The Markdown text; links are relative to the demo folder.</returns>
    public static string Write(DemoOutcome outcome, IReadOnlyList<(string Label, DemoRun Run)> flows, DemoRun exact, double kernelReactionTolerance)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(exact);
        var inv = CultureInfo.InvariantCulture;
        string Relative(string path) => Path.GetRelativePath(outcome.OutputDirectory, path).Replace('\\', '/');
        string Figure(string name) => Relative(outcome.Figures.First(f => Path.GetFileName(f) == name));
        var main = flows[^1].Run;
        double end = main.Times[^1];
        double half = 0.5 * outcome.TargetRightModeMass;

        var text = new StringBuilder();
        text.AppendLine("# PdeFlows demo");
        text.AppendLine();
        text.AppendLine(inv, $"Written by `pdeflows demo` in {outcome.WallSeconds:F1} s. The case files are in [cases/](cases/) and rerun with `pdeflows run`.");
        text.AppendLine();
        text.AppendLine("## 1. A bimodal target: transport, reaction, and both");
        text.AppendLine();
        text.AppendLine("The target π has two Gaussian modes (σ = 0.5) at x = −2.5 and x = 2.5 on the rectangle [−4, 4] × [−2, 2],");
        text.AppendLine(inv, $"the right one twice as heavy (its half holds {outcome.TargetRightModeMass:F3} of π's mass). The initial density sits in the left mode only.");
        text.AppendLine(inv, $"Three flows of KL(u | π) on the same {main.Mesh.VertexCount}-node P1 mesh, {main.Steps} steps to t = {end:G3}: **w** (transport only, β = 0),");
        text.AppendLine("**sfr** (spherical Fisher–Rao reaction only, α = 0) and **swfr** (both, α = β = 1).");
        text.AppendLine();
        text.AppendLine(inv, $"![initial density and target]({Figure("initial-and-target.png")})");
        text.AppendLine();
        text.AppendLine("Density snapshots, one row per flow, all panels on one colour scale:");
        text.AppendLine();
        text.AppendLine(inv, $"![density snapshots]({Figure("snapshots.png")})");
        text.AppendLine();
        text.AppendLine("Mass in the right half (x ≥ 0) over time, against the target's:");
        text.AppendLine();
        text.AppendLine(inv, $"![right-mode mass]({Figure("right-mode-mass.png")})");
        text.AppendLine();
        text.AppendLine("| flow | mass in x ≥ 0 at t = " + end.ToString("G3", inv) + " | first output time with half the target's mass there | KL(u(T) \\| π) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (label, run) in flows)
        {
            var right = run.RegionMass(Demonstration.RightRegion);
            int reached = Array.FindIndex(right, m => m >= half);
            string when = reached < 0 ? $"not by t = {end.ToString("G3", inv)}" : run.Times[reached].ToString("G3", inv);
            text.AppendLine(inv, $"| {label} | {right[^1]:F4} | {when} | {run.Energy[^1].ToString("0.00e+00", inv)} |");
        }

        text.AppendLine(inv, $"| target π | {outcome.TargetRightModeMass:F4} | | 0 |");
        text.AppendLine();
        text.AppendLine("Transport alone has to carry mass through the low-density gap between the modes and barely starts");
        text.AppendLine("to; the reaction grows the right mode where it is, but from the tiny mass the initial density has");
        text.AppendLine("there, so alone it waits until that seed has grown; together, diffusion puts a seed in the right");
        text.AppendLine("mode quickly and the reaction grows it: swfr moves the mass fastest.");
        text.AppendLine();
        text.AppendLine("Energy and dissipation over time (log scale): the energy decreases along every flow; the dissipation peaks while mass moves between the modes:");
        text.AppendLine();
        text.AppendLine(inv, $"![energy and dissipation]({Figure("energy-dissipation.png")})");
        text.AppendLine();
        text.AppendLine("## 2. The kernel-approximate flow as λ → 0");
        text.AppendLine();
        text.AppendLine(inv, $"The same target on a coarser mesh ({exact.Mesh.VertexCount} nodes, {exact.Steps} steps to t = {exact.Times[^1]:G3}) from a broad initial density");
        text.AppendLine("that has mass near both modes. The spherical WFR flow with the exact reaction is the reference; the");
        text.AppendLine("kernel-approximate flow replaces the reaction rate log(u/π) − ⟨·⟩ by its RKHS projection");
        text.AppendLine("(`reaction = \"kernel-fr-spherical\"`, Gaussian kernel σ = 0.5) and keeps the same transport, mesh and time grid,");
        text.AppendLine("so the difference is the kernel error alone. Errors are the sup over the output times of the lumped L¹");
        text.AppendLine("distance Σ mᵢ |u_λ − u|ᵢ and of the energy gap |E(u_λ) − E(u)|. (The kernel case files integrate the");
        text.AppendLine(inv, $"reaction at the local tolerance `[solver] reaction_tolerance = {kernelReactionTolerance.ToString("0e-0", inv)}` instead of the default 1e-11, meant for studies down to λ = 1e-8;");
        text.AppendLine("`pdeflows run` on them gives these numbers exactly.)");
        text.AppendLine();
        text.AppendLine(outcome.Table.ToMarkdown().TrimEnd());
        text.AppendLine();
        double slope = outcome.Table.FittedOrder(LambdaSweep.SupL1);
        text.AppendLine(inv, $"Fitted slope of log(sup L¹) against log λ: {slope:F2} (reported, not assumed: the theorem behind it, evolutionary Γ-convergence, has no rate).");
        text.AppendLine();
        text.AppendLine(inv, $"![lambda convergence]({Figure("lambda-convergence.png")})");
        text.AppendLine();
        text.AppendLine("## Files");
        text.AppendLine();
        text.AppendLine("| what | where |");
        text.AppendLine("|---|---|");
        foreach (string file in outcome.CaseFiles)
        {
            text.AppendLine($"| case file | [{Relative(file)}]({Relative(file)}) |");
        }

        foreach (string directory in outcome.ResultDirectories)
        {
            text.AppendLine($"| result (open `result.xdmf` in ParaView) | `{Relative(directory)}/` |");
        }

        foreach (string file in outcome.TableFiles)
        {
            text.AppendLine($"| λ table | [{Relative(file)}]({Relative(file)}) |");
        }

        text.AppendLine();
        text.AppendLine("Rerun one case and plot it: `pdeflows run cases/bimodal-swfr.toml --out swfr --summary swfr.json`, then `pdeflows plot swfr`.");
        return text.ToString();
    }
}
