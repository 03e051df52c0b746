using System.Collections.Immutable;
using System.Text.Json;
using PdeFlows.Flows;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using static PdeFlows.Runs.Running.RunContentNames;

namespace PdeFlows.Runs.Running;

/// <summary>The shape of the rows of one run: what the per-row arrays hold.</summary>
/// <param name="Dimension">d (mean: d, covariance: d × d).</param>
/// <param name="RegionNames">The output regions, in the order of <see cref="SnapshotRow.RegionMasses"/>.</param>
/// <param name="ProbeCount">The number of probe points.</param>
public sealed record RowLayout(int Dimension, IReadOnlyList<string> RegionNames, int ProbeCount)
{
    /// <summary>The layout of the rows of <paramref name="recorder"/>.</summary>
    /// <param name="recorder">A recorder.</param>
    /// <param name="dimension">The mesh dimension.</param>
    /// <returns>The layout.</returns>
    public static RowLayout Of(SnapshotRecorder recorder, int dimension) => new(dimension, recorder.RegionNames, recorder.ProbePoints.Count);
}

/// <summary>
/// What a flow run puts into its result directory and checkpoints, serialized in one place: the
/// node fields of an output time, the provenance, the rows as the io time series (and back), and a
/// <see cref="RunCheckpoint"/> as the io checkpoint state (and back). The stored names are those of
/// <see cref="RunContentNames"/>; the layout is docs/results-format.md.
/// </summary>
public static class RunContent
{
    /// <summary>
    /// The node fields of an output time: u, g = u/π and log g. π itself is constant (π = u/g);
    /// writing it at every output would add a quarter to the data.
    /// </summary>
    /// <param name="setting">The nodal setting (its target π).</param>
    /// <param name="density">The nodal density (stored as given, not copied).</param>
    /// <returns>Field name → nodal values.</returns>
    public static Dictionary<string, double[]> NodeFields(NodalSetting setting, double[] density)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(density);
        var g = new double[density.Length];
        var logG = new double[density.Length];
        ReadOnlySpan<double> pi = setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            g[i] = density[i] / pi[i];
            logG[i] = Math.Log(g[i]);
        }

        return new Dictionary<string, double[]> { [DensityField] = density, [RatioField] = g, [LogRatioField] = logG };
    }

    /// <summary>The provenance of a run started now: resolved parameters, the particle seed, the linear solver.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="caseText">The case file's text as given.</param>
    /// <returns>The provenance.</returns>
    public static ResultProvenance Provenance(FlowProblem problem, string caseText)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["dimension"] = problem.Mesh.Dimension,
            ["vertices"] = problem.Mesh.VertexCount,
            ["cells"] = problem.Mesh.CellCount,
            ["normalization_constant"] = problem.Discretization.NormalizationConstant,
            ["resolved_case"] = CaseFileWriter.ToToml(problem.Definition),
        });
        // The mesh solver is deterministic; the only random generator is the [particles] section's.
        long[] seeds = problem.Definition.Particles is { } particles ? [particles.Seed] : [];
        return ResultProvenance.ForCurrentProcess(problem.Definition.Name, caseText, parameters, seeds, problem.LinearSolverName);
    }

    /// <summary>The rows as an io time series (first axis: output time).</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="layout">Their layout.</param>
    /// <returns>The series.</returns>
    public static TimeSeries Series(IReadOnlyList<SnapshotRow> rows, RowLayout layout)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(layout);
        int k = rows.Count, d = layout.Dimension, p = layout.ProbeCount;
        ShapedArray Scalars(Func<SnapshotRow, double> value) => new(rows.Select(value).ToArray(), k);
        var quantities = new Dictionary<string, ShapedArray>
        {
            [Step] = Scalars(r => r.Step),
            [Energy] = Scalars(r => r.Energy),
            [Mass] = Scalars(r => r.Mass),
            [Mean] = new(rows.SelectMany(r => r.Mean).ToArray(), k, d),
            [Covariance] = new(rows.SelectMany(r => r.Covariance.SelectMany(c => c)).ToArray(), k, d, d),
            [Dissipation] = Scalars(r => r.Dissipation),
            [EdbDefect] = Scalars(r => r.EdbDefect),
            [MinDensity] = Scalars(r => r.MinDensity),
            [Probes] = new(rows.SelectMany(r => r.ProbeValues).ToArray(), k, p),
        };
        for (int j = 0; j < layout.RegionNames.Count; j++)
        {
            int region = j;
            quantities[RegionPrefix + layout.RegionNames[j]] = Scalars(r => r.RegionMasses[region]);
        }

        return new TimeSeries(rows.Select(r => r.Time).ToArray(), quantities);
    }

    /// <summary>The rows of an io time series written by <see cref="Series"/> (without densities).</summary>
    /// <param name="series">The series.</param>
    /// <param name="layout">The layout expected.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="InvalidDataException">A quantity is missing or has the wrong length.</exception>
    public static IReadOnlyList<SnapshotRow> Rows(TimeSeries series, RowLayout layout)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(layout);
        int k = series.Times.Length, d = layout.Dimension, p = layout.ProbeCount;
        double[] Get(string name, int length) =>
            series.Quantities.TryGetValue(name, out ShapedArray? v) && v.Values.Length == length ? v.Values
            : throw new InvalidDataException($"the saved series '{name}' is missing or has the wrong length (expected {length})");

        // Series written before the output steps were recorded have no step quantity: −1 marks them unknown.
        double[] steps = series.Quantities.ContainsKey(Step) ? Get(Step, k) : Enumerable.Repeat(-1.0, k).ToArray();
        double[] energy = Get(Energy, k), mass = Get(Mass, k), dissipation = Get(Dissipation, k), defect = Get(EdbDefect, k), minimum = Get(MinDensity, k);
        double[] mean = Get(Mean, k * d), covariance = Get(Covariance, k * d * d), probes = Get(Probes, k * p);
        double[][] regions = layout.RegionNames.Select(name => Get(RegionPrefix + name, k)).ToArray();
        var rows = new SnapshotRow[k];
        for (int i = 0; i < k; i++)
        {
            rows[i] = new SnapshotRow(
                series.Times[i],
                (int)steps[i],
                energy[i],
                mass[i],
                [.. mean.AsSpan(i * d, d)],
                [.. Enumerable.Range(0, d).Select(r => ImmutableArray.Create(covariance, (i * d * d) + (r * d), d))],
                dissipation[i],
                defect[i],
                minimum[i],
                [.. regions.Select(region => region[i])],
                [.. probes.AsSpan(i * p, p)],
                default);
        }

        return rows;
    }

    /// <summary>The io checkpoint state of a run's checkpoint.</summary>
    /// <param name="checkpoint">The checkpoint content.</param>
    /// <param name="layout">The layout of its rows.</param>
    /// <returns>The state to write.</returns>
    public static CheckpointState ToState(RunCheckpoint checkpoint, RowLayout layout)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        FlowState state = checkpoint.State;
        return new CheckpointState(
            new Dictionary<string, ShapedArray> { [StateDensity] = ShapedArray.Vector(state.Density) },
            new Dictionary<string, double> { [StateTime] = state.Time, [EdbDefect] = state.EdbDefect, [StateCurrentStep] = state.CurrentStep },
            new Dictionary<string, long> { [StateStep] = state.Step, [StateRejected] = state.Rejected, [StateNextOutput] = checkpoint.NextOutput },
            Series(checkpoint.Rows, layout));
    }

    /// <summary>The run's checkpoint content of an io checkpoint state (the inverse of <see cref="ToState"/>).</summary>
    /// <param name="saved">The state read from disk.</param>
    /// <param name="layout">The layout of the rows expected.</param>
    /// <returns>The checkpoint content.</returns>
    /// <exception cref="InvalidDataException">Something the run needs is missing or does not fit.</exception>
    public static RunCheckpoint FromState(CheckpointState saved, RowLayout layout)
    {
        ArgumentNullException.ThrowIfNull(saved);
        double Scalar(string name) => saved.Scalars.TryGetValue(name, out double v) ? v : throw new InvalidDataException($"the checkpoint has no scalar '{name}'");
        long Integer(string name) => saved.Integers.TryGetValue(name, out long v) ? v : throw new InvalidDataException($"the checkpoint has no integer '{name}'");
        if (!saved.Arrays.TryGetValue(StateDensity, out ShapedArray? density))
        {
            throw new InvalidDataException($"the checkpoint has no '{StateDensity}' array");
        }

        var state = new FlowState(Scalar(StateTime), (int)Integer(StateStep), (double[])density.Values.Clone(), Scalar(EdbDefect), Scalar(StateCurrentStep), (int)Integer(StateRejected));
        return new RunCheckpoint(state, (int)Integer(StateNextOutput), Rows(saved.Series, layout));
    }
}
