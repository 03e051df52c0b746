using PdeFlows.Flows.Problems;
using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Flows.Diagnostics;

/// <summary>
/// Collects the per-output-time quantities of interfaces.md (energy, mass, mean, covariance,
/// dissipation, EDB defect, minimum density, region masses, probe values) and turns them into the
/// <see cref="RunSummary"/>. Its content round-trips through plain named arrays
/// (<see cref="ToQuantities"/> / <see cref="Restore"/>) so checkpoints can carry it.
/// </summary>
public sealed class SummaryRecorder
{
    private readonly FlowProblem problem;
    private readonly List<double> times = [];
    private readonly List<double> energy = [];
    private readonly List<double> mass = [];
    private readonly List<double[]> mean = [];
    private readonly List<double[][]> covariance = [];
    private readonly List<double> dissipation = [];
    private readonly List<double> edbDefect = [];
    private readonly List<double> minDensity = [];
    private readonly Dictionary<string, List<double>> regions;
    private readonly List<double[]> probeValues = [];
    private readonly double[][] probePoints;

    /// <summary>Creates an empty recorder for <paramref name="problem"/>.</summary>
    public SummaryRecorder(FlowProblem problem)
    {
        this.problem = problem;
        regions = problem.Regions.ToDictionary(r => r.Name, _ => new List<double>());
        probePoints = problem.Definition.Output.Probes.Select(p => p.ToArray()).ToArray();
    }

    /// <summary>Number of output times recorded.</summary>
    public int Count => times.Count;

    /// <summary>Records the quantities of one snapshot.</summary>
    public void Record(FlowSnapshot snapshot)
    {
        var moments = DensityMoments.Compute(problem.Mesh, snapshot.Density);
        times.Add(snapshot.Time);
        energy.Add(snapshot.Energy);
        mass.Add(snapshot.Mass);
        mean.Add(moments.Mean);
        covariance.Add(moments.Covariance);
        dissipation.Add(snapshot.Dissipation);
        edbDefect.Add(snapshot.EdbDefect);
        minDensity.Add(snapshot.MinDensity);
        foreach (var (name, region) in problem.Regions)
        {
            regions[name].Add(region.Integrate(snapshot.Density));
        }

        probeValues.Add(probePoints.Select(p => problem.Space.Evaluate(snapshot.Density, p)).ToArray());
    }

    /// <summary>The summary file content.</summary>
    public RunSummary ToSummary(string version, int steps, double wallSeconds, IReadOnlyDictionary<string, object>? run = null) => new()
    {
        Case = problem.Definition.Name,
        Version = version,
        Dofs = problem.Mesh.VertexCount,
        Cells = problem.Mesh.CellCount,
        Steps = steps,
        WallSeconds = wallSeconds,
        Times = [.. times],
        Energy = [.. energy],
        Mass = [.. mass],
        Mean = [.. mean],
        Covariance = [.. covariance],
        Dissipation = [.. dissipation],
        EdbDefect = [.. edbDefect],
        MinDensity = [.. minDensity],
        Regions = regions.ToDictionary(r => r.Key, r => r.Value.ToArray()),
        Probes = new ProbeSeries(probePoints, [.. probeValues]),
        Run = run,
    };

    /// <summary>The recorded series as named arrays with shapes (first axis: output time), for checkpoints and result files.</summary>
    public IReadOnlyDictionary<string, (double[] Values, int[] Shape)> ToQuantities()
    {
        int k = times.Count, d = problem.Mesh.Dimension, p = probePoints.Length;
        var result = new Dictionary<string, (double[] Values, int[] Shape)>
        {
            ["energy"] = ([.. energy], [k]),
            ["mass"] = ([.. mass], [k]),
            ["mean"] = (mean.SelectMany(v => v).ToArray(), [k, d]),
            ["covariance"] = (covariance.SelectMany(c => c.SelectMany(r => r)).ToArray(), [k, d, d]),
            ["dissipation"] = ([.. dissipation], [k]),
            ["edb_defect"] = ([.. edbDefect], [k]),
            ["min_density"] = ([.. minDensity], [k]),
            ["probes"] = (probeValues.SelectMany(v => v).ToArray(), [k, p]),
        };
        foreach (var (name, values) in regions)
        {
            result[RegionQuantityPrefix + name] = ([.. values], [k]);
        }

        return result;
    }

    /// <summary>The output times recorded so far.</summary>
    public double[] Times => [.. times];

    /// <summary>Prefix of the region-mass quantities in <see cref="ToQuantities"/>.</summary>
    public const string RegionQuantityPrefix = "region.";

    /// <summary>Replaces the content by <paramref name="quantities"/> at <paramref name="outputTimes"/> (the inverse of <see cref="ToQuantities"/>).</summary>
    public void Restore(IReadOnlyList<double> outputTimes, IReadOnlyDictionary<string, double[]> quantities)
    {
        int k = outputTimes.Count, d = problem.Mesh.Dimension, p = probePoints.Length;
        double[] Get(string name, int length) =>
            quantities.TryGetValue(name, out var v) && v.Length == length ? v
            : throw new InvalidDataException($"the saved series '{name}' is missing or has the wrong length (expected {length})");
        times.Clear();
        times.AddRange(outputTimes);
        Reset(energy, Get("energy", k));
        Reset(mass, Get("mass", k));
        Reset(dissipation, Get("dissipation", k));
        Reset(edbDefect, Get("edb_defect", k));
        Reset(minDensity, Get("min_density", k));
        var meanValues = Get("mean", k * d);
        var covarianceValues = Get("covariance", k * d * d);
        var probeFlat = Get("probes", k * p);
        mean.Clear();
        covariance.Clear();
        probeValues.Clear();
        for (int i = 0; i < k; i++)
        {
            mean.Add(meanValues.AsSpan(i * d, d).ToArray());
            covariance.Add(Enumerable.Range(0, d).Select(r => covarianceValues.AsSpan((i * d * d) + (r * d), d).ToArray()).ToArray());
            probeValues.Add(probeFlat.AsSpan(i * p, p).ToArray());
        }

        foreach (var name in regions.Keys)
        {
            Reset(regions[name], Get(RegionQuantityPrefix + name, k));
        }
    }

    private static void Reset(List<double> list, double[] values)
    {
        list.Clear();
        list.AddRange(values);
    }
}
