namespace PdeFlows.Verification.Gamma;

/// <summary>
/// Everything the Γ-convergence study measures along one λ-FRk run μ_λ (kernel.md §5): one typed
/// <see cref="GammaPathSample"/> per output time, and the path functionals integrated over them by
/// composite Simpson's rule. The per-quantity arrays are views of the samples, in time order.
/// </summary>
/// <param name="Lambda">λ.</param>
/// <param name="Samples">The samples, in time order.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run and its measurement.</param>
public sealed record GammaPathMeasurement(double Lambda, IReadOnlyList<GammaPathSample> Samples, double WallSeconds)
{
    /// <summary>Sample times.</summary>
    public double[] Times => Column(s => s.Time);

    /// <summary>‖u_λ − u‖_{L¹} per sample.</summary>
    public double[] L1 => Column(s => s.L1);

    /// <summary>Hellinger distance per sample.</summary>
    public double[] Hellinger => Column(s => s.Hellinger);

    /// <summary>MMD per sample.</summary>
    public double[] MaximumMeanDiscrepancy => Column(s => s.MaximumMeanDiscrepancy);

    /// <summary>KL(u_λ ‖ u) per sample.</summary>
    public double[] KullbackLeibler => Column(s => s.KullbackLeibler);

    /// <summary>E(u_λ) per sample.</summary>
    public double[] Energy => Column(s => s.Energy);

    /// <summary>E(u) per sample.</summary>
    public double[] ExactEnergy => Column(s => s.ExactEnergy);

    /// <summary>D(u_λ) per sample.</summary>
    public double[] Dissipation => Column(s => s.Dissipation);

    /// <summary>R_λ per sample.</summary>
    public double[] RatePotential => Column(s => s.RatePotential);

    /// <summary>R*_λ per sample.</summary>
    public double[] SlopePotential => Column(s => s.SlopePotential);

    /// <summary>R_FR(μ_λ, μ̇_λ) per sample.</summary>
    public double[] FisherRaoRatePotential => Column(s => s.FisherRaoRatePotential);

    /// <summary>R*_FR(μ_λ, ξ) per sample.</summary>
    public double[] FisherRaoSlopePotential => Column(s => s.FisherRaoSlopePotential);

    /// <summary>λ⟨ξ, (K_μ + λ)⁻¹ξ⟩ per sample.</summary>
    public double[] Deficit => Column(s => s.Deficit);

    /// <summary>D₀ along the exact flow per sample.</summary>
    public double[] ExactDissipation => Column(s => s.ExactDissipation);

    /// <summary>The EDB residual |E(T) + ∫D dt − E(0)| / |E(0) − E(T)|.</summary>
    public double EdbResidual
    {
        get
        {
            double[] energy = Energy;
            return Math.Abs(energy[^1] + Simpson(Times, Dissipation) - energy[0]) / Math.Abs(energy[0] - energy[^1]);
        }
    }

    /// <summary>𝔇_λ = ∫(R_λ + R*_λ) dt along μ_λ.</summary>
    public double DissipationFunctional => Simpson(Times, RatePotential) + Simpson(Times, SlopePotential);

    /// <summary>𝔇₀ = ∫(R_FR + R*_FR) dt = ∫D₀ dt along the exact flow.</summary>
    public double ExactDissipationFunctional => Simpson(Times, ExactDissipation);

    /// <summary>max over samples of |R_λ − R*_λ| / R*_λ.</summary>
    public double IdentityDefect => Samples.Max(s => Math.Abs(s.RatePotential - s.SlopePotential) / Math.Max(s.SlopePotential, 1e-300));

    /// <summary>
    /// Composite Simpson's rule on samples that are equally spaced on consecutive segments (the
    /// spacing changes at most at segment ends; each segment an even number of intervals).
    /// </summary>
    /// <param name="times">The sample times.</param>
    /// <param name="values">The values there.</param>
    /// <returns>The integral.</returns>
    public static double Simpson(double[] times, double[] values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        double total = 0;
        int start = 0;
        for (int k = 1; k < times.Length; k++)
        {
            bool segmentEnds = k == times.Length - 1 || Math.Abs((times[k + 1] - times[k]) - (times[k] - times[k - 1])) > 1e-9 * (times[k] - times[k - 1]);
            if (segmentEnds)
            {
                total += UniformSimpson(times[start..(k + 1)], values[start..(k + 1)]);
                start = k;
            }
        }

        return total;
    }

    private static double UniformSimpson(double[] times, double[] values)
    {
        int intervals = times.Length - 1;
        if (intervals < 2 || intervals % 2 != 0)
        {
            throw new ArgumentException($"Simpson's rule needs an even number ≥ 2 of intervals, got {intervals}");
        }

        double h = (times[^1] - times[0]) / intervals, sum = values[0] + values[^1];
        for (int k = 1; k < intervals; k++)
        {
            sum += (k % 2 == 1 ? 4 : 2) * values[k];
        }

        return sum * h / 3;
    }

    private double[] Column(Func<GammaPathSample, double> value) => Samples.Select(value).ToArray();
}
