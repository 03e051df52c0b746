using PdeFlows.Flows;
using PdeFlows.Flows.ClosedForms;

namespace PdeFlows.Verification.Gamma;

/// <summary>
/// The limit path μ of a λ-FRk sweep on fixed nodes: the exact FR (or SFR) flow of KL from the same
/// initial density (math.md §4), u(t) = π^{1−e^{−βt}}u₀^{e^{−βt}} (rescaled to the initial lumped
/// mass for SFR), and its rate density v = −∂ₜ log u taken from the closed form's time derivative:
/// v = βe^{−βt}ℓ₀ with ℓ₀ = log(u₀/π), minus its u-weighted mean for SFR. The rate does not go
/// through the force, so R_FR(μ, μ̇) = (1/2β)‖v‖²_u and R*_FR(μ) = (β/2)‖ξ − c‖²_u are computed
/// independently and agree only if the closed form is right. β and the target are the path's own:
/// a test plants a wrong limit by giving another β or another target.
/// </summary>
public sealed class FisherRaoLimitPath
{
    private readonly double[] initial;
    private readonly double[] initialLogRatio;

    /// <summary>Creates the path.</summary>
    /// <param name="setting">Lumped masses and the path's target π.</param>
    /// <param name="initial">u₀ at the nodes (positive).</param>
    /// <param name="beta">β &gt; 0 of the path.</param>
    /// <param name="spherical">SFR (mass-preserving) or FR.</param>
    public FisherRaoLimitPath(NodalSetting setting, ReadOnlySpan<double> initial, double beta, bool spherical)
    {
        Setting = setting ?? throw new ArgumentNullException(nameof(setting));
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be finite and > 0.");
        }

        Beta = beta;
        Spherical = spherical;
        this.initial = initial.ToArray();
        initialLogRatio = new double[initial.Length];
        for (int i = 0; i < initial.Length; i++)
        {
            initialLogRatio[i] = Math.Log(initial[i] / setting.Target[i]);
        }
    }

    /// <summary>Lumped masses and the path's target.</summary>
    public NodalSetting Setting { get; }

    /// <summary>β of the path.</summary>
    public double Beta { get; }

    /// <summary>Whether the path is the SFR flow.</summary>
    public bool Spherical { get; }

    /// <summary>u(t) at the nodes.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The density.</returns>
    public double[] Density(double time) => Spherical
        ? FisherRaoClosedForms.SphericalRelativeEntropy(Setting, initial, Beta, time)
        : FisherRaoClosedForms.RelativeEntropy(Setting, initial, Beta, time);

    /// <summary>The rate density v = −∂ₜ log u(t) at the nodes, from the closed form's derivative.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <param name="density">u(t) (the weights of the spherical mean).</param>
    /// <returns>v.</returns>
    public double[] RateDensity(double time, ReadOnlySpan<double> density)
    {
        double factor = Beta * Math.Exp(-Beta * time);
        var rate = new double[initialLogRatio.Length];
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = factor * initialLogRatio[i];
        }

        if (Spherical)
        {
            double mean = Setting.WeightedMean(density, rate);
            for (int i = 0; i < rate.Length; i++)
            {
                rate[i] -= mean;
            }
        }

        return rate;
    }
}
