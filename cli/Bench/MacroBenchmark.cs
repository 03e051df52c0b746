using System.Diagnostics;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Cli.Bench;

/// <summary>
/// <c>pdeflows bench</c>: end-to-end solves of typical cases, timed once each (wall time, the
/// transport factorization, time per step after it), printed as a Markdown table. One run each on
/// a shared machine is noisy; the BenchmarkDotNet project under bench/ gives statistics for kernels.
/// </summary>
internal static class MacroBenchmark
{
    /// <summary>A benchmark case: a name and its case-file text.</summary>
    private sealed record BenchCase(string Name, string Text);

    public static int Run(TextWriter output, bool quick)
    {
        int n = quick ? 100 : 200;
        var cases = new[]
        {
            new BenchCase($"swfr 2D {n}×{n} lie-ie, 400 steps", Square(n, "swfr", "lie-ie", "exact")),
            new BenchCase($"swfr 2D {n}×{n} strang, 400 steps", Square(n, "swfr", "strang", "exact")),
            new BenchCase($"w 2D {n}×{n} lie-ie, 400 steps", Square(n, "w", "lie-ie", "exact")),
            new BenchCase("sfr 2D 20×20 kernel-fr-spherical λ=1e-6, 20 steps", KernelCase()),
        };
        output.WriteLine($"PdeFlows {CommandLineApp.Version} macro benchmarks — {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
        output.WriteLine();
        output.WriteLine("| case | dofs | steps | wall (s) | factorization (s) | per step after factorization (ms) | linear solver |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var bench in cases)
        {
            var definition = CaseFileLoader.Parse(bench.Text, $"bench:{bench.Name}");
            var clock = Stopwatch.StartNew();
            using var problem = FlowProblemBuilder.Build(definition);
            var state = new FlowRunner(problem).Run();
            double wall = clock.Elapsed.TotalSeconds;
            double factorization = problem.Transport?.FactorizationSeconds ?? 0;
            double perStep = (wall - factorization) / Math.Max(1, state.Step) * 1e3;
            output.WriteLine($"| {bench.Name} | {problem.Mesh.VertexCount} | {state.Step} | {wall:F2} | {factorization:F2} | {perStep:F2} | {problem.Transport?.LinearSolverDescription ?? "—"} |");
        }

        output.WriteLine();
        output.WriteLine("Wall time includes building the mesh, assembling, the factorization and the per-output diagnostics.");
        return ExitCodes.Success;
    }

    private static string Square(int n, string kind, string scheme, string reaction) => $"""
        name = "bench-{kind}-{scheme}"
        [domain]
        kind = "rectangle"
        lower = [-3.0, -3.0]
        upper = [3.0, 3.0]
        cells = [{n}, {n}]
        [target]
        density = "exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)"
        [initial]
        density = "exp(-((x-1)^2+(y+1)^2)/0.3)"
        mass = 1.0
        [flow]
        kind = "{kind}"
        reaction = "{reaction}"
        [time]
        end = 0.4
        step = 1e-3
        scheme = "{scheme}"
        [output]
        times = [0, 0.4]
        """;

    private static string KernelCase() => """
        name = "bench-kernel-sfr"
        [domain]
        kind = "rectangle"
        lower = [-3.0, -3.0]
        upper = [3.0, 3.0]
        cells = [20, 20]
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
        end = 0.2
        step = 1e-2
        [output]
        times = [0, 0.4]
        """;
}
