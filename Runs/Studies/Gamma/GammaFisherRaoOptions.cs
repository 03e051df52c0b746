using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>One kernel of the Γ-convergence study: its kind and bandwidth.</summary>
/// <param name="Kind">The kernel kind.</param>
/// <param name="Bandwidth">σ.</param>
public sealed record GammaKernel(KernelKind Kind, double Bandwidth)
{
    /// <inheritdoc/>
    public override string ToString() => $"{CaseChoiceNames.NameOf(Kind)} σ = {Bandwidth:G3}";
}

/// <summary>
/// One initial datum of the Γ-convergence study (kernel.md §5). Both are well-prepared in the theorem's
/// sense (μ_λ(0) = μ₀ for every λ); the concentrated one is pre-asymptotic over any practical λ range.
/// </summary>
/// <param name="Name">Short name ("broad").</param>
/// <param name="Density">The initial density expression (scaled to mass 1).</param>
/// <param name="Description">What it is.</param>
/// <param name="MustConverge">Whether the sweep is expected to reach the asymptotic regime, so that an inconclusive theorem check is a failure.</param>
public sealed record GammaRegime(string Name, string Density, string Description, bool MustConverge);

/// <summary>
/// The settings of <see cref="GammaFisherRaoStudy"/>: a 1D double-well target on [−2.5, 2.5],
/// KL energy, the λ sweep, the kernels (each used for spherical λ-FRk vs SFR with the first regime;
/// the first kernel elsewhere), the two regimes, the end time and the sample spacing of the path quantities.
/// </summary>
/// <param name="Cells">Cells of the interval (nodes = cells + 1).</param>
/// <param name="End">T.</param>
/// <param name="SampleStep">Spacing of the samples after <paramref name="EarlyEnd"/> (and the splitting step there; the reaction is integrated adaptively inside each step).</param>
/// <param name="EarlyEnd">End of the early, fast phase sampled at <paramref name="EarlyStep"/>.</param>
/// <param name="EarlyStep">Spacing of the samples on [0, EarlyEnd].</param>
/// <param name="Lambdas">The λ sweep, decreasing.</param>
/// <param name="Kernels">The kernels (all for the spherical flow with the first regime; the first one elsewhere).</param>
/// <param name="Regimes">The initial data.</param>
/// <param name="Potential">The target potential V (π ∝ e^{−V}).</param>
/// <param name="MetricBandwidth">Bandwidth of the Gaussian kernel of the MMD error metric.</param>
/// <param name="MaxDegreeOfParallelism">Runs at once; −1 (the default): one per processor. The numbers do not depend on it.</param>
/// <param name="PlantedLimitBeta">A β for the limit path other than the flow's (a planted wrong limit, for falsifiability tests); null: the flow's β.</param>
public sealed record GammaFisherRaoOptions(
    int Cells,
    double End,
    double SampleStep,
    double EarlyEnd,
    double EarlyStep,
    IReadOnlyList<double> Lambdas,
    IReadOnlyList<GammaKernel> Kernels,
    IReadOnlyList<GammaRegime> Regimes,
    string Potential,
    double MetricBandwidth,
    int MaxDegreeOfParallelism = -1,
    double? PlantedLimitBeta = null)
{
    /// <summary>The built-in settings (the kernel.md §5 prototype on 101 nodes: 56 runs, under a minute on 2 cores).</summary>
    public static GammaFisherRaoOptions Default { get; } = new(
        100,
        4.0,
        0.02,
        0.4,
        0.002,
        [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8],
        [new(KernelKind.Gaussian, 0.3), new(KernelKind.Gaussian, 0.6), new(KernelKind.MaternFiveHalves, 0.3), new(KernelKind.MaternFiveHalves, 0.6)],
        [
            new("broad", "exp(-x^2/2)", "μ₀ a broad Gaussian N(0, 1): mass wherever π has mass (asymptotic regime)", true),
            new("concentrated", "exp(-(x+1)^2/0.04)", "μ₀ a narrow Gaussian N(−1, 0.02) in the left well, density ratio e^{−100} at the right well: well-prepared too (μ_λ(0) = μ₀), but pre-asymptotic for every practical λ", false),
        ],
        "2*(x^2 - 1)^2",
        0.5);

    /// <summary>The case text of one run (spherical or not, kernel reaction with λ and the kernel).</summary>
    public string CaseText(GammaRegime regime, bool spherical, GammaKernel kernel, double lambda) => $$"""
        name = "gamma-fr"
        [domain]
        kind = "interval"
        lower = [-2.5]
        upper = [2.5]
        cells = [{{Cells}}]
        [target]
        potential = "{{Potential}}"
        [initial]
        density = "{{regime.Density}}"
        mass = 1.0
        [flow]
        kind = "{{(spherical ? "sfr" : "fr")}}"
        energy = "kl"
        reaction = "{{(spherical ? "kernel-fr-spherical" : "kernel-fr")}}"
        [kernel]
        kind = "{{CaseChoiceNames.NameOf(kernel.Kind)}}"
        bandwidth = {{Format(kernel.Bandwidth)}}
        lambda = {{Format(lambda)}}
        [time]
        end = {{Format(End)}}
        step = {{Format(SampleStep)}}
        [output]
        times = [{{string.Join(", ", SampleTimes().Select(Format))}}]
        """;

    /// <summary>
    /// The sample times: [0, EarlyEnd] at EarlyStep, then [EarlyEnd, T] at SampleStep, each segment
    /// with an even number of intervals (composite Simpson's rule per segment,
    /// <see cref="Verification.Gamma.PathIntegration.Simpson"/>): the dissipation changes fastest early on.
    /// </summary>
    public double[] SampleTimes()
    {
        static IEnumerable<double> Segment(double from, double to, double step, bool includeFirst)
        {
            int intervals = Math.Max(2, (int)Math.Round((to - from) / step));
            intervals += intervals % 2;
            return Enumerable.Range(includeFirst ? 0 : 1, intervals + (includeFirst ? 1 : 0)).Select(k => from + ((to - from) * k / intervals));
        }

        return [.. Segment(0, EarlyEnd, EarlyStep, true), .. Segment(EarlyEnd, End, SampleStep, false)];
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
