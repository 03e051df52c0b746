using PdeFlows.Runs.Cases;
using PdeFlows.Runs.References;
using PdeFlows.Verification.Extrapolation;
using Xunit.Abstractions;

namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// The acceptance of issue 15 at CI size: a 1D SWFR case with K = 4 levels gives KL(t) (the energy)
/// whose true error against a much finer run lies within [0.1, 3] times its estimate. The truth is the
/// same case two levels finer (levels 0–5, Richardson from levels 4 and 5): its own error estimate must
/// be below 1/20 of the estimate under test, so the "true error" is measured to better than 5%.
/// A larger run is reported in docs/reference-solutions.md.
/// </summary>
public sealed class SwfrReferenceAcceptanceTests(ITestOutputHelper output)
{
    /// <summary>
/// SWFR of KL, bimodal target, u₀ in the left mode; τ₀ = 0.025 divides every output time. At this size
/// (96 cells on [−4, 4], h = σ/6) the four coarsest levels are in the asymptotic range for every quantity;
/// with 64 cells the early-time energies are not (the classifier says so; see the docs).
/// </summary>
    public const string Case = """
        name = "swfr-1d-reference"
        [domain]
        kind = "interval"
        lower = [-4.0]
        upper = [4.0]
        cells = [96]
        [target]
        density = "exp(-(x+1.5)^2/(2*0.5^2)) + 2*exp(-(x-1.5)^2/(2*0.5^2))"
        [initial]
        density = "exp(-(x+1.5)^2/(2*0.5^2))"
        mass = 1.0
        [flow]
        kind = "swfr"
        energy = "kl"
        alpha = 1.0
        beta = 1.0
        [time]
        end = 2.0
        step = 0.025
        [output]
        times = [0, 0.5, 1, 2]
        regions = { right = { lower = [0.0], upper = [4.0] } }
        """;

    [Fact]
    public void Four_levels_give_kl_values_whose_error_against_two_finer_levels_is_within_the_estimate()
    {
        var definition = CaseFileLoader.Parse(Case);
        var fine = ReferencePlan.Create(definition, 6);
        var records = ReferenceRunner.Run(fine);
        var coarse = ReferencePlan.Create(definition, 4);
        ReferenceResult tested = ReferenceAnalysis.Analyze(coarse, [.. records.Take(4)], Case, "case.toml");
        ReferenceResult truth = ReferenceAnalysis.Analyze(fine, records, Case, "case.toml");
        foreach (ReferenceEntry entry in tested.Entries.Where(e => e.Name == "energy" && e.Time > 0))
        {
            ReferenceEntry exact = truth.Entry("energy", entry.Time);
            Assert.Equal(ExtrapolationStatus.Extrapolated, entry.Estimate.Status);
            Assert.Equal(ExtrapolationStatus.Extrapolated, exact.Estimate.Status);
            double estimate = entry.Estimate.EstimatedError!.Value;
            Assert.True(exact.Estimate.EstimatedError!.Value < estimate / 20, $"the truth at t = {entry.Time} (±{exact.Estimate.EstimatedError:E2}) is not much finer than the estimate {estimate:E2}");
        }

        var (table, failures, ratios) = ReferenceAgreement.Check(tested, (name, time) =>
            name is "energy" or "edb_defect" or "region.right" or "mean[0]" or "covariance[0][0]" or "dissipation" ? truth.Entry(name, time).Estimate.Value : null);
        output.WriteLine(table);
        output.WriteLine($"true error / estimate: min {ratios.Min():F3}, max {ratios.Max():F3} over {ratios.Count} entries");
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + table);
        Assert.True(ratios.Count >= 15, table);
    }
}
