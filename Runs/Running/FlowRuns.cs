using System.Diagnostics;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>Runs a case in memory (no files) through the one <see cref="FlowRunner"/>: what the studies do for each of their runs.</summary>
public static class FlowRuns
{
    /// <summary>Builds the case's problem, runs it to its end time, releases the solver resources and returns the record.</summary>
    /// <param name="definition">The case.</param>
    /// <param name="keepDensities">Whether the rows keep the nodal densities.</param>
    /// <param name="cancellation">Stops the run between steps.</param>
    /// <returns>The finished run.</returns>
    public static FlowRunRecord Execute(CaseDefinition definition, bool keepDensities = true, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var clock = Stopwatch.StartNew();
        using FlowProblem problem = FlowProblemBuilder.Build(definition);
        var runner = new FlowRunner(problem, keepDensities);
        var final = runner.Run(cancellation: cancellation);
        return new FlowRunRecord(definition, problem.Discretization, problem.Energy, [.. runner.Recorder.Rows], final, clock.Elapsed.TotalSeconds);
    }
}
