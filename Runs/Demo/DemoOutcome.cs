using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Demo;

/// <summary>Everything <see cref="Demonstration.Run"/> produced, with the numbers its report quotes.</summary>
/// <param name="OutputDirectory">The demo folder, absolute.</param>
/// <param name="ReportPath">The Markdown report (OutputDirectory/README.md).</param>
/// <param name="CaseFiles">The case files written to OutputDirectory/cases/.</param>
/// <param name="ResultDirectories">One result directory (HDF5 + XDMF) per run, under OutputDirectory/runs/.</param>
/// <param name="Figures">The PNG pictures, under OutputDirectory/figures/.</param>
/// <param name="Table">The λ sweep's convergence table.</param>
/// <param name="TableFiles">The table as Markdown and CSV files.</param>
/// <param name="RightModeMass">Flow label → the mass in the right half at the end time.</param>
/// <param name="TargetRightModeMass">The target's mass in the right half.</param>
/// <param name="WallSeconds">Wall-clock seconds of the whole demo.</param>
public sealed record DemoOutcome(
    string OutputDirectory,
    string ReportPath,
    IReadOnlyList<string> CaseFiles,
    IReadOnlyList<string> ResultDirectories,
    IReadOnlyList<string> Figures,
    ConvergenceTable Table,
    IReadOnlyList<string> TableFiles,
    IReadOnlyDictionary<string, double> RightModeMass,
    double TargetRightModeMass,
    double WallSeconds);
