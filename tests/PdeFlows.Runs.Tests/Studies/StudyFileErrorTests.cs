using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>Study files: every error names the file, the line and the key.</summary>
public sealed class StudyFileErrorTests
{
    /// <summary>A valid study: FR of KL, time-step sweep, against the closed form (lines matter: see the tests).</summary>
    public const string ValidStudy = """
        [study]
        name = "fr-kl-step"

        [sweep]
        parameter = "step"
        values = [0.2, 0.1, 0.05]

        [reference]
        kind = "closed-form"
        closed_form = "fr-kl"

        [metrics]
        names = ["l1", "hellinger", "energy"]
        times = "sup"

        [domain]
        kind = "interval"
        lower = [-3.0]
        upper = [3.0]
        cells = [40]

        [target]
        potential = "x^2/2"

        [initial]
        density = "exp(-(x-1)^2)"

        [flow]
        kind = "fr"

        [time]
        end = 1.0
        step = 0.1

        [output]
        times = [0.0, 0.5, 1.0]
        """;

    [Fact]
    public void A_valid_study_parses_with_its_inline_case()
    {
        StudyDefinition study = StudyFileLoader.Parse(ValidStudy, "s.toml");
        Assert.Equal("fr-kl-step", study.Name);
        Assert.Equal(StudySweepParameter.TimeStep, study.Sweep.Parameter);
        Assert.Equal([0.2, 0.1, 0.05], study.Sweep.Values);
        Assert.Equal(StudyClosedForm.FisherRaoRelativeEntropy, study.Reference.ClosedForm);
        Assert.Equal(40, study.BaseCase.Domain.Cells[0]);
        Assert.Null(study.Times);
    }

    [Theory]
    [InlineData("parameter = \"step\"", "parameter = \"stpe\"", 5, "sweep.parameter", "[sweep] parameter")]
    [InlineData("values = [0.2, 0.1, 0.05]", "values = [0.2]", 6, "sweep.values", "at least two values")]
    [InlineData("closed_form = \"fr-kl\"", "closed_form = \"fr-kl\"\nbogus = 1", 11, "reference.bogus", "unknown key")]
    [InlineData("names = [\"l1\", \"hellinger\", \"energy\"]", "names = [\"l1\", \"wasserstein\"]", 13, "metrics.names", "wasserstein")]
    [InlineData("times = \"sup\"", "times = [0.7]", 14, "metrics.times", "not an output time")]
    [InlineData("kind = \"fr\"", "kind = \"fr\"\nalpah = 1", 30, "flow.alpah", "unknown key")]
    [InlineData("[metrics]\nnames", "[expected]\nmetric = \"l1\"\n\n[metrics]\nnames", 12, "expected.order", "order")]
    public void Errors_name_file_line_and_key(string find, string replace, int line, string key, string fragment)
    {
        string text = ValidStudy.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ValidStudy, text);
        var error = Assert.Throws<CaseFileException>(() => StudyFileLoader.Parse(text, "bad.toml"));
        Assert.Equal("bad.toml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.toml:{line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_table_is_named()
    {
        string text = ValidStudy.Replace("[reference]\nkind = \"closed-form\"\nclosed_form = \"fr-kl\"", "", StringComparison.Ordinal);
        var error = Assert.Throws<CaseFileException>(() => StudyFileLoader.Parse(text, "bad.toml"));
        Assert.Equal("reference", error.Key);
        Assert.Contains("missing required table [reference]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_given_twice_is_rejected_at_the_case_key()
    {
        string text = ValidStudy.Replace("name = \"fr-kl-step\"", "name = \"fr-kl-step\"\ncase = \"other.toml\"", StringComparison.Ordinal);
        var error = Assert.Throws<CaseFileException>(() => StudyFileLoader.Parse(text, "bad.toml"));
        Assert.Equal(3, error.Line);
        Assert.Equal("study.case", error.Key);
        Assert.Contains("given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_builtin_study_file_parses()
    {
        foreach (var (name, _) in BuiltinStudies.All)
        {
            foreach (var definition in BuiltinStudies.Definitions(name))
            {
                Assert.NotEmpty(definition.Metrics);
            }
        }
    }
}
