using System.Globalization;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Studies.Gamma;

/// <summary>
/// One domain of <see cref="GammaMeshStudy"/>: a box, its refinement levels (cells per axis), the
/// target potential and initial density (continuum expressions: the reference flow evaluates them
/// exactly), the λ sweep, the kernel and the time grid. The flow is spherical λ-FRk against the
/// continuum SFR flow of KL.
/// </summary>
/// <param name="Name">Short name ("1d").</param>
/// <param name="Lower">Lower corner.</param>
/// <param name="Upper">Upper corner.</param>
/// <param name="Levels">Cells per axis, coarse to fine (each level halves h).</param>
/// <param name="Potential">V(x[, y]) with π ∝ e^{−V}.</param>
/// <param name="InitialDensity">f₀, u₀ ∝ f₀ of mass 1.</param>
/// <param name="Lambdas">λ, decreasing.</param>
/// <param name="Kernel">The RKHS kernel (fixed as h → 0 and λ → 0).</param>
/// <param name="End">T.</param>
/// <param name="OutputStep">Spacing of the output times (sup over them) and the splitting step.</param>
public sealed record GammaMeshDomain(
    string Name, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, IReadOnlyList<int> Levels, string Potential, string InitialDensity,
    IReadOnlyList<double> Lambdas, GammaKernel Kernel, double End, double OutputStep)
{
    /// <summary>The dimension.</summary>
    public int Dimension => Lower.Count;

    /// <summary>The output times 0, Δ, …, T.</summary>
    public double[] OutputTimes() => [.. Enumerable.Range(0, (int)Math.Round(End / OutputStep) + 1).Select(k => k * End / Math.Round(End / OutputStep))];

    /// <summary>The case text of one spherical λ-FRk run.</summary>
    /// <param name="cells">Cells per axis.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="reactionTolerance">The reaction integrator's tolerance.</param>
    /// <param name="beta">β of the flow.</param>
    /// <returns>The TOML text.</returns>
    public string CaseText(int cells, double lambda, double reactionTolerance, double beta) => $$"""
        name = "gamma-fr-mesh-{{Name}}"
        [domain]
        kind = "{{(Dimension == 1 ? "interval" : "rectangle")}}"
        lower = [{{string.Join(", ", Lower.Select(F))}}]
        upper = [{{string.Join(", ", Upper.Select(F))}}]
        cells = [{{string.Join(", ", Enumerable.Repeat(cells, Dimension))}}]
        [target]
        potential = "{{Potential}}"
        [initial]
        density = "{{InitialDensity}}"
        mass = 1.0
        [flow]
        kind = "sfr"
        energy = "kl"
        reaction = "kernel-fr-spherical"
        beta = {{F(beta)}}
        [kernel]
        kind = "{{CaseChoiceNames.NameOf(Kernel.Kind)}}"
        bandwidth = {{F(Kernel.Bandwidth)}}
        lambda = {{F(lambda)}}
        [time]
        end = {{F(End)}}
        step = {{F(OutputStep)}}
        [solver]
        reaction_tolerance = {{F(reactionTolerance)}}
        [output]
        times = [{{string.Join(", ", OutputTimes().Select(F))}}]
        """;

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The settings of <see cref="GammaMeshStudy"/>.</summary>
/// <param name="Domains">The domains (1D with ≥ 4 levels, 2D with ≥ 3).</param>
/// <param name="ReactionTolerance">The reaction integrator's tolerance on log u (far below every error measured).</param>
/// <param name="Beta">β of the flow (written into every case) and of the limit path.</param>
/// <param name="MaxDegreeOfParallelism">Runs at once; −1: one per processor.</param>
/// <param name="PlantedLimitBeta">A β for the limit paths (the continuum flow and the nodal exact flow) other than the flow's: a planted wrong limit, for falsifiability tests; null: <paramref name="Beta"/>.</param>
/// <param name="FinerHPartLevels">Halvings beyond the finest kernel level on which only the nodal exact flow is computed (no kernel runs, cheap): they continue the h part's sequence, whose lower limit is estimated from its own tail.</param>
public sealed record GammaMeshOptions(IReadOnlyList<GammaMeshDomain> Domains, double ReactionTolerance = 1e-8, double Beta = 1.0, int MaxDegreeOfParallelism = -1, double? PlantedLimitBeta = null, int FinerHPartLevels = 2)
{
    /// <summary>
    /// The built-in settings: 1D double well on [−2.5, 2.5] (the gamma-fr case), 25 … 400 cells, λ = 1e-1 … 1e-6;
    /// 2D double well in x on [−2, 2]², 4² … 64² cells, λ = 1e-1 … 1e-5; Gaussian kernel σ = 0.3 (1D), 0.5 (2D);
/// reaction tolerance 1e-8 on log u (four orders below the smallest error measured, ~1e-4).
    /// </summary>
    public static GammaMeshOptions Default { get; } = new(
    [
        new("1d", [-2.5], [2.5], [25, 50, 100, 200, 400], "2*(x^2 - 1)^2", "exp(-x^2/2)", [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6], new GammaKernel(KernelKind.Gaussian, 0.3), 2.0, 0.1),
        new("2d", [-2.0, -2.0], [2.0, 2.0], [4, 8, 16, 32, 64], "(x^2 - 1)^2 + y^2", "exp(-(x^2 + y^2)/1.5)", [1e-1, 1e-2, 1e-3, 1e-4, 1e-5], new GammaKernel(KernelKind.Gaussian, 0.5), 1.0, 0.1),
    ]);
}
