using System.Globalization;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;
using PdeFlows.KernelApprox.Reactions;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Studies;

/// <summary>
/// Runs a <see cref="StudyDefinition"/> in the deal.II <c>run()</c> manner: for each swept value,
/// build the case's problem, run it, compute the reference at the output times, evaluate the
/// metrics (at the given times or the supremum over all output times) and add a row; finally check
/// the expected order. The result holds all runs for the writers (<see cref="StudyOutputWriter"/>).
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

        var sweep = study.Sweep;
        var runs = new List<StudyRunRecord>();
        for (int k = 0; k < sweep.Values.Count; k++)
        {
            double value = sweep.Values[k];
            CaseDefinition runCase = StudyCaseVariants.Apply(study.BaseCase, sweep.Parameter, value);
            FlowProblem problem = FlowProblemBuilder.Build(runCase, KernelComponentProvider.Instance);
            double parameter = StudyCaseVariants.TableParameter(sweep.Parameter, value, problem.Mesh);
            string label = $"{SweptName(sweep.Parameter)} = {value.ToString("G4", CultureInfo.InvariantCulture)}";
            runs.Add(StudyRunRecord.Run(label, value, parameter, problem, cancellation));
            progress?.WriteLine($"  run {k + 1}/{sweep.Values.Count}: {label}, {problem.Mesh.VertexCount} nodes, {runs[^1].WallSeconds:F1} s");
        }

        bool finest = study.Reference.Kind == StudyReferenceKind.Finest;
        int rowCount = finest ? runs.Count - 1 : runs.Count;
        var references = new StudyRunRecord?[rowCount];
        StudyRunRecord? shared = null;
        if (study.Reference.Kind == StudyReferenceKind.Case)
        {
            for (int k = 0; k < rowCount; k++)
            {
                if (k > 0 && IsShared(study))
                {
                    references[k] = shared;
                    continue;
                }

                CaseDefinition referenceCase = StudyCaseVariants.Reference(runs[k].Problem.Definition, study.Reference);
                references[k] = shared = StudyRunRecord.Run("reference", runs[k].SweptValue, runs[k].TableParameter, FlowProblemBuilder.Build(referenceCase, KernelComponentProvider.Instance), cancellation);
                progress?.WriteLine($"  reference for {runs[k].Label}: {references[k]!.WallSeconds:F1} s");
            }
        }

        var evaluator = StudyMetricEvaluator.For(study);
        var columns = Columns(study);
        var table = new ConvergenceTable(TableParameter(sweep.Parameter), columns.Select(c => c.Column), $"{study.Name}: {ReferenceText(study.Reference)}");
        for (int k = 0; k < rowCount; k++)
        {
            StudyRunRecord run = runs[k];
            var errors = new double[columns.Count];
            for (int i = 0; i < run.Times.Length; i++)
            {
                StudyReferenceState reference = ReferenceAt(study, run, i, finest ? runs[^1] : references[k]);
                for (int c = 0; c < columns.Count; c++)
                {
                    if (columns[c].Time is double t && Math.Abs(t - run.Times[i]) > 1e-12 * Math.Max(1, Math.Abs(t)))
                    {
                        continue;
                    }

                    double value = evaluator.Evaluate(columns[c].Metric, run.Problem.Space, run.Energies[i], run.Densities[i], reference);
                    errors[c] = Math.Max(errors[c], value);
                }
            }

            table.Add(run.TableParameter, run.Problem.Mesh.VertexCount, errors);
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
        FlowProblem problem = run.Problem;
        double time = run.Times[index];
        switch (study.Reference.Kind)
        {
            case StudyReferenceKind.Finest:
            case StudyReferenceKind.Case:
                FlowProblem other = referenceRun!.Problem;
                if (Math.Abs(referenceRun.Times[index] - time) > 1e-9 * Math.Max(1, time))
                {
                    throw new InvalidOperationException($"the reference output time {referenceRun.Times[index]} differs from the run's {time}");
                }

                return StudyReferenceState.FromNodal(other.Space, other.Setting, other.Energy, referenceRun.Densities[index]);
            case StudyReferenceKind.ExactDensity:
                var expression = study.Reference.ExactDensity!;
                Discretization.SpatialFunction exact = x => FlowProblemBuilder.Evaluate(expression, x, time);
                double[] nodal = problem.Space.Interpolate(exact);
                return new StudyReferenceState(problem.Space, problem.Setting, problem.Energy, nodal, exact, DensityMoments.Compute(problem.Mesh, nodal));
            default:
                return StudyClosedForms.At(study.Reference.ClosedForm!.Value, problem, time);
        }
    }

    private static bool IsShared(StudyDefinition study) => study.Sweep.Parameter switch
    {
        StudySweepParameter.TimeStep => study.Reference.Step is not null,
        StudySweepParameter.Lambda or StudySweepParameter.Bandwidth => study.Reference.Reaction is ReactionKind.Exact,
        _ => false,
    };

    private static string SweptName(StudySweepParameter parameter) => parameter switch
    {
        StudySweepParameter.Refine => "refine",
        StudySweepParameter.CellsMultiplier => "cells ×",
        StudySweepParameter.TimeStep => "τ",
        StudySweepParameter.Lambda => "λ",
        StudySweepParameter.ParticleCount => "N",
        _ => "σ",
    };

    private static string ReferenceText(StudyReference reference) => reference.Kind switch
    {
        StudyReferenceKind.ClosedForm => $"against the closed form {StudyFileLoader.ClosedFormName(reference.ClosedForm!.Value)}",
        StudyReferenceKind.Finest => "against the finest run",
        StudyReferenceKind.ExactDensity => $"against u* = {reference.ExactDensity}",
        _ => "against the reference case" + (reference.Reaction is { } r ? $" (reaction {CaseChoiceNames.NameOf(r)})" : "") + (reference.Step is { } s ? $" (τ = {s.ToString("G3", CultureInfo.InvariantCulture)})" : ""),
    };
}
