using PdeFlows.Flows;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Flows.Tests;

/// <summary>
/// Pure reaction flows (FR and SFR of KL and χ²) at t = 1, 2, 5, run through the splitting solver
/// with τ = 0.1, against an independent reference: the nodal ODE integrated by a classical RK4 with
/// a fine fixed step (<see cref="NodalOdeReference"/>), whose own accuracy is checked by halving its
/// step. The closed forms of math.md §4 (FisherRaoClosedForms, used by the studies) are checked
/// against the same reference, so neither side is compared with the formula it uses.
/// </summary>
public class FisherRaoClosedFormTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Beta = 0.8;

    /// <summary>A 1D nodal setting on [−3, 3]: lumped masses of a uniform P1 mesh, a bimodal target normalized by the lumped rule.</summary>
    internal static (NodalSetting Setting, double[] Initial) Setup(int nodes = 201)
    {
        double h = 6.0 / (nodes - 1);
        var x = Enumerable.Range(0, nodes).Select(i => -3 + (i * h)).ToArray();
        var m = x.Select((_, i) => i == 0 || i == nodes - 1 ? h / 2 : h).ToArray();
        var pi = x.Select(v => Math.Exp(-2 * (v - 1) * (v - 1)) + (0.5 * Math.Exp(-3 * (v + 1.2) * (v + 1.2)))).ToArray();
        double z = pi.Select((p, i) => p * m[i]).Sum();
        pi = pi.Select(p => p / z).ToArray();
        // A broad initial density of mass 1.3, with tiny values at the ends (~e^{-9}).
        var u0 = x.Select(v => 1.3 * Math.Exp(-v * v / 2) / Math.Sqrt(2 * Math.PI)).ToArray();
        return (new NodalSetting(m, pi), u0);
    }

    public static TheoryData<string> Cases => new() { "fr-kl", "sfr-kl", "fr-chi2", "sfr-chi2" };

    private static readonly double[] Times = [1.0, 2.0, 5.0];

    /// <summary>
    /// The RK4 reference at each of <see cref="Times"/> (integrated from one to the next), with its
    /// step halved once to bound its own error: RK4 is fourth order, so the fine solution's error is
    /// about 1/15 of the change. KL: ℓ̇ = −β(ℓ − log π − c) is linear with rate β = 0.8, h = 5e-3
    /// makes RK4's error ~1e-13; χ²: ℓ̇ = −β(r − 1 − c) with r = u/π up to ~50 here, h = 1e-4 keeps
    /// βrh ≤ 4e-3 and the change on halving ≲ 2e-12 (measured).
    /// Returns, per time, the fine solution and the relative difference between the two step sizes.
    /// </summary>
    private static (double[] Reference, double SelfError)[] References(string name, NodalSetting setting, double[] u0)
    {
        bool spherical = name.StartsWith("sfr", StringComparison.Ordinal);
        var energy = name.EndsWith("kl", StringComparison.Ordinal) ? NodalOdeReference.Energy.RelativeEntropy : NodalOdeReference.Energy.ChiSquared;
        double h = energy == NodalOdeReference.Energy.RelativeEntropy ? 5e-3 : 1e-4;
        double[] m = setting.LumpedMass.ToArray(), pi = setting.Target.ToArray();
        double[] coarse = u0, fine = u0;
        double previous = 0;
        var result = new (double[], double)[Times.Length];
        for (int k = 0; k < Times.Length; k++)
        {
            double duration = Times[k] - previous;
            int steps = (int)Math.Round(duration / h);
            coarse = NodalOdeReference.Solve(m, pi, coarse, Beta, spherical, energy, duration, steps);
            fine = NodalOdeReference.Solve(m, pi, fine, Beta, spherical, energy, duration, 2 * steps);
            result[k] = (fine, MaxRelativeError(coarse, fine));
            previous = Times[k];
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nodal_values_match_an_independent_RK4_integration_at_t_1_2_5(string name)
    {
        var (setting, u0) = Setup();
        bool spherical = name.StartsWith("sfr", StringComparison.Ordinal);
        IEnergy energy = name.EndsWith("kl", StringComparison.Ordinal) ? RelativeEntropy.Instance : ChiSquared.Instance;
        IReaction reaction = name switch
        {
            "fr-kl" or "sfr-kl" => new RelativeEntropyReaction(setting, Beta, spherical),
            "fr-chi2" => new ChiSquaredReaction(setting, Beta),
            _ => new IntegratedReaction(new FisherRaoRate(energy, setting, Beta, spherical: true), setting.Count),
        };
        // 1e-10 for the closed-form reactions (exact in τ: round-off over 50 composed steps is ~1e-14,
        // the reference's own error ≤ 1e-11, checked below); 1e-8 for spherical χ², integrated with
        // DOPRI5 at a local tolerance of 1e-11 in log u.
        double tolerance = name == "sfr-chi2" ? 1e-8 : 1e-10;

        var solver = new SplittingFlowSolver(setting, energy, reaction, transport: null, SplittingScheme.LieImplicitEuler, 0.1);
        var state = solver.InitialState(u0);
        var references = References(name, setting, u0);
        for (int k = 0; k < Times.Length; k++)
        {
            double t = Times[k];
            state = solver.AdvanceTo(state, t);
            var (reference, selfError) = references[k];
            Assert.True(selfError <= 1e-11, $"{name} at t = {t}: the RK4 reference changes by {selfError:E2} when its step is halved");
            double error = MaxRelativeError(state.Density, reference);
            output.WriteLine($"{name} t = {t}: max relative nodal error vs RK4 {error:E2} (RK4 step-halving change {selfError:E2})");
            Assert.True(error <= tolerance, $"{name} at t = {t}: max relative nodal error {error:E3} > {tolerance:E0}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Closed_forms_match_an_independent_RK4_integration_at_t_1_2_5(string name)
    {
        var (setting, u0) = Setup();
        Func<double, double[]> exact = name switch
        {
            "fr-kl" => t => FisherRaoClosedForms.RelativeEntropy(setting, u0, Beta, t),
            "sfr-kl" => t => FisherRaoClosedForms.SphericalRelativeEntropy(setting, u0, Beta, t),
            "fr-chi2" => t => FisherRaoClosedForms.ChiSquared(setting, u0, Beta, t),
            _ => t => FisherRaoClosedForms.SphericalChiSquared(setting, u0, Beta, t),
        };
        var references = References(name, setting, u0);
        for (int k = 0; k < Times.Length; k++)
        {
            double t = Times[k];
            var (reference, selfError) = references[k];
            double error = MaxRelativeError(exact(t), reference);
            output.WriteLine($"{name} closed form t = {t}: max relative nodal error vs RK4 {error:E2}");
            // Closed forms are exact up to round-off (the semi-analytic SFR χ² solves for q(t) by
            // Newton to machine precision); the reference is good to ≤ 1e-11 (step halving).
            Assert.True(selfError <= 1e-11 && error <= 1e-10, $"{name} at t = {t}: {error:E3} (reference self-error {selfError:E2})");
        }
    }

    [Fact]
    public void Spherical_chi_squared_reference_conserves_mass_and_solves_the_ode()
    {
        // Checks the semi-analytic reference itself: mass exact and a centred difference in time
        // matches −u r (r − 1 − c) to O(δ²) ≈ 1e-8 with δ = 1e-4.
        var (setting, u0) = Setup(41);
        double t = 0.7, delta = 1e-4;
        double[] u = FisherRaoClosedForms.SphericalChiSquared(setting, u0, Beta, t);
        Assert.Equal(setting.Mass(u0), setting.Mass(u), 12);
        double[] plus = FisherRaoClosedForms.SphericalChiSquared(setting, u0, Beta, t + delta);
        double[] minus = FisherRaoClosedForms.SphericalChiSquared(setting, u0, Beta, t - delta);
        var rate = new double[u.Length];
        new FisherRaoRate(ChiSquared.Instance, setting, Beta, spherical: true).Rate(u, rate);
        for (int i = 0; i < u.Length; i++)
        {
            double derivative = (plus[i] - minus[i]) / (2 * delta);
            Assert.True(Math.Abs(derivative + (u[i] * rate[i])) <= 1e-7 * Math.Max(1, Math.Abs(derivative)), $"node {i}: {derivative} vs {-u[i] * rate[i]}");
        }
    }

    [Fact]
    public void Relative_error_helper_flags_a_perturbed_vector()
    {
        double[] a = [1, 2, 3];
        double[] b = [1, 2, 3 * (1 + 1e-9)];
        Assert.True(MaxRelativeError(a, b) > 1e-10);
        Assert.Equal(0, MaxRelativeError(a, a));
    }

    internal static double MaxRelativeError(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]) / Math.Abs(expected[i]));
        }

        return max;
    }
}
