using PdeFlows.Flows.ClosedForms;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.References;
using Xunit.Abstractions;
using static PdeFlows.Runs.Tests.References.ExactIntegrals;

namespace PdeFlows.Runs.Tests.References;

/// <summary>
/// <c>pdeflows reference</c>'s estimates against closed forms (math.md §4): the true error of every
/// extrapolated quantity that has a closed form lies between 0.1 and 3 times its estimate
/// (<see cref="ReferenceAgreement"/>). The truths are computed here, independently of the solver: FR
/// and SFR of KL pointwise, u(t) = π^{1−e^{−βt}} u₀^{e^{−βt}} (normalized for SFR), integrated by
/// <see cref="ExactIntegrals"/>; the Gaussian WFR by the moment ODEs (<see cref="GaussianWfrOde"/>)
/// and the Gaussian unbalanced KL in closed form. The EDB defect's exact value is 0 in every case.
/// </summary>
public sealed class ReferenceClosedFormTests(ITestOutputHelper output)
{
    /// <summary>
    /// FR of KL on [−1, 2] (not symmetric, densities far from zero at the ends: the lumped quadrature
    /// has a genuine h² error term, not the spectral accuracy of decaying Gaussians). The reaction is
    /// exact in time, so only h matters: the nodal values are the closed form up to the discrete
    /// normalization of u₀ (O(h²)). Probes at 0 and 0.5 are nodes of every level.
    /// </summary>
    private const string FisherRaoCase = """
        name = "fr-kl-reference"
        [domain]
        kind = "interval"
        lower = [-1.0]
        upper = [2.0]
        cells = [12]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-0.5)^2)"
        mass = 2.0
        [flow]
        kind = "KIND"
        energy = "kl"
        beta = 1.0
        [time]
        end = 2.0
        step = 0.25
        [output]
        times = [0, 0.5, 1, 2]
        probes = [[0.0], [0.5]]
        regions = { left = { lower = [-1.0], upper = [0.5] } }
        """;

    [Theory]
    [InlineData("fr")]
    [InlineData("sfr")]
    public void Fisher_rao_estimates_bracket_the_true_error_of_the_closed_form(string kind)
    {
        var result = Reference(FisherRaoCase.Replace("KIND", kind, StringComparison.Ordinal), 4);
        const double a = -1, b = 2, beta = 1;
        double z = Integrate(x => Math.Exp(-x * x / 2), a, b);
        double Pi(double x) => Math.Exp(-x * x / 2) / z;
        double scale = 2.0 / Integrate(x => Math.Exp(-(x - 0.5) * (x - 0.5)), a, b);
        double Initial(double x) => scale * Math.Exp(-(x - 0.5) * (x - 0.5));
        double Unnormalized(double x, double t) => Math.Pow(Pi(x), 1 - Math.Exp(-beta * t)) * Math.Pow(Initial(x), Math.Exp(-beta * t));
        bool spherical = kind == "sfr";
        double? Truth(string name, double t)
        {
            // SFR: the same profile scaled back to the initial mass 2 (the mean subtraction only rescales).
            double factor = spherical ? 2.0 / Integrate(x => Unnormalized(x, t), a, b) : 1;
            double U(double x) => factor * Unnormalized(x, t);
            double mass = Integrate(U, a, b);
            double mean = Integrate(x => x * U(x), a, b) / mass;
            double average = spherical ? Integrate(x => U(x) * Math.Log(U(x) / Pi(x)), a, b) / mass : 0;
            return name switch
            {
                "energy" => Integrate(x => (U(x) * Math.Log(U(x) / Pi(x))) - U(x) + Pi(x), a, b),
                "mass" => mass,
                "mean[0]" => mean,
                "covariance[0][0]" => Integrate(x => (x - mean) * (x - mean) * U(x), a, b) / mass,
                "dissipation" => beta * Integrate(x => U(x) * Math.Pow(Math.Log(U(x) / Pi(x)) - average, 2), a, b),
                "edb_defect" => 0,
                "region.left" => Integrate(U, a, 0.5),
                "probe[0]" => U(0),
                "probe[1]" => U(0.5),
                _ => null,
            };
        }

        // SFR conserves the mass exactly (converged to round-off at every level), FR changes it.
        string[] main = spherical ? ["energy", "mean[0]", "covariance[0][0]", "dissipation", "region.left", "probe[0]"] : ["energy", "mass", "mean[0]", "covariance[0][0]", "dissipation", "region.left", "probe[0]"];
        Assert(result, Truth, main, minimumChecked: 25);
    }

    /// <summary>
    /// Gaussian WFR of KL (and SWFR with strang): target N(½, 0.8²), u₀ = 1.5·N(−1, 0.6²) on [−7, 7]
    /// (both ≥ 9 standard deviations from the ends: truncation ~e^{−40}). Mass, mean and variance by the
    /// moment ODEs; the energy is the unbalanced KL of Gaussians, m log m + m·KL(N_u‖N_π) − m + 1.
    /// </summary>
    [Theory]
    [InlineData("wfr", "lie-ie", 1.5)]
    [InlineData("swfr", "strang", 1.0)]
    public void Gaussian_wfr_estimates_bracket_the_true_error_of_the_moment_odes(string kind, string scheme, double mass0)
    {
        string text = $"""
            name = "gaussian-{kind}-reference"
            [domain]
            kind = "interval"
            lower = [-7.0]
            upper = [7.0]
            cells = [112]
            [target]
            potential = "(x-0.5)^2/(2*0.64)"
            [initial]
            density = "exp(-(x+1)^2/(2*0.36))"
            mass = {mass0}
            [flow]
            kind = "{kind}"
            energy = "kl"
            alpha = 1.0
            beta = 1.0
            [time]
            end = 1.0
            step = 0.02
            scheme = "{scheme}"
            [output]
            times = [0, 0.2, 0.5, 1]
            """;
        var result = Reference(text, 4);
        var start = new GaussianWfrOde.GaussianState(mass0, -1, 0.36);
        double? Truth(string name, double t)
        {
            var s = t > 0 ? GaussianWfrOde.Solve(start, 0.5, 0.64, 1, 1, kind == "swfr", t) : start;
            double kl = GaussianWfrOde.GaussianRelativeEntropy(s.Mean, s.Variance, 0.5, 0.64);
            return name switch
            {
                "energy" => (s.Mass * Math.Log(s.Mass)) + (s.Mass * kl) - s.Mass + 1,
                "mass" => s.Mass,
                "mean[0]" => s.Mean,
                "covariance[0][0]" => s.Variance,
                "edb_defect" => 0,
                _ => null,
            };
        }

        Assert(result, Truth, ["energy", "mean[0]", "covariance[0][0]"], minimumChecked: 12);
    }

    private static ReferenceResult Reference(string text, int levels)
    {
        var plan = ReferencePlan.Create(CaseFileLoader.Parse(text), levels);
        return ReferenceAnalysis.Analyze(plan, ReferenceRunner.Run(plan), text, "case.toml");
    }

    private void Assert(ReferenceResult result, Func<string, double, double?> truth, string[] mustExtrapolate, int minimumChecked)
    {
        var (table, failures, ratios) = ReferenceAgreement.Check(result, truth);
        output.WriteLine(table);
        output.WriteLine($"true error / estimate over {ratios.Count} extrapolated entries: min {ratios.DefaultIfEmpty().Min():F3}, max {ratios.DefaultIfEmpty().Max():F3}");
        Xunit.Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + table);
        // Not vacuous: the main quantities are extrapolated at every positive time, and enough entries were checked.
        var missing = mustExtrapolate.SelectMany(name => ReferenceAgreement.NotExtrapolated(result, name)).ToList();
        Xunit.Assert.True(missing.Count == 0, string.Join("\n", missing) + "\n" + table);
        Xunit.Assert.True(ratios.Count >= minimumChecked, $"only {ratios.Count} entries had an estimate above the round-off floor\n{table}");
        // These cases are in the regime the estimator is designed for: the extrapolations themselves converge
        // faster than h^{p+1−tolerance} (observed ≈ 4), so no estimate falls back to the unreduced difference.
        // (A wrong extrapolation formula leaves an O(h²) remainder: the fallback keeps its estimate honest, and this catches it.)
        var fallbacks = result.Entries.Where(e => e.Estimate.Reason.Contains("do not shrink", StringComparison.Ordinal) && truth(e.Name, e.Time) is not null && e.Estimate.EstimatedError > e.Estimate.RoundOffFloor).Select(e => $"{e.Name} at t = {e.Time}: {e.Estimate.Reason}").ToList();
        Xunit.Assert.True(fallbacks.Count == 0, string.Join("\n", fallbacks));
    }
}
