using PdeFlows.Verification.Convergence;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>Small studies end to end through <see cref="StudyRunner"/> and <see cref="StudyOutputWriter"/>.</summary>
public sealed class StudyRunnerTests
{
    [Fact]
    public void Time_step_sweep_of_exact_fisher_rao_has_no_time_error_and_writes_all_outputs()
    {
        // The exact FR reaction of KL is the closed form itself, so every τ gives round-off errors.
        StudyDefinition study = StudyFileLoader.Parse(StudyFileErrorTests.ValidStudy, "s.toml");
        StudyResult result = StudyRunner.Run(study);
        Assert.Equal(3, result.Table.Rows.Count);
        foreach (var row in result.Table.Rows)
        {
            Assert.All(row.Errors, e => Assert.True(e < 1e-12, $"error {e}"));
        }

        using var directory = new TemporaryDirectory("study");
        var written = StudyOutputWriter.Write(result, directory.Path);
        foreach (string file in new[] { "table.md", "table.csv", "table.tex", "convergence.png", "energy.png", "study.h5" })
        {
            Assert.Contains(written, p => Path.GetFileName(p) == file);
            Assert.True(new FileInfo(Path.Combine(directory.Path, file)).Length > 0, file);
        }

        Assert.True(result.Passed);
    }

    [Fact]
    public void Mmd_flow_at_a_small_size_matches_its_closed_form_to_1e_8()
    {
        string text = BuiltinStudies.Text("mmd-flow.toml").Replace("values = [0, 1, 2]", "values = [0, 1]", StringComparison.Ordinal);
        StudyResult result = StudyRunner.Run(StudyFileLoader.Parse(text, "mmd-flow.toml"));
        result.AssertExpectations();
        Assert.True(result.Table.Errors(result.Table.Metrics[0]).Max() < 1e-8);
    }

    [Fact]
    public void A_missed_expected_order_fails_through_the_runner_with_the_whole_table()
    {
        // Refinement of a pure-reaction flow against its closed form: errors at round-off, no order 2.
        string text = StudyFileErrorTests.ValidStudy
            .Replace("parameter = \"step\"\nvalues = [0.2, 0.1, 0.05]", "parameter = \"cells\"\nvalues = [1, 2, 4]", StringComparison.Ordinal)
            .Replace("[metrics]", "[expected]\nmetric = \"l1\"\norder = 2.0\ntolerance = 0.1\n\n[metrics]", StringComparison.Ordinal);
        StudyResult result = StudyRunner.Run(StudyFileLoader.Parse(text, "fails.toml"));
        Assert.False(result.Passed);
        var error = Assert.Throws<ConvergenceOrderException>(result.AssertExpectations);
        Assert.Contains("fails.toml", error.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2.00 ± 0.10", error.Message, StringComparison.Ordinal);
        Assert.Contains("LS fit", error.Message, StringComparison.Ordinal);
        foreach (var row in result.Table.Rows)
        {
            Assert.Contains(row.ParameterValue.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        }
    }
}
