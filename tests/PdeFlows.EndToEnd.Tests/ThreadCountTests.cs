namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// A whole run is bitwise independent of the number of processors the runtime sees (issue 13 item 6):
/// <c>pdeflows run</c> with <c>DOTNET_PROCESSOR_COUNT</c> = 1 and 5 gives every field, the series and
/// every summary number (but the wall clock and factorization timings) of the run with the machine's count.
/// </summary>
[Collection(ProcessCollection.Name)]
public class ThreadCountTests(RunFixture fixture)
{
    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    public void A_run_is_bitwise_the_same_whatever_the_processor_count(string processors)
    {
        string caseFile = fixture.CaseFile("auto", "strang");
        var reference = fixture.Reference("auto", "strang");
        string run = fixture.NewPath("threads-" + processors);
        string summary = run + ".json";
        var result = Pdeflows.Run(fixture.Root, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = processors }, "run", caseFile, "--out", run, "--summary", summary, "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        RunChecks.AssertSameResultBitwise(reference.Run, run);
        Assert.True(RunChecks.AssertSameSummary(reference.Summary, summary) > 50);
    }
}
