using System.Diagnostics;
using PdeFlows.IO;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Demo;

/// <summary>
/// <c>pdeflows demo</c>: a small end-to-end run and study. It solves the bimodal spherical WFR case
/// and, for contrast, the same case with transport only (<c>w</c>) and reaction only (<c>sfr</c>);
/// then a λ sweep of the kernel-approximate flow against the exact one. It writes into one folder:
/// <c>cases/</c> (the case files, rerunnable with <c>pdeflows run</c>), <c>runs/</c> (one HDF5 +
/// XDMF result directory per run), <c>figures/</c> (PNG), <c>lambda-sweep.md</c> and <c>.csv</c>,
/// and the report <c>README.md</c>. Every run goes through <see cref="CaseRunSession"/>, as
/// <c>pdeflows run</c> does, on the case text written to <c>cases/</c>: rerunning a written case file
/// gives the same numbers (the kernel cases carry their reaction tolerance, <c>[solver] reaction_tolerance</c>).
/// </summary>
public static class Demonstration
{
    /// <summary>The region whose mass shows the transfer between the modes (x ≥ 0, the heavier mode).</summary>
    public const string RightRegion = "right";

    /// <summary>Runs the demo into <paramref name="outputDirectory"/> (created if needed; earlier demo files are replaced).</summary>
    /// <param name="outputDirectory">The demo folder.</param>
    /// <param name="options">Choices (default <see cref="DemoOptions.Default"/>).</param>
    /// <param name="cancellation">Stops the runs between steps.</param>
    /// <returns>What was written, with the numbers of the report.</returns>
    public static DemoOutcome Run(string outputDirectory, DemoOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= DemoOptions.Default;
        var clock = Stopwatch.StartNew();
        string root = Path.GetFullPath(outputDirectory);
        string cases = Directory.CreateDirectory(Path.Combine(root, "cases")).FullName;
        string runs = Directory.CreateDirectory(Path.Combine(root, "runs")).FullName;
        string figures = Directory.CreateDirectory(Path.Combine(root, "figures")).FullName;
        var caseFiles = new List<string>();
        var resultDirectories = new List<string>();

        // Case files are written first (in order); the runs are independent and go in parallel.
        (string Text, string Path, string Run) Prepare(string fileName, string text, string runName)
        {
            text = options.CaseTextFilter?.Invoke(text) ?? text;
            string casePath = Path.Combine(cases, fileName);
            File.WriteAllText(casePath, text);
            caseFiles.Add(casePath);
            resultDirectories.Add(Path.Combine(runs, runName));
            return (text, casePath, Path.Combine(runs, runName));
        }

        var jobs = new List<(string Text, string Path, string Run)>
        {
            Prepare(DemoCaseFiles.SphericalWassersteinFisherRao, DemoCaseFiles.Text(DemoCaseFiles.SphericalWassersteinFisherRao), "swfr"),
            Prepare(DemoCaseFiles.Wasserstein, DemoCaseFiles.Text(DemoCaseFiles.Wasserstein), "w"),
            Prepare(DemoCaseFiles.SphericalFisherRao, DemoCaseFiles.Text(DemoCaseFiles.SphericalFisherRao), "sfr"),
            Prepare(DemoCaseFiles.LambdaExact, DemoCaseFiles.Text(DemoCaseFiles.LambdaExact), "lambda-exact"),
        };
        foreach (double lambda in options.Lambdas)
        {
            string tag = DemoCaseFiles.LambdaTag(lambda);
            jobs.Add(Prepare($"lambda-kernel-{tag}.toml", DemoCaseFiles.KernelCaseText(lambda), $"lambda-kernel-{tag}"));
        }

        var results = new DemoRun[jobs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };

        // The slowest jobs (the kernel runs, last) start first.
        Parallel.ForEach(Enumerable.Range(0, jobs.Count).Reverse(), parallel, j =>
        {
            var run = CaseRunSession.Execute(jobs[j].Text, jobs[j].Path, RunOptions(jobs[j].Run), cancellation);
            var result = new DemoRun(run.Record with { WallSeconds = run.TotalSeconds }, run.ResultDirectory!);
            lock (results)
            {
                options.Log?.Invoke($"{result.Name}: {result.Steps} steps, {result.Mesh.VertexCount} nodes, {result.WallSeconds:F1} s -> {result.ResultDirectory}");
            }

            results[j] = result;
        });

        var (swfr, w, sfr, exact) = (results[0], results[1], results[2], results[3]);
        var kernelRuns = options.Lambdas.Select((lambda, i) => (lambda, results[4 + i])).ToList();
        ConvergenceTable table = LambdaSweep.Compare(exact, kernelRuns);
        string tableMarkdown = Path.Combine(root, "lambda-sweep.md");
        string tableCsv = Path.Combine(root, "lambda-sweep.csv");
        File.WriteAllText(tableMarkdown, table.ToMarkdown());
        File.WriteAllText(tableCsv, table.ToCsv());

        (string, DemoRun)[] flows = [("w (α only)", w), ("sfr (β only)", sfr), ("swfr", swfr)];
        var range = DemoFigures.SharedRange([swfr, w, sfr]);
        double targetRight = RightHalfMass(swfr);
        string[] pictures =
        [
            DemoFigures.InitialAndTarget(Path.Combine(figures, "initial-and-target.png"), swfr, range),
            DemoFigures.Snapshots(Path.Combine(figures, "snapshots.png"), flows, options.SnapshotTimes, range),
            DemoFigures.RegionMass(Path.Combine(figures, "right-mode-mass.png"), flows, RightRegion, targetRight),
            DemoFigures.EnergyAndDissipation(Path.Combine(figures, "energy-dissipation.png"), flows),
            DemoFigures.LambdaConvergence(Path.Combine(figures, "lambda-convergence.png"), table),
        ];
        options.Log?.Invoke($"figures: {string.Join(", ", pictures.Select(Path.GetFileName))}");

        var rightMass = flows.ToDictionary(f => f.Item1, f => f.Item2.RegionMass(RightRegion)[^1]);
        string report = Path.Combine(root, "README.md");
        var outcome = new DemoOutcome(root, report, caseFiles, resultDirectories, pictures, table, [tableMarkdown, tableCsv], rightMass, targetRight, 0);
        var finished = outcome with { WallSeconds = clock.Elapsed.TotalSeconds };
        double kernelTolerance = kernelRuns.Count > 0 ? kernelRuns[0].Item2.Record.Definition.Solver.ReactionTolerance : exact.Record.Definition.Solver.ReactionTolerance;
        File.WriteAllText(report, DemoReport.Write(finished, flows, exact, kernelTolerance));
        return finished with { WallSeconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>The demo's runs: result directory replaced if present, files not flushed to disk (a demo is rerun, not resumed), densities kept for the figures.</summary>
    private static CaseRunOptions RunOptions(string resultDirectory) => new()
    {
        ResultDirectory = resultDirectory,
        KeepDensities = true,
        WriterOptions = new ResultWriterOptions { OverwriteExisting = true, FlushToDisk = false },
    };

    /// <summary>Σ mᵢ πᵢ over the nodes with x &gt; 0, plus half of those on x = 0: the target's mass in the right half.</summary>
    private static double RightHalfMass(DemoRun run)
    {
        double mass = 0;
        double[] target = run.Target, lumped = run.LumpedMass;
        for (int i = 0; i < target.Length; i++)
        {
            double x = run.Mesh.Vertex(i)[0];
            double weight = x > 1e-12 ? 1 : x < -1e-12 ? 0 : 0.5;
            mass += weight * lumped[i] * target[i];
        }

        return mass;
    }
}
