using System.Globalization;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>Helpers for the acceptance tests: case files written as text, built and run end to end.</summary>
internal static class FlowCases
{
    /// <summary>Formats a number for a case file (round-trip, invariant culture).</summary>
    public static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A case file from its parts (each a TOML fragment without the section header).</summary>
    public static string Text(string domain, string target, string initial, string flow, string time, string output = "") =>
        $"name = \"test\"\n[domain]\n{domain}\n[target]\n{target}\n[initial]\n{initial}\n[flow]\n{flow}\n[time]\n{time}\n[solver]\nlinear = \"managed\"\n[output]\n{output}\n";

    /// <summary>An interval domain.</summary>
    public static string Interval(double lower, double upper, int cells) => $"kind = \"interval\"\nlower = [{F(lower)}]\nupper = [{F(upper)}]\ncells = [{cells}]";

    /// <summary>A rectangle domain (triangles).</summary>
    public static string Rectangle(double lower, double upper, int cells) => $"kind = \"rectangle\"\nlower = [{F(lower)}, {F(lower)}]\nupper = [{F(upper)}, {F(upper)}]\ncells = [{cells}, {cells}]";

    /// <summary>A [time] section.</summary>
    public static string Time(double end, double step, string scheme) => $"end = {F(end)}\nstep = {F(step)}\nscheme = \"{scheme}\"";

    /// <summary>Output times as an [output] section.</summary>
    public static string Times(params double[] times) => $"times = [{string.Join(", ", times.Select(F))}]";

    /// <summary>Parses and builds a case.</summary>
    public static FlowProblem Build(string text) => FlowProblemBuilder.Build(CaseFileLoader.Parse(text, "test.toml"));

    /// <summary>Runs a problem to its end time through the one runner; returns the final state, the recorded rows and every snapshot taken at the output times.</summary>
    public static (FlowState State, IReadOnlyList<SnapshotRow> Rows, List<FlowSnapshot> Snapshots) Run(FlowProblem problem, Action<FlowState>? onStep = null)
    {
        var runner = new FlowRunner(problem);
        var snapshots = new List<FlowSnapshot>();
        var state = runner.Run((_, s) => snapshots.Add(s), onStep);
        return (state, runner.Recorder.Rows, snapshots);
    }

    /// <summary>Least-squares slope of log y against log x.</summary>
    public static double FittedSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        double mx = x.Average(Math.Log), my = y.Average(Math.Log);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = Math.Log(x[i]) - mx;
            sxy += dx * (Math.Log(y[i]) - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }
}
