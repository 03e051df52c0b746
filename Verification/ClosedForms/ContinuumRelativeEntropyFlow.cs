using PdeFlows.Discretization;

namespace PdeFlows.Verification.ClosedForms;

/// <summary>
/// The continuum exact FR and SFR flows of KL on a box (math.md §4), evaluated exactly at any point:
/// u(t, x) = π(x)^{1−e^{−βt}} u₀(x)^{e^{−βt}} (FR), normalized to the initial mass for SFR, with
/// π = e^{−V}/Z_π and u₀ = M₀ f₀/∫f₀. The constants Z_π, ∫f₀ and the SFR normalization Z(t) are
/// integrals over the box, computed by a mesh-independent composite Gauss–Legendre rule
/// (<see cref="BoxQuadrature"/>); so this is the reference of the measure-level limit (h → 0, N → ∞),
/// not the nodal closed form of a discretization (<c>FisherRaoClosedForms</c>). It caches the last
/// SFR normalization: one instance per thread.
/// </summary>
public sealed class ContinuumRelativeEntropyFlow
{
    private readonly SpatialFunction potential;
    private readonly SpatialFunction initialDensity;
    private readonly double logTargetNormalization;
    private readonly double logInitialScale;
    private readonly double[] logTargetAtPoints;
    private readonly double[] logInitialAtPoints;
    private double cachedTime = double.NaN;
    private double cachedLogNormalization;

    /// <summary>Creates the flow.</summary>
    /// <param name="quadrature">The rule on the box (the domain of the flow).</param>
    /// <param name="potential">V, π ∝ e^{−V}.</param>
    /// <param name="initialDensity">f₀ ≥ 0, u₀ ∝ f₀.</param>
    /// <param name="initialMass">M₀ &gt; 0, the mass of u₀.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="spherical">SFR (mass kept) or FR.</param>
    public ContinuumRelativeEntropyFlow(BoxQuadrature quadrature, SpatialFunction potential, SpatialFunction initialDensity, double initialMass, double beta, bool spherical)
    {
        Quadrature = quadrature ?? throw new ArgumentNullException(nameof(quadrature));
        this.potential = potential ?? throw new ArgumentNullException(nameof(potential));
        this.initialDensity = initialDensity ?? throw new ArgumentNullException(nameof(initialDensity));
        if (!(initialMass > 0) || !(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(initialMass), "need M₀ > 0 and β > 0");
        }

        InitialMass = initialMass;
        Beta = beta;
        Spherical = spherical;
        int n = quadrature.Count;
        logTargetAtPoints = new double[n];
        logInitialAtPoints = new double[n];
        double shift = double.PositiveInfinity;
        for (int k = 0; k < n; k++)
        {
            logTargetAtPoints[k] = -potential(quadrature.Point(k));
            shift = Math.Min(shift, -logTargetAtPoints[k]);
        }

        // Z_π = e^{−shift}∫e^{−(V − shift)}: the shift by min V avoids underflow.
        double targetIntegral = 0, initialIntegral = 0;
        for (int k = 0; k < n; k++)
        {
            targetIntegral += quadrature.Weights[k] * Math.Exp(logTargetAtPoints[k] + shift);
            initialIntegral += quadrature.Weights[k] * initialDensity(quadrature.Point(k));
        }

        logTargetNormalization = Math.Log(targetIntegral) - shift;
        logInitialScale = Math.Log(initialMass / initialIntegral);
        for (int k = 0; k < n; k++)
        {
            logTargetAtPoints[k] -= logTargetNormalization;
            logInitialAtPoints[k] = LogInitial(initialDensity(quadrature.Point(k)));
        }
    }

    /// <summary>The quadrature on the box.</summary>
    public BoxQuadrature Quadrature { get; }

    /// <summary>M₀.</summary>
    public double InitialMass { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>Whether this is the SFR flow.</summary>
    public bool Spherical { get; }

    /// <summary>π(x), normalized on the box.</summary>
    /// <param name="x">The point.</param>
    /// <returns>π(x).</returns>
    public double Target(ReadOnlySpan<double> x) => Math.Exp(-potential(x) - logTargetNormalization);

    /// <summary>u(t, ·) as a function (the SFR normalization at t is computed once).</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>x ↦ u(t, x).</returns>
    public SpatialFunction At(double time)
    {
        double decay = Math.Exp(-Beta * time), logNormalization = LogNormalization(time);
        return x => Math.Exp(((1 - decay) * (-potential(x) - logTargetNormalization)) + (decay * LogInitial(initialDensity(x))) - logNormalization);
    }

    /// <summary>u(t) at the quadrature points.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The values, one per point of <see cref="Quadrature"/>.</returns>
    public double[] AtQuadraturePoints(double time)
    {
        double decay = Math.Exp(-Beta * time), logNormalization = LogNormalization(time);
        var values = new double[Quadrature.Count];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Math.Exp(Exponent(k, decay) - logNormalization);
        }

        return values;
    }

    /// <summary>E(u(t)) = ∫ u log(u/π) (− u + π for FR, the unbalanced form) by the quadrature.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The energy.</returns>
    public double Energy(double time)
    {
        double decay = Math.Exp(-Beta * time), logNormalization = LogNormalization(time), sum = 0;
        for (int k = 0; k < Quadrature.Count; k++)
        {
            double logU = Exponent(k, decay) - logNormalization, u = Math.Exp(logU), target = Math.Exp(logTargetAtPoints[k]);
            double entropy = u > 0 ? u * (logU - logTargetAtPoints[k]) : 0;
            sum += Quadrature.Weights[k] * (Spherical ? entropy : entropy - u + target);
        }

        return sum;
    }

    /// <summary>Mass, mean and covariance (row-major d×d) of u(t) by the quadrature.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The moments.</returns>
    public (double Mass, double[] Mean, double[] Covariance) Moments(double time)
    {
        double[] u = AtQuadraturePoints(time);
        int d = Quadrature.Dimension;
        double mass = 0;
        var mean = new double[d];
        for (int k = 0; k < u.Length; k++)
        {
            double w = Quadrature.Weights[k] * u[k];
            mass += w;
            for (int a = 0; a < d; a++)
            {
                mean[a] += w * Quadrature.Point(k)[a];
            }
        }

        for (int a = 0; a < d; a++)
        {
            mean[a] /= mass;
        }

        var covariance = new double[d * d];
        for (int k = 0; k < u.Length; k++)
        {
            double w = Quadrature.Weights[k] * u[k] / mass;
            var x = Quadrature.Point(k);
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[(a * d) + b] += w * (x[a] - mean[a]) * (x[b] - mean[b]);
                }
            }
        }

        return (mass, mean, covariance);
    }

    /// <summary>(1 − e^{−βt}) log π + e^{−βt} log u₀ at quadrature point k.</summary>
    private double Exponent(int k, double decay) => ((1 - decay) * logTargetAtPoints[k]) + (decay * logInitialAtPoints[k]);

    private double LogInitial(double value) => value > 0 ? Math.Log(value) + logInitialScale : double.NegativeInfinity;

    /// <summary>log Z(t) with Z(t) = ∫ π^{1−e}u₀^e / M₀ for SFR (so u(t) keeps the mass M₀); 0 for FR.</summary>
    private double LogNormalization(double time)
    {
        if (!Spherical)
        {
            return 0;
        }

        if (time == cachedTime)
        {
            return cachedLogNormalization;
        }

        double decay = Math.Exp(-Beta * time), largest = double.NegativeInfinity;
        for (int k = 0; k < Quadrature.Count; k++)
        {
            largest = Math.Max(largest, Exponent(k, decay));
        }

        double sum = 0;
        for (int k = 0; k < Quadrature.Count; k++)
        {
            sum += Quadrature.Weights[k] * Math.Exp(Exponent(k, decay) - largest);
        }

        cachedLogNormalization = largest + Math.Log(sum / InitialMass);
        cachedTime = time;
        return cachedLogNormalization;
    }
}
