using System.Diagnostics;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Verification.Runs;

namespace PdeFlows.Verification.Demo;

/// <summary>
/// Runs one case given as text (parse → <see cref="FlowProblemBuilder"/> → <see cref="FlowRunner"/>)
/// and writes its result directory as <c>pdeflows run --out</c> does (fields u, g, log_g at
/// every output time, the summary series, XDMF index, consolidated result.h5), without checkpoints.
/// An existing result in the directory is replaced.
/// </summary>
public static class CaseRun
{
    /// <summary>Runs the case and writes its result.</summary>
    /// <param name="caseText">The TOML text.</param>
    /// <param name="caseFileName">The file name shown in error messages; relative paths resolve against its folder.</param>
    /// <param name="resultDirectory">The result directory to (re)write.</param>
    /// <param name="components">The kernel components (default <see cref="DemoComponentProvider.Instance"/>).</param>
    /// <param name="cancellation">Stops the run between steps.</param>
    /// <returns>The densities and series of the run.</returns>
    /// <exception cref="CaseFileException">The text is not a valid case.</exception>
    /// <exception cref="FlowFailedException">The flow failed.</exception>
    public static CaseRunResult Execute(string caseText, string caseFileName, string resultDirectory, IFlowComponentProvider? components = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var definition = CaseFileLoader.Parse(caseText, caseFileName, Path.GetDirectoryName(Path.GetFullPath(caseFileName)));
        using var problem = FlowProblemBuilder.Build(definition, components ?? DemoComponentProvider.Instance);
        var runner = new FlowRunner(problem);
        var provenance = FlowResultContent.Provenance(problem, caseText);
        var writer = ResultWriter.Create(resultDirectory, problem.Mesh, provenance, new ResultWriterOptions { OverwriteExisting = true, FlushToDisk = false });
        var densities = new List<double[]>();
        void OnOutput(int index, FlowSnapshot snapshot)
        {
            densities.Add((double[])snapshot.Density.Clone());
            writer.WriteOutputStep(snapshot.Step, snapshot.Time, FlowResultContent.NodeFields(problem, snapshot.Density));
        }

        var final = runner.Run(OnOutput, null, cancellation);
        var quantities = runner.Recorder.ToQuantities();
        writer.WriteTimeSeries(FlowResultContent.Series(runner.Recorder));
        writer.Finish(clock.Elapsed.TotalSeconds);
        var regions = problem.Regions.ToDictionary(r => r.Name, r => quantities[SummaryRecorder.RegionQuantityPrefix + r.Name].Values);
        return new CaseRunResult(
            definition.Name,
            writer.Directory,
            problem.Mesh,
            problem.Setting.LumpedMass.ToArray(),
            problem.Setting.Target.ToArray(),
            runner.Recorder.Times,
            densities,
            quantities["energy"].Values,
            quantities["dissipation"].Values,
            quantities["mass"].Values,
            regions,
            final.Step,
            clock.Elapsed.TotalSeconds);
    }
}
