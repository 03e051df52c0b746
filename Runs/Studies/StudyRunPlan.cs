using System.Globalization;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Studies;

/// <summary>Whether a study task is a run of the sweep or the run of a case reference.</summary>
public enum StudyRunTaskKind
{
    /// <summary>The base case at one swept value.</summary>
    Sweep,

    /// <summary>A <see cref="StudyReferenceKind.Case"/> reference of one row (or the one shared by all rows).</summary>
    Reference,
}

/// <summary>One independent run of a study: what <see cref="StudyRunner"/> runs in one process and <c>--shard</c> spreads over many.</summary>
/// <param name="Index">The task's place in the study (sweep runs first, then references).</param>
/// <param name="Kind">Sweep run or reference.</param>
/// <param name="Row">The sweep index k of the run (or of the first row a reference serves).</param>
/// <param name="Label">The run's label ("refine = 2"; "reference for refine = 2").</param>
/// <param name="SweptValue">The swept value of the row.</param>
/// <param name="Case">The case to run.</param>
public sealed record StudyRunTask(int Index, StudyRunTaskKind Kind, int Row, string Label, double SweptValue, CaseDefinition Case);

/// <summary>
/// The runs of a study as a list of independent tasks, in the order <see cref="StudyRunner"/> runs
/// them: every swept value, then the case references (one per row, or one shared by all rows when
/// it does not depend on the swept value). The list depends on the study alone, never on run
/// results, so any subset can run in another process and the records fit back together.
/// </summary>
public static class StudyRunPlan
{
    /// <summary>The tasks of a study (not of a particle-count sweep, whose runs are not flow runs).</summary>
    /// <param name="study">The study.</param>
    /// <returns>The tasks, in run order.</returns>
    /// <exception cref="ArgumentException">A particle-count study.</exception>
    public static IReadOnlyList<StudyRunTask> Tasks(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Sweep.Parameter == StudySweepParameter.ParticleCount)
        {
            throw new ArgumentException($"the particle-count study '{study.Name}' has no flow-run tasks", nameof(study));
        }

        var sweep = study.Sweep;
        var tasks = new List<StudyRunTask>();
        for (int k = 0; k < sweep.Values.Count; k++)
        {
            double value = sweep.Values[k];
            string label = $"{SweptName(sweep.Parameter)} = {value.ToString("G4", CultureInfo.InvariantCulture)}";
            tasks.Add(new StudyRunTask(tasks.Count, StudyRunTaskKind.Sweep, k, label, value, StudyCaseVariants.Apply(study.BaseCase, sweep.Parameter, value)));
        }

        if (study.Reference.Kind == StudyReferenceKind.Case)
        {
            for (int k = 0; k < RowCount(study); k++)
            {
                if (k > 0 && IsShared(study))
                {
                    break;
                }

                StudyRunTask run = tasks[k];
                tasks.Add(new StudyRunTask(tasks.Count, StudyRunTaskKind.Reference, k, $"reference for {run.Label}", run.SweptValue, StudyCaseVariants.Reference(run.Case, study.Reference)));
            }
        }

        return tasks;
    }

    /// <summary>The number of table rows: every run, except the finest when it is the reference.</summary>
    /// <param name="study">The study.</param>
    /// <returns>The row count.</returns>
    public static int RowCount(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.Reference.Kind == StudyReferenceKind.Finest ? study.Sweep.Values.Count - 1 : study.Sweep.Values.Count;
    }

    /// <summary>The progress line of a finished task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="record">Its run.</param>
    /// <param name="sweepCount">The number of swept values.</param>
    /// <returns>The line.</returns>
    public static string ProgressLine(StudyRunTask task, FlowRunRecord record, int sweepCount)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(record);
        return task.Kind == StudyRunTaskKind.Sweep
            ? $"  run {task.Row + 1}/{sweepCount}: {task.Label}, {record.Mesh.VertexCount} nodes, {record.WallSeconds:F1} s"
            : $"  {task.Label}: {record.WallSeconds:F1} s";
    }

    /// <summary>Whether one case reference serves every row (it does not depend on the swept value).</summary>
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
}
