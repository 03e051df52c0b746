using System.Collections.Immutable;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// Every examples/*.toml is parsed, shrunk (fewer cells, at most ~100 steps, fewer particles) and run
/// through FlowProblemBuilder + FlowRunner, and one key number is asserted per example. The files are
/// found by globbing: an example without an entry in <see cref="Checks"/> fails.
/// </summary>
public class ExamplesTests
{
    /// <summary>What a check sees: the summary (with the particle block when there is one), the initial and final nodal density, masses, target.</summary>
    public sealed record ExampleRun(CaseDefinition Definition, RunSummary Summary, double[] LumpedMass, double[] Target, double[] Initial, double[] Final);

    /// <summary>File name → its key check.</summary>
    public static readonly IReadOnlyDictionary<string, Action<ExampleRun>> Checks = new Dictionary<string, Action<ExampleRun>>
    {
        ["00-interfaces-example.toml"] = r => AssertMassConserved(r, 1e-9),
        ["01-fr-closed-form.toml"] = r =>
        {
            // u(T) = π^{1−e^{−βT}} u₀^{e^{−βT}} at every node (the exact reaction is the closed form).
            double s = Math.Exp(-r.Definition.Flow.Beta * r.Summary.Times[^1]);
            double worst = 0;
            for (int i = 0; i < r.Final.Length; i++)
            {
                double expected = Math.Pow(r.Target[i], 1 - s) * Math.Pow(r.Initial[i], s);
                worst = Math.Max(worst, Math.Abs(r.Final[i] - expected) / Math.Max(expected, 1e-300));
            }

            Assert.True(worst < 1e-9, $"largest relative deviation from the closed form {worst:E3}");
        },
        ["02-fokker-planck.toml"] = r => AssertEnergyDecreases(r),
        ["03-swfr-1d.toml"] = r =>
        {
            AssertMassConserved(r, 1e-9);
            double[] right = r.Summary.Regions["right"];
            Assert.True(right[^1] > 0.4, $"the right mode should hold most of its target mass 2/3 at the end; got {right[^1]:F4}");
        },
        ["04-swfr-2d-mixture.toml"] = r => AssertEnergyDecreases(r),
        ["05-wfr-unbalanced.toml"] = r => AssertEnergyDecreases(r),
        ["06-kernel-fr-vs-exact.toml"] = r =>
        {
            AssertMassConserved(r, 1e-8);
            AssertEnergyDecreases(r);
        },
        ["07-gmsh-domain.toml"] = r =>
        {
            AssertMassConserved(r, 1e-9);
            double start = r.Summary.Mean[0][0], end = r.Summary.Mean[^1][0];
            Assert.True(end - start > 0.5, $"the mean should move right towards π's mean (≈ 0.35) from {start:F3}; got {end:F3}");
        },
        ["08-svgd-particles.toml"] = r =>
        {
            var particles = r.Summary.Particles ?? throw new Xunit.Sdk.XunitException("no particle block");
            double[] mmd = particles.MmdToMesh;
            Assert.True(mmd[^1] < 0.5 * mmd.Max(), $"the MMD between particles and mesh should fall as both settle on π: {string.Join(", ", mmd.Select(m => m.ToString("G3")))}");
            double meanGap = Math.Abs(particles.Mean[^1][0] - r.Summary.Mean[^1][0]);
            Assert.True(meanGap < 0.25, $"particle and mesh means (x) differ by {meanGap:F3} at the end");
        },
        ["09-reference-swfr-1d.toml"] = r =>
        {
            AssertMassConserved(r, 1e-9);
            AssertEnergyDecreases(r);
        },
    };

    /// <summary>The example files, found by globbing.</summary>
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in ExampleFileNames())
        {
            data.Add(file);
        }

        return data;
    }

    private static string[] ExampleFileNames() =>
        Directory.GetFiles(ExamplesDirectory(), "*.toml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_examples_folder_holds_numbered_case_files()
    {
        string[] files = ExampleFileNames();
        Assert.Contains("00-interfaces-example.toml", files);
        Assert.All(files, f => Assert.Matches(@"^\d\d-[a-z0-9-]+\.toml$", f));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_runs_at_reduced_size_and_passes_its_check(string fileName)
    {
        Assert.True(Checks.TryGetValue(fileName, out var check), $"examples/{fileName} has no check: add one to {nameof(ExamplesTests)}.{nameof(Checks)}");
        string path = Path.Combine(ExamplesDirectory(), fileName);
        var definition = Shrink(CaseFileLoader.Load(path));
        using var problem = FlowProblemBuilder.Build(definition);
        var runner = new FlowRunner(problem, keepDensities: true);
        var final = runner.Run();
        var rows = runner.Recorder.Rows;
        var summary = RunSummary.From(definition, "test", problem.Mesh, rows, RowLayout.Of(runner.Recorder, problem.Mesh.Dimension), runner.Recorder.ProbePoints, final.Step, 0, null);
        var densities = rows.Select(r => r.DensityArray()).ToList();
        if (definition.Particles is not null)
        {
            summary = summary with { Particles = new ParticleCaseRun(problem).Run(runner.OutputTimes, densities) };
        }

        check!(new ExampleRun(definition, summary, problem.Setting.LumpedMass.ToArray(), problem.Setting.Target.ToArray(), problem.Discretization.InitialDensity.ToArray(), densities[^1]));
    }

    [Fact]
    public void A_check_can_fail()
    {
        var definition = CaseFileLoader.Load(Path.Combine(ExamplesDirectory(), "03-swfr-1d.toml"));
        var summary = new RunSummary
        {
            Case = "x", Version = "0", Dofs = 1, Cells = 1, Steps = 1, WallSeconds = 0, Times = [0, 1], Energy = [1, 2], Mass = [1, 1.1],
            Mean = [[0], [0]], Covariance = [[[1]], [[1]]], Dissipation = [0, 0], EdbDefect = [0, 0], MinDensity = [1, 1],
            Regions = new Dictionary<string, double[]> { ["right"] = [0, 0.1] }, Probes = new ProbeSeries([], [[], []]),
        };
        var run = new ExampleRun(definition, summary, [1], [1], [1], [1]);
        Assert.ThrowsAny<Exception>(() => Checks["03-swfr-1d.toml"](run));
    }

    /// <summary>At most ~100 cells per axis in 1-D and 16 in 2-D/3-D, no refinement, at most ~100 steps, at most 100 particles.</summary>
    private static CaseDefinition Shrink(CaseDefinition d)
    {
        int limit = d.Domain.Cells.Length switch { 1 => 100, 2 => 16, _ => 6 };
        var domain = d.Domain with { Cells = d.Domain.Cells.Select(c => Math.Min(c, limit)).ToImmutableArray(), Refine = 0 };
        var time = d.Time with { Step = Math.Max(d.Time.Step, d.Time.End / 100) };
        var particles = d.Particles is null ? null : d.Particles with { Count = Math.Min(d.Particles.Count, 100) };
        return d with { Domain = domain, Time = time, Particles = particles };
    }

    private static void AssertMassConserved(ExampleRun r, double tolerance)
    {
        double worst = r.Summary.Mass.Max(m => Math.Abs(m - r.Summary.Mass[0]));
        Assert.True(worst <= tolerance * r.Summary.Mass[0], $"mass drift {worst:E3} (masses {string.Join(", ", r.Summary.Mass)})");
    }

    private static void AssertEnergyDecreases(ExampleRun r) =>
        Assert.True(r.Summary.Energy[^1] < r.Summary.Energy[0], $"final energy {r.Summary.Energy[^1]:G6} not below the initial {r.Summary.Energy[0]:G6}");

    private static string ExamplesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "examples");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/ not found above the test's base directory");
    }
}
