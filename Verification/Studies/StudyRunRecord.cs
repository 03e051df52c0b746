using PdeFlows.Flows.Problems;

namespace PdeFlows.Verification.Studies;

/// <summary>One run of a study: its case and problem, and the density, energy and dissipation at every output time.</summary>
/// <param name="Label">A short label ("λ = 1e-4").</param>
/// <param name="SweptValue">The swept value as written in the study file.</param>
/// <param name="TableParameter">The value in the table (h for mesh sweeps).</param>
/// <param name="Problem">The problem (its space, setting and energy are used after the run; its transport is disposed).</param>
/// <param name="Times">The output times.</param>
/// <param name="Densities">The nodal density at each output time.</param>
/// <param name="Energies">E(u) at each output time.</param>
/// <param name="Dissipations">D_h(u) at each output time.</param>
/// <param name="EdbDefects">The solver's cumulative discrete EDB defect at each output time.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
public sealed record StudyRunRecord(
    string Label,
    double SweptValue,
    double TableParameter,
    FlowProblem Problem,
    double[] Times,
    double[][] Densities,
    double[] Energies,
    double[] Dissipations,
    double[] EdbDefects,
    double WallSeconds)
{
    /// <summary>Runs <paramref name="problem"/> to its end time, recording every output; disposes its transport afterwards.</summary>
    public static StudyRunRecord Run(string label, double sweptValue, double tableParameter, FlowProblem problem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var times = new List<double>();
        var densities = new List<double[]>();
        var energies = new List<double>();
        var dissipations = new List<double>();
        var defects = new List<double>();
        try
        {
            new FlowRunner(problem).Run(
                onOutput: (_, snapshot) =>
                {
                    times.Add(snapshot.Time);
                    densities.Add(snapshot.Density);
                    energies.Add(snapshot.Energy);
                    dissipations.Add(snapshot.Dissipation);
                    defects.Add(snapshot.EdbDefect);
                },
                cancellation: cancellation);
        }
        finally
        {
            problem.Dispose();
        }

        return new StudyRunRecord(label, sweptValue, tableParameter, problem, [.. times], [.. densities], [.. energies], [.. dissipations], [.. defects], clock.Elapsed.TotalSeconds);
    }
}
