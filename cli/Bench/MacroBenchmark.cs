using System.Collections.Immutable;
using System.Diagnostics;
using PdeFlows.Discretization.LinearAlgebra;
using SolverKind = PdeFlows.Discretization.LinearAlgebra.LinearSolverKind;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Cli.Bench;

/// <summary>
/// <c>pdeflows bench</c>: end-to-end solves of the benchmark cases (bench/cases/*.toml, docs/performance.md),
/// timed once each, printed as a Markdown table: setup (mesh, assembly), factorization, time per
/// step after it, the part of it in linear solves, and beside it the bound that part is compared
/// against — the bytes the solves must touch at least over the copy bandwidth measured at start.
/// <c>--tiny</c> shrinks every case (CI runs it); <c>--profile</c> splits one case's steps by phase.
/// </summary>
internal static class MacroBenchmark
{
    /// <summary>The benchmark cases, smallest first (file names under bench/cases).</summary>
    private static readonly string[] Suite =
    [
        "swfr-1d-double-well-lie", "swfr-1d-double-well", "swfr-2d-square-lie", "swfr-2d-square",
        "swfr-3d-box-16", "swfr-3d-box-32", "swfr-3d-box-64",
    ];

    public static int Run(TextWriter output, BenchOptions options)
    {
        if (options.Threads is int threads)
        {
            BlockParallel.ThreadCount = threads;
        }

        string folder = CaseFolder(options.CaseFolder);
        double bandwidth = CopyBandwidth.Measure();
        output.WriteLine($"PdeFlows {CommandLineApp.Version} macro benchmarks — {Environment.ProcessorCount} logical cores, {BlockParallel.ThreadCount} threads, .NET {Environment.Version}, copy bandwidth {bandwidth / 1e9:F1} GB/s{(options.Tiny ? ", tiny sizes" : string.Empty)}");
        output.WriteLine();
        if (options.Profile is string profiled)
        {
            return Profile(output, Load(ResolveCase(folder, profiled), options.Tiny), bandwidth);
        }

        output.WriteLine("| case | dofs | steps | setup (s) | factorization (s) | per step (ms) | linear solves per step (ms) | bound: bytes / bandwidth (ms) | CG iterations per solve | linear solver |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var names = options.Quick ? Suite.Where(n => !n.EndsWith("-64", StringComparison.Ordinal)) : Suite;
        var boxes = new List<(double Dofs, double PerStep)>();
        foreach (string name in names)
        {
            var definition = Load(Path.Combine(folder, name + ".toml"), options.Tiny);
            var measurement = Measure(definition, profile: null);
            output.WriteLine(Row(measurement, bandwidth));
            output.Flush();
            if (name.StartsWith("swfr-3d-box", StringComparison.Ordinal))
            {
                boxes.Add((measurement.Dofs, PerStep(measurement)));
            }
        }

        output.WriteLine(Row(Measure(CaseFileLoader.Parse(KernelCase(options.Tiny), "bench:kernel"), profile: null), bandwidth));
        output.WriteLine();
        if (boxes.Select(b => b.Dofs).Distinct().Count() >= 2)
        {
            // Least-squares slope of log(time per step) against log(dofs) over the 3D boxes.
            double mx = boxes.Average(b => Math.Log(b.Dofs)), my = boxes.Average(b => Math.Log(b.PerStep));
            double slope = boxes.Sum(b => (Math.Log(b.Dofs) - mx) * (Math.Log(b.PerStep) - my)) / boxes.Sum(b => Math.Pow(Math.Log(b.Dofs) - mx, 2));
            output.WriteLine($"3D scaling: time per step ∝ dofs^{slope:F2} from {boxes[0].Dofs} to {boxes[^1].Dofs} dofs (least-squares fit over {boxes.Count} boxes).");
            output.WriteLine();
        }

        output.WriteLine("Setup: mesh, target normalization, assembly. Per step: (wall − setup − factorization) / steps, output diagnostics included.");
        output.WriteLine("Bound: the bytes the linear solves must read or write at least per step (factor twice for a direct solve; matrix, preconditioner and vectors per CG iteration) over the measured copy bandwidth.");
        return ExitCodes.Success;
    }

    private static int Profile(TextWriter output, CaseDefinition definition, double bandwidth)
    {
        var profile = new StepProfile();
        var result = Measure(definition, profile);
        output.WriteLine($"Profile of {definition.Name}: {result.Dofs} dofs, {result.Steps} steps ({profile.Steps} tried), {result.Solver}");
        output.WriteLine();
        output.WriteLine("| phase | total (s) | per step (µs) | share of the time loop |");
        output.WriteLine("|---|---:|---:|---:|");
        double loop = result.Wall - result.Setup - result.Factorization;
        void Line(string name, double seconds) =>
            output.WriteLine($"| {name} | {seconds:F3} | {seconds / Math.Max(1, result.Steps) * 1e6:F1} | {100 * seconds / loop:F1}% |");
        Line("setup (mesh, normalization, assembly)", result.Setup);
        Line("analysis and factorizations", result.Factorization);
        Line("reaction", profile.Seconds(StepPhase.Reaction));
        Line("transport: linear solves", result.SolveSeconds);
        Line("transport: right-hand sides, mass correction", profile.Seconds(StepPhase.Transport) - result.SolveSeconds);
        Line("EDB diagnostics (energy, dissipation)", profile.Seconds(StepPhase.Diagnostics));
        Line("per-step callback", profile.Seconds(StepPhase.Callback));
        double accounted = profile.Seconds(StepPhase.Reaction) + profile.Seconds(StepPhase.Transport) + profile.Seconds(StepPhase.Diagnostics) + profile.Seconds(StepPhase.Callback);
        Line("rest (output-time snapshots, loop)", loop - accounted);
        output.WriteLine();
        output.WriteLine($"Linear solves: {result.Solves} solves, {result.SolveBytes / Math.Max(1, result.Steps) / 1e6:F2} MB per step at least, bound {result.SolveBytes / bandwidth / Math.Max(1, result.Steps) * 1e3:F3} ms per step at {bandwidth / 1e9:F1} GB/s.");
        return ExitCodes.Success;
    }

    private sealed record Measurement(string Name, int Dofs, int Steps, int Rejected, double Setup, double Factorization, double Wall,
        double SolveSeconds, double SolveBytes, long Solves, long Iterations, string Solver);

    private static Measurement Measure(CaseDefinition definition, StepProfile? profile)
    {
        var clock = Stopwatch.StartNew();
        using var problem = FlowProblemBuilder.Build(definition);
        var transport = problem.Transport;
        double setup = clock.Elapsed.TotalSeconds - (transport?.FactorizationSeconds ?? 0);
        problem.Solver.Profile = profile;
        var state = new FlowRunner(problem).Run();
        double wall = clock.Elapsed.TotalSeconds;
        string solver = transport is null ? "—" : transport.LinearSolver switch
        {
            SolverKind.Cholmod => "CHOLMOD",
            SolverKind.Managed => "managed Cholesky",
            SolverKind.Pcg => "CG + IC(0)",
            SolverKind.PcgMultigrid => "CG + SA-AMG",
            SolverKind.Banded => "banded LDLᵀ",
            _ => transport.LinearSolver.ToString(),
        };
        return new Measurement(definition.Name, problem.Mesh.VertexCount, state.Step, state.Rejected, setup, transport?.FactorizationSeconds ?? 0, wall,
            transport?.LinearSolveSeconds ?? 0, transport?.LinearSolveBytes ?? 0, transport?.LinearSolves ?? 0, transport?.LinearIterations ?? 0, solver);
    }

    /// <summary>Milliseconds per step after setup and factorization.</summary>
    private static double PerStep(Measurement m) => (m.Wall - m.Setup - m.Factorization) / Math.Max(1, m.Steps) * 1e3;

    private static string Row(Measurement m, double bandwidth)
    {
        double steps = Math.Max(1, m.Steps);
        double perStep = PerStep(m);
        string solves = m.Solves == 0 ? "—" : $"{m.SolveSeconds / steps * 1e3:G3}";
        string bound = m.Solves == 0 ? "—" : $"{m.SolveBytes / bandwidth / steps * 1e3:G3}";
        string iterations = m.Iterations == 0 ? "—" : $"{(double)m.Iterations / m.Solves:F1}";
        string rejected = m.Rejected > 0 ? $" ({m.Rejected} rejected)" : string.Empty;
        return $"| {m.Name} | {m.Dofs} | {m.Steps}{rejected} | {m.Setup:F2} | {m.Factorization:F2} | {perStep:F3} | {solves} | {bound} | {iterations} | {m.Solver} |";
    }

    /// <summary>The case file, shrunk for <c>--tiny</c>: at most 40 cells per axis in 1D, 12 in 2D, 5 in 3D, and 20 steps.</summary>
    private static CaseDefinition Load(string path, bool tiny)
    {
        var definition = CaseFileLoader.Load(path);
        if (!tiny)
        {
            return definition;
        }

        int cap = definition.Domain.Cells.Length switch { 1 => 40, 2 => 12, _ => 5 };
        double end = Math.Min(definition.Time.End, 20 * definition.Time.Step);
        return definition with
        {
            Domain = definition.Domain with { Cells = definition.Domain.Cells.Select(c => Math.Min(c, cap)).ToImmutableArray() },
            Time = definition.Time with { End = end },
            Output = definition.Output with { Times = [0, end] },
        };
    }

    private static string CaseFolder(string? requested)
    {
        if (requested is not null)
        {
            return Directory.Exists(requested) ? requested
                : throw new UserError($"--cases: the folder '{requested}' does not exist", "give the folder holding the benchmark case files (bench/cases in the repository)");
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "bench", "cases");
            if (File.Exists(Path.Combine(candidate, Suite[0] + ".toml")))
            {
                return candidate;
            }
        }

        throw new UserError("the benchmark case files (bench/cases/*.toml) were not found above the current folder", "run from the repository, or pass --cases DIR");
    }

    private static string ResolveCase(string folder, string name)
    {
        if (File.Exists(name))
        {
            return name;
        }

        string inFolder = Path.Combine(folder, name.EndsWith(".toml", StringComparison.Ordinal) ? name : name + ".toml");
        return File.Exists(inFolder) ? inFolder
            : throw new UserError($"--profile: no case file '{name}' (nor {inFolder})", $"name a file, or one of: {string.Join(", ", Suite)}");
    }

    private static string KernelCase(bool tiny) => $"""
        name = "kernel-sfr-2d-{(tiny ? 8 : 20)}"
        [domain]
        kind = "rectangle"
        lower = [-3.0, -3.0]
        upper = [3.0, 3.0]
        cells = [{(tiny ? 8 : 20)}, {(tiny ? 8 : 20)}]
        [target]
        density = "exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)"
        [initial]
        density = "exp(-((x-1)^2+(y+1)^2)/2)"
        mass = 1.0
        [flow]
        kind = "sfr"
        reaction = "kernel-fr-spherical"
        [kernel]
        kind = "gaussian"
        bandwidth = 0.5
        lambda = 1e-6
        [time]
        end = {(tiny ? "0.04" : "0.2")}
        step = 1e-2
        [output]
        times = [0, {(tiny ? "0.04" : "0.2")}]
        """;
}

/// <summary>The options of <c>pdeflows bench</c>.</summary>
/// <param name="Quick">Leave out the largest case (the 64³ box).</param>
/// <param name="Tiny">Shrink every case to a few cells and steps (for CI).</param>
/// <param name="CaseFolder">Where the case files are (default: bench/cases above the current folder).</param>
/// <param name="Profile">A case to split by phase instead of the table.</param>
/// <param name="Threads">Threads for the parallel loops (default: all cores).</param>
internal sealed record BenchOptions(bool Quick, bool Tiny, string? CaseFolder, string? Profile, int? Threads);

/// <summary>
/// The memory copy bandwidth (read + write bytes per second) on a buffer far larger than the caches,
/// copied by as many threads as the solves use (one thread alone does not saturate the memory).
/// </summary>
internal static class CopyBandwidth
{
    public static double Measure()
    {
        const int Length = 16 << 20; // 16 M doubles = 128 MB per buffer
        var source = new double[Length];
        var target = new double[Length];
        source.AsSpan().Fill(1);
        int threads = BlockParallel.ThreadCount;
        int chunk = Length / threads;
        double best = double.PositiveInfinity;
        for (int repeat = 0; repeat < 5; repeat++)
        {
            long start = Stopwatch.GetTimestamp();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                source.AsSpan(t * chunk, t == threads - 1 ? Length - (t * chunk) : chunk).CopyTo(target.AsSpan(t * chunk)));
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return 2.0 * Length * sizeof(double) / best;
    }


}
