using System.Diagnostics;
using System.Text;
using PdeFlows.Discretization.Norms;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.ClosedForms;
using PdeFlows.Verification.Gamma;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>
/// The built-in study <c>gamma-fr-mesh</c> (kernel.md §5 point 7): the measure-level limit of
/// spherical λ-FRk. On a fixed node set λ → 0 is linear algebra in ℝ^N; here λ → 0 together with mesh
/// refinement (5 levels in 1D, 5 in 2D), every run against the continuum exact SFR flow of KL
/// (<see cref="ContinuumRelativeEntropyFlow"/>: the closed form evaluated exactly, its normalization by
/// a mesh-independent quadrature), with the error split into its h part (the exact SFR flow on the
/// nodes, i.e. its nodal closed form, against the continuum) and its λ part (the kernel flow against
/// the exact flow on the same nodes). Runs go through the one <see cref="FlowRunner"/> in parallel; the
/// errors are computed afterwards (<see cref="GammaMeshReport"/>).
/// </summary>
public static class GammaMeshStudy
{
    /// <summary>The built-in name.</summary>
    public const string Name = "gamma-fr-mesh";

    /// <summary>One line for the list of built-ins.</summary>
    public const string Description = "spherical λ-FRk with λ → 0 and mesh refinement (1D: 5 levels, 2D: 5) against the continuum SFR flow of KL; (h, λ) tables, h/λ split";

    /// <summary>The setup, for the results page (configuration only).</summary>
    public const string Setup = """
        Spherical λ-FRk (KL, β = 1) on a sequence of meshes and a λ sweep, every run against the continuum
        exact SFR flow u(t) ∝ π^{1−e^{−t}} u₀^{e^{−t}} evaluated exactly at the quadrature points of the error
        norm (its normalization by a mesh-independent composite Gauss–Legendre rule). 1D: the gamma-fr case
        (double well on [−2.5, 2.5], broad u₀ = N(0, 1)), 25 … 400 cells, λ = 1e-1 … 1e-6, Gaussian kernel
        σ = 0.3, T = 2. 2D: π ∝ exp(−(x² − 1)² − y²) on [−2, 2]², u₀ ∝ exp(−(x² + y²)/1.5), 4² … 64² cells,
        λ = 1e-1 … 1e-5, σ = 0.5, T = 1. Outputs every 0.1 (the errors are sup over them), reaction
        tolerance 1e-8 on log u. Split: h part = the exact SFR flow on the same nodes (its nodal closed form)
        against the continuum (continued on two finer meshes without kernel runs); λ part = the kernel flow
        against that discrete exact flow. Along the diagonal (h_k, λ_k) → 0 ending at the finest pair, the
        energy's liminf is checked against the continuum energy at every output time, the lower limits of
        the λ part and the h part estimated separately (tolerance 1e-6 of the energy dissipated). Exit code 1 if a diagonal
        energy check fails, the total error does not decrease along the diagonal, the h part does not
        decrease with h, or the split breaks the triangle inequality.
        """;

    /// <summary>Runs the study into <paramref name="directory"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The report and the missed checks.</returns>
    public static BuiltinStudyOutcome Run(GammaMeshOptions options, string directory, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        var summaries = new List<string>();
        var sections = new StringBuilder();
        foreach (var sweep in MeasureAll(options, progress, cancellation))
        {
            var (section, summary) = GammaMeshReport.Section(sweep, directory, "h", failures);
            sections.Append(section);
            summaries.Add(summary);
        }

        var report = new StringBuilder();
        report.AppendLine("## Summary (generated)").AppendLine();
        foreach (string summary in summaries)
        {
            report.AppendLine($"- {summary}");
        }

        report.AppendLine().AppendLine(failures.Count == 0 ? "No check failed (exit code 0); inconclusive energy checks are counted per domain above." : $"{failures.Count} check(s) missed (exit code 1): see the sections.").AppendLine();
        report.Append(sections);
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToString());
        return new BuiltinStudyOutcome(Name, report.ToString(), failures);
    }

    /// <summary>Runs every (domain, level, λ) and measures the sweeps.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>One sweep per domain.</returns>
    public static IReadOnlyList<GammaMeshSweep> MeasureAll(GammaMeshOptions options, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jobs = new List<(int Domain, int Level, int Lambda)>();
        for (int d = 0; d < options.Domains.Count; d++)
        {
            for (int level = 0; level < options.Domains[d].Levels.Count; level++)
            {
                for (int k = 0; k < options.Domains[d].Lambdas.Count; k++)
                {
                    jobs.Add((d, level, k));
                }
            }
        }

        // The finest, slowest runs first, so the parallel loop does not end on one long run.
        jobs = [.. jobs.OrderByDescending(j => Math.Pow(options.Domains[j.Domain].Levels[j.Level], options.Domains[j.Domain].Dimension))];
        var runs = new Dictionary<(int, int, int), (FlowRunRecord Run, double Seconds)>();
        var gate = new object();
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, job =>
        {
            var domain = options.Domains[job.Domain];
            double lambda = domain.Lambdas[job.Lambda];
            var clock = Stopwatch.StartNew();
            var definition = CaseFileLoader.Parse(domain.CaseText(domain.Levels[job.Level], lambda, options.ReactionTolerance, options.Beta), $"{Name}-{domain.Name}.toml");
            FlowRunRecord run = FlowRuns.Execute(definition, keepDensities: true, cancellation);
            lock (gate)
            {
                runs[job] = (run, clock.Elapsed.TotalSeconds);
                progress?.WriteLine($"  {domain.Name}, {domain.Levels[job.Level]} cells, λ = {lambda:G1}: {clock.Elapsed.TotalSeconds:F1} s");
            }
        });

        return [.. options.Domains.Select((domain, d) => Measure(options, domain, Enumerable.Range(0, domain.Levels.Count).Select(level => Enumerable.Range(0, domain.Lambdas.Count).Select(k => runs[(d, level, k)]).ToList()).ToList()))];
    }

    private static GammaMeshSweep Measure(GammaMeshOptions options, GammaMeshDomain domain, IReadOnlyList<List<(FlowRunRecord Run, double Seconds)>> runs)
    {
        double[] times = domain.OutputTimes();
        var first = runs[0][0].Run.Definition;
        var quadrature = new BoxQuadrature(domain.Lower, domain.Upper, domain.Dimension == 1 ? 2000 : 160, 6);
        double limitBeta = options.PlantedLimitBeta ?? options.Beta;
        var continuum = new ContinuumRelativeEntropyFlow(quadrature, x => first.Target.Expression.At(x), x => first.Initial.Density.At(x), first.Initial.Mass ?? 1.0, limitBeta, spherical: true);
        var exact = times.Select(continuum.At).ToArray();
        double[] continuumEnergy = [.. times.Select(continuum.Energy)];
        var levels = new List<GammaMeshLevel>();
        var cells = new List<IReadOnlyList<GammaMeshCell>>();
        var energy = runs[0][0].Run.Energy;
        double[][] DiscreteExact(FlowDiscretization discretization) =>
            [.. times.Select(t => FisherRaoClosedForms.SphericalRelativeEntropy(discretization.Setting, discretization.InitialDensity.AsSpan(), limitBeta, t))];
        GammaMeshLevel Level(int levelCells, FlowDiscretization discretization, double[][] discrete) => new(
            levelCells, StudyCaseVariants.LongestEdge(discretization.Space.Mesh), discretization.Space.Mesh.VertexCount,
            [.. times.Select((_, j) => ErrorNorms.L1Error(discretization.Space, discrete[j], exact[j]))],
            [.. discrete.Select(u => energy.Value(u, discretization.Setting))]);
        foreach (var row in runs)
        {
            var discretization = row[0].Run.Discretization;
            var space = discretization.Space;
            double[][] discrete = DiscreteExact(discretization);
            levels.Add(Level(domain.Levels[levels.Count], discretization, discrete));
            cells.Add([.. row.Select(r =>
            {
                double[][] densities = [.. r.Run.Rows.Select(s => s.DensityArray())];
                return new GammaMeshCell(
                    r.Run.Definition.Kernel!.Lambda,
                    [.. times.Select((_, j) => ErrorNorms.L1Error(space, densities[j], exact[j]))],
                    [.. times.Select((_, j) => ErrorNorms.L1Distance(space, densities[j], discrete[j]))],
                    [.. r.Run.Rows.Select(s => s.Energy)],
                    r.Run.Rows[^1].EdbDefect,
                    r.Seconds);
            })]);
        }

        // The h part depends on h alone: the nodal exact flow on further halvings (no kernel runs) continues its sequence.
        var finer = new List<GammaMeshLevel>();
        for (int j = 1; j <= options.FinerHPartLevels; j++)
        {
            int levelCells = domain.Levels[^1] << j;
            var discretization = FlowProblemBuilder.Discretize(CaseFileLoader.Parse(domain.CaseText(levelCells, domain.Lambdas[0], options.ReactionTolerance, options.Beta), $"{Name}-{domain.Name}.toml"));
            finer.Add(Level(levelCells, discretization, DiscreteExact(discretization)));
        }

        return new GammaMeshSweep(domain.Name, domain.Dimension, times, domain.Lambdas, levels, cells, continuumEnergy, finer);
    }
}
