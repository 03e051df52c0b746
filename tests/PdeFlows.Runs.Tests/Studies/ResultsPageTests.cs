using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>A results page carries the setup, the command, the wall time, the exit status and the generated report with its links pointing into the output folder.</summary>
public class ResultsPageTests
{
    [Fact]
    public void Relative_links_point_into_the_output_folder_and_absolute_ones_stay()
    {
        const string markdown = "![energy](energy.png) [page](https://example.org/x.png) [anchor](#findings) ![sub](a/b.png)";
        Assert.Equal("![energy](out/energy.png) [page](https://example.org/x.png) [anchor](#findings) ![sub](out/a/b.png)", ResultsPage.PrefixLinks(markdown, "out"));
        Assert.Equal(markdown, ResultsPage.PrefixLinks(markdown, "."));
    }

    [Fact]
    public void The_page_says_what_made_it_and_how_it_ended()
    {
        var passed = new BuiltinStudyOutcome("mmd-flow", "table ![plot](convergence.png)", []);
        string page = ResultsPage.Build(passed, "docs/results/mmd-flow", "docs/results/mmd-flow.md", "pdeflows verify --builtin mmd-flow --out docs/results/mmd-flow --page docs/results/mmd-flow.md", 12.3);
        Assert.StartsWith("# Built-in study `mmd-flow`", page);
        Assert.Contains("Laplace kernel", page); // the setup: the study file's header comments
        Assert.Contains("```\npdeflows verify --builtin mmd-flow --out docs/results/mmd-flow --page docs/results/mmd-flow.md\n```", page.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("12 s wall", page);
        Assert.Contains("Exit code 0", page);
        Assert.Contains("![plot](mmd-flow/convergence.png)", page);

        var failed = passed with { Failures = ["λ = 0.1: something missed"] };
        string failedPage = ResultsPage.Build(failed, "out", "page.md", "cmd", 1);
        Assert.Contains("Exit code 1: 1 check(s) missed", failedPage);
        Assert.Contains("- λ = 0.1: something missed", failedPage);
        Assert.Contains("spherical λ-FRk", ResultsPage.Setup("gamma-fr"));
    }
}
