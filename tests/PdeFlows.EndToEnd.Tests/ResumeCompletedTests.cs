using System.Text.Json;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 3, through the real program: <c>run --resume</c> of a run that already finished
/// exits 0, says so, computes nothing, leaves the result directory untouched and rewrites the summary
/// from result.h5 (the same numbers as the run's own summary, wall time included); a changed case
/// file is still refused (exit 2) with nothing touched.
/// </summary>
[Collection(ProcessCollection.Name)]
public class ResumeCompletedTests(RunFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resume_of_a_finished_run_rewrites_the_summary_from_result_h5_and_touches_nothing(bool quiet)
    {
        string caseFile = fixture.CaseFile("auto", "strang");
        var reference = fixture.Reference("auto", "strang");
        string run = fixture.NewPath("completed");
        RunChecks.CopyDirectory(reference.Run, run);
        // The summary is gone (e.g. written to a scratch disk that was cleaned): it comes back from result.h5.
        string summary = run + ".json";
        var before = RunChecks.Snapshot(run);

        string[] arguments = ["run", caseFile, "--out", run, "--summary", summary, "--resume"];
        var result = Pdeflows.Run(fixture.Root, null, quiet ? [.. arguments, "--quiet"] : arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("was already complete (200 steps to t = 0.5); nothing was computed", result.Stderr);
        Assert.Contains("was rewritten from its result.h5", result.Stderr);
        Assert.DoesNotContain("resuming from", result.Stderr);
        Assert.Equal(before, RunChecks.Snapshot(run));

        int numbers = RunChecks.AssertSameSummary(reference.Summary, summary);
        Assert.True(numbers > 50, $"{numbers} numbers compared");
        using var expected = JsonDocument.Parse(File.ReadAllText(reference.Summary));
        using var actual = JsonDocument.Parse(File.ReadAllText(summary));
        // The wall time is the finished run's (stored in result.h5), not this process's.
        Assert.Equal(expected.RootElement.GetProperty("wall_seconds").GetRawText(), actual.RootElement.GetProperty("wall_seconds").GetRawText());
        Assert.Equal(0, actual.RootElement.GetProperty("run").GetProperty("factorizations").GetInt32());
    }

    [Fact]
    public void Resume_of_a_finished_run_with_a_changed_case_file_exits_2_and_touches_nothing()
    {
        var reference = fixture.Reference("auto", "strang");
        string run = fixture.NewPath("completed-changed");
        RunChecks.CopyDirectory(reference.Run, run);
        string summary = run + ".json";
        File.Copy(reference.Summary, summary);
        string changed = Path.Combine(fixture.Root, "completed-changed-case.toml");
        File.WriteAllText(changed, File.ReadAllText(fixture.CaseFile("auto", "strang")).Replace("end = 0.5", "end = 0.6"));
        var before = RunChecks.Snapshot(run);
        string summaryBefore = File.ReadAllText(summary);

        var result = Pdeflows.Run(fixture.Root, null, "run", changed, "--out", run, "--summary", summary, "--resume", "--quiet");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("result.h5: the finished result was computed for another case text", result.Stderr);
        Assert.DoesNotContain("internal error", result.Stderr);
        Assert.Equal(before, RunChecks.Snapshot(run));
        Assert.Equal(summaryBefore, File.ReadAllText(summary));
    }
}
