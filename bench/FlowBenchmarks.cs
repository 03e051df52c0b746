using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Bench;

/// <summary>
/// The Flows macro benchmark: a 2D swfr run of KL towards a two-mode mixture on [−3, 3]² with
/// 200 × 200 squares (80 000 triangles, 40 401 nodes), lie-ie, τ = 1e-2, 400 steps. The transport
/// matrix M_π + τα A is factored once; every step is then an exact reaction (one exp/log per node),
/// two triangular solves, and the energy and dissipation diagnostics.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FlowBenchmarks
{
    private FlowProblem problem = null!;

    /// <summary>The case text (also used by the quick mode).</summary>
    public static string CaseText(int cells, int steps, double step = 1e-2) => $$"""
        name = "bench-swfr-2d"
        [domain]
        kind = "rectangle"
        lower = [-3.0, -3.0]
        upper = [3.0, 3.0]
        cells = [{{cells}}, {{cells}}]
        [target]
        density = "exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)"
        [initial]
        density = "exp(-((x-0.25)^2 + (y+1.5)^2)/(2*0.5^2))"
        mass = 1.0
        [flow]
        kind = "swfr"
        alpha = 1.0
        beta = 1.0
        [time]
        end = {{(steps * step).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}
        step = {{step.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}
        scheme = "lie-ie"
        """;

    /// <summary>Builds the problem.</summary>
    public static FlowProblem Build(int cells, int steps) => FlowProblemBuilder.Build(CaseFileLoader.Parse(CaseText(cells, steps), "bench.toml"));

    [GlobalSetup]
    public void Setup()
    {
        problem = Build(200, 400);
        new FlowRunner(problem).Run(); // factors M_π + τA once; later iterations reuse the cached factor
    }

    [GlobalCleanup]
    public void Cleanup() => problem.Dispose();

    /// <summary>Mesh, target normalization, assembly (no factorization: that happens on the first step).</summary>
    [Benchmark]
    public void BuildProblem() => Build(200, 400).Dispose();

    /// <summary>400 steps with the factorization already cached.</summary>
    [Benchmark]
    public void Run400StepsFactored() => new FlowRunner(problem).Run();

    /// <summary>The quick-mode measurement: build, first step (with the factorization), the remaining steps.</summary>
    public static void Quick(int cells = 200, int steps = 400)
    {
        var total = Stopwatch.StartNew();
        using var flow = Build(cells, steps);
        double build = total.Elapsed.TotalSeconds;
        var clock = Stopwatch.StartNew();
        double firstStep = 0;
        var state = new FlowRunner(flow).Run(onStep: s =>
        {
            if (s.Step == 1)
            {
                firstStep = clock.Elapsed.TotalSeconds;
            }
        });
        double run = clock.Elapsed.TotalSeconds;
        var transport = flow.Transport!;
        double perStep = (run - firstStep) / (state.Step - 1);
        Console.WriteLine($"flows 2D swfr {cells}x{cells} squares ({flow.Mesh.CellCount} triangles, {flow.Mesh.VertexCount} nodes), lie-ie, {state.Step} steps:");
        Console.WriteLine($"  build (mesh, normalization, assembly) {build:F3} s; run {run:F3} s; wall {total.Elapsed.TotalSeconds:F3} s");
        Console.WriteLine($"  factorizations {transport.Factorizations} in {transport.FactorizationSeconds:F3} s; first step {firstStep:F3} s; per step after factorization {perStep * 1e3:F2} ms");
        Console.WriteLine($"  linear solver: {transport.LinearSolverDescription}");
    }
}
