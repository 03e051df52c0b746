using System.Globalization;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Convergence;
using PdeFlows.Verification.Metrics;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// Runs a <see cref="StudyDefinition"/> in the deal.II <c>run()</c> manner: for each swept value,
/// run the case through the one runner (<see cref="FlowRuns"/>, densities kept), compute the
/// reference at the output times, evaluate the metrics (at the given times or the supremum over all
/// output times) and add a row; finally check the expected order. The result holds all run records
/// (discretizations and rows, no solver resources) for the writers (<see cref="StudyOutputWriter"/>).
/// </summary>
public static class StudyRunner
{
    /// <summary>Runs the study; progress lines (one per run) go to <paramref name="progress"/> when given.</summary>
    public static StudyResult Run(StudyDefinition study, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Sweep.Parameter == StudySweepParameter.ParticleCount)
        {
            return ParticleCountStudy.Run(study, progress, cancellation);
        }

        // The runs are independent tasks (StudyRunPlan); `--shard` runs a subset of them in another
        // process and Tabulate puts the records back together exactly as here.
        var tasks = StudyRunPlan.Tasks(study);
        var records = new List<FlowRunRecord>();
        foreach (StudyRunTask task in tasks)
        {
            records.Add(FlowRuns.Execute(task.Case, keepDensities: true, cancellation));
            progress?.WriteLine(StudyRunPlan.ProgressLine(task, records[^1], study.Sweep.Values.Count));
        }

        return Tabulate(study, tasks, records);
    }

    /// <summary>The study's result from the records of all its tasks (<see cref="StudyRunPlan.Tasks"/>, in that order).</summary>
    /// <param name="study">The study.</param>
    /// <param name="tasks">Its tasks.</param>
    /// <param name="records">One finished run per task, with densities.</param>
    /// <returns>The result: runs, references, table and verdict.</returns>
    public static StudyResult Tabulate(StudyDefinition study, IReadOnlyList<StudyRunTask> tasks, IReadOnlyList<FlowRunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count != tasks.Count)
        {
            throw new ArgumentException($"{tasks.Count} tasks but {records.Count} records", nameof(records));
        }

        var sweep = study.Sweep;
        var runs = new List<StudyRunRecord>();
        var references = new StudyRunRecord?[StudyRunPlan.RowCount(study)];
        StudyRunRecord? shared = null;
        foreach (StudyRunTask task in tasks)
        {
            FlowRunRecord run = records[task.Index];
            if (task.Kind == StudyRunTaskKind.Sweep)
            {
                runs.Add(new StudyRunRecord(task.Label, task.SweptValue, StudyCaseVariants.TableParameter(sweep.Parameter, task.SweptValue, run.Mesh), run));
            }
            else
            {
                references[task.Row] = shared = new StudyRunRecord("reference", runs[task.Row].SweptValue, runs[task.Row].TableParameter, run);
            }
        }

        // A reference that does not depend on the swept value ran once and serves every row.
        for (int k = 0; k < references.Length; k++)
        {
            references[k] ??= study.Reference.Kind == StudyReferenceKind.Case ? shared : null;
        }

        bool finest = study.Reference.Kind == StudyReferenceKind.Finest;
        int rowCount = references.Length;
        var evaluator = new StudyMetricEvaluator(KernelFactory.Create(study.MmdKernel, study.MmdBandwidth));
        var columns = Columns(study);
        var table = new ConvergenceTable(TableParameter(sweep.Parameter), columns.Select(c => c.Column), $"{study.Name}: {ReferenceText(study.Reference)}");
        for (int k = 0; k < rowCount; k++)
        {
            StudyRunRecord run = runs[k];
            var errors = new double[columns.Count];
            for (int i = 0; i < run.Rows.Count; i++)
            {
                SnapshotRow row = run.Rows[i];
                StudyReferenceState reference = ReferenceAt(study, run, i, finest ? runs[^1] : references[k]);
                double[] density = row.DensityArray();
                for (int c = 0; c < columns.Count; c++)
                {
                    if (columns[c].Time is double t && Math.Abs(t - row.Time) > 1e-12 * Math.Max(1, Math.Abs(t)))
                    {
                        continue;
                    }

                    double value = evaluator.Evaluate(columns[c].Metric, run.Discretization.Space, row.Energy, density, reference);
                    errors[c] = Math.Max(errors[c], value);
                }
            }

            table.Add(run.TableParameter, run.Run.Mesh.VertexCount, errors);
        }

        var (verdict, boundFailures) = CheckExpectations(study, table, columns);
        return new StudyResult(study, table, verdict, runs, references, boundFailures);
    }

    /// <summary>The table columns: each metric at each given time, or its supremum over the output times.</summary>
    internal static List<(MetricKind Metric, double? Time, Metric Column)> Columns(StudyDefinition study)
    {
        var columns = new List<(MetricKind Metric, double? Time, Metric Column)>();
        foreach (MetricKind metric in study.Metrics)
        {
            if (study.Times is null)
            {
                columns.Add((metric, null, StudyMetricEvaluator.Column(metric, "sup")));
                continue;
            }

            foreach (double time in study.Times)
            {
                columns.Add((metric, time, StudyMetricEvaluator.Column(metric, $"t={time.ToString("G4", CultureInfo.InvariantCulture)}")));
            }
        }

        return columns;
    }

    /// <summary>The expected order and error bound of the study, checked on the finished table.</summary>
    internal static (OrderVerdict? Verdict, List<string> BoundFailures) CheckExpectations(StudyDefinition study, ConvergenceTable table, List<(MetricKind Metric, double? Time, Metric Column)> columns)
    {
        OrderVerdict? verdict = null;
        var boundFailures = new List<string>();
        if (study.Expected is { } expected)
        {
            Metric column = columns.Last(c => c.Metric == expected.Metric).Column;
            if (expected.Order is double order)
            {
                verdict = table.CheckOrder(column, order, expected.Tolerance, expected.Tail);
            }

            if (expected.Bound is double bound)
            {
                foreach (var (metric, _, boundColumn) in columns.Where(c => expected.BoundMetrics.Contains(c.Metric)))
                {
                    double last = table.Errors(boundColumn)[^1];
                    if (!(last <= bound))
                    {
                        boundFailures.Add($"{boundColumn.Name} = {last:E3} in the last row exceeds the bound {bound:E1}");
                    }
                }
            }
        }

        return (verdict, boundFailures);
    }

    /// <summary>The swept parameter of the table.</summary>
    public static SweptParameter TableParameter(StudySweepParameter parameter) => parameter switch
    {
        StudySweepParameter.Refine or StudySweepParameter.CellsMultiplier => SweptParameter.MeshSize,
        StudySweepParameter.TimeStep => SweptParameter.TimeStep,
        StudySweepParameter.Lambda => SweptParameter.Regularization,
        StudySweepParameter.ParticleCount => SweptParameter.Count,
        _ => new SweptParameter(ParameterKind.Bandwidth, "σ"),
    };

    /// <summary>The reference at output <paramref name="index"/> of <paramref name="run"/>.</summary>
    private static StudyReferenceState ReferenceAt(StudyDefinition study, StudyRunRecord run, int index, StudyRunRecord? referenceRun)
    {
        var discretization = run.Discretization;
        double time = run.Rows[index].Time;
        switch (study.Reference.Kind)
        {
            case StudyReferenceKind.Finest:
            case StudyReferenceKind.Case:
                SnapshotRow other = referenceRun!.Rows[index];
                if (Math.Abs(other.Time - time) > 1e-9 * Math.Max(1, time))
                {
                    throw new InvalidOperationException($"the reference output time {other.Time} differs from the run's {time}");
                }

                return StudyReferenceState.FromNodal(referenceRun.Discretization.Space, referenceRun.Discretization.Setting, referenceRun.Run.Energy, other.DensityArray());
            case StudyReferenceKind.ExactDensity:
                var expression = study.Reference.ExactDensity!;
                Discretization.SpatialFunction exact = x => expression.At(x, time);
                double[] nodal = discretization.Space.Interpolate(exact);
                return new StudyReferenceState(discretization.Space, discretization.Setting, run.Run.Energy, nodal, exact, DensityMoments.Compute(discretization.Mesh, nodal));
            default:
                return StudyClosedForms.At(study.Reference.ClosedForm!.Value, run.Run, time);
        }
    }

    private static string ReferenceText(StudyReference reference) => reference.Kind switch
    {
        StudyReferenceKind.ClosedForm => $"against the closed form {StudyChoiceNames.ClosedForm.NameOf(reference.ClosedForm!.Value)}",
        StudyReferenceKind.Finest => "against the finest run",
        StudyReferenceKind.ExactDensity => $"against u* = {reference.ExactDensity}",
        _ => "against the reference case" + (reference.Reaction is { } r ? $" (reaction {CaseChoiceNames.NameOf(r)})" : "") + (reference.Step is { } s ? $" (τ = {s.ToString("G3", CultureInfo.InvariantCulture)})" : ""),
    };
}
