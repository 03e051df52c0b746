using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using static PdeFlows.Runs.Tests.Acceptance.FlowCases;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// Invariants of math.md §5 as property tests over random cases (seeded System.Random, seed
/// <see cref="Seed"/>; every case is printed so a failure can be replayed): random smooth targets
/// (a quadratic plus a cosine, or a two-bump mixture), random initial data of one to three Gaussian
/// bumps with widths from 0.02 (sharply peaked: a few cells wide, the tails underflow and are floored)
/// to 1, random weights α, β ∈ [0.2, 2], random step τ log-uniform in [1e-4, 10], 1D (120 cells on
/// [−2, 2]) and 2D (16 × 16 squares split into right triangles: non-obtuse, so the stiffness is an M-matrix).
/// </summary>
public class InvariantPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 4242;
    private const int Cases = 30;
    private const int StepsPerCase = 4;

    /// <summary>Mass: tolerance 1e-12 relative. Sources of round-off: Σ_j A_ij = 0 only to ~1e-16·A_ii, and the
    /// Cholesky residual of (M_π + τα A) g = b is ~1e-16·τα‖A‖‖g‖; observed drift is printed (≲ 1e-14).</summary>
    private const double MassTolerance = 1e-12;

    /// <summary>Energy: E^{n+1} ≤ E^n + 1e-12·(1 + |E^n|), the round-off of the lumped sum of ≤ 300 terms of size ≲ |E| + mass.</summary>
    private const double EnergyTolerance = 1e-12;

    public static TheoryData<string, string> Flows => new()
    {
        { "sfr", "lie-ie" }, { "w", "lie-ie" }, { "wfr", "lie-ie" }, { "swfr", "lie-ie" },
        { "sfr", "strang" }, { "w", "strang" }, { "swfr", "strang" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Mass_positivity_and_energy_decrease_over_random_cases(string kind, string scheme)
    {
        var random = new Random(Seed);
        bool conservative = kind != "wfr";
        bool lie = scheme == "lie-ie";
        double worstMass = 0, worstEnergyRise = double.NegativeInfinity, smallestMin = double.PositiveInfinity;
        int rejected = 0;
        var log = new StringBuilder($"{kind} {scheme}, seed {Seed}\n");
        for (int c = 0; c < Cases; c++)
        {
            var (text, description) = RandomCase(random, c % 2 == 0 ? 1 : 2, kind, scheme);
            using var problem = Build(text);
            Assert.True(problem.Transport?.MMatrix.HasMMatrixSignPattern ?? true, "the structured mesh must give an M-matrix");
            var setting = problem.Setting;
            double mass0 = setting.Mass(problem.Discretization.InitialDensity.AsSpan());
            double energy = problem.Energy.Value(problem.Discretization.InitialDensity.AsSpan(), setting);
            double caseMass = 0, caseRise = double.NegativeInfinity, caseMin = double.PositiveInfinity;
            var (state, _, _) = Run(problem, s =>
            {
                caseMass = Math.Max(caseMass, Math.Abs(setting.Mass(s.Density) - mass0) / mass0);
                caseMin = Math.Min(caseMin, s.Density.Min());
                double next = problem.Energy.Value(s.Density, setting);
                caseRise = Math.Max(caseRise, (next - energy) / (1 + Math.Abs(energy)));
                energy = next;
            });
            rejected += state.Rejected;
            log.AppendLine(CultureInfo.InvariantCulture, $"case {c}: {description} | mass drift {caseMass:E2}, min u {caseMin:E2}, max relative E rise {caseRise:E2}, rejected {state.Rejected}");
            worstMass = Math.Max(worstMass, caseMass);
            worstEnergyRise = Math.Max(worstEnergyRise, caseRise);
            smallestMin = Math.Min(smallestMin, caseMin);
        }

        log.AppendLine(CultureInfo.InvariantCulture, $"worst mass drift {worstMass:E2}, smallest min u {smallestMin:E2}, worst E rise {worstEnergyRise:E2}, rejected steps {rejected}");
        output.WriteLine(log.ToString());
        if (conservative)
        {
            Assert.True(worstMass <= MassTolerance, log.ToString());
        }

        // Every accepted state is positive by construction (rejection) for strang; lie-ie must need no rejection at all.
        Assert.True(smallestMin > 0, log.ToString());
        if (lie)
        {
            Assert.True(rejected == 0, log.ToString());
            Assert.True(worstEnergyRise <= EnergyTolerance, log.ToString());
        }
    }

    /// <summary>One random case: the case text and a one-line description.</summary>
    internal static (string Text, string Description) RandomCase(Random random, int dimension, string kind, string scheme)
    {
        string[] axes = dimension == 1 ? ["x"] : ["x", "y"];
        double Uniform(double a, double b) => a + ((b - a) * random.NextDouble());
        string Square(double[] centre) => string.Join(" + ", axes.Select((a, k) => $"({a} - {F(centre[k])})^2"));
        double[] Point() => axes.Select(_ => Math.Round(Uniform(-1.5, 1.5), 3)).ToArray();

        string target = random.Next(2) == 0
            ? $"potential = \"{F(Math.Round(Uniform(0.3, 2), 3))}*({Square(Point())}) + {F(Math.Round(Uniform(0, 1), 3))}*cos({F(Math.Round(Uniform(1, 4), 3))}*x)\""
            : $"density = \"exp(-({Square(Point())})/{F(Math.Round(Uniform(0.2, 1), 3))}) + {F(Math.Round(Uniform(0.2, 2), 3))}*exp(-({Square(Point())})/{F(Math.Round(Uniform(0.2, 1), 3))})\"";
        int bumps = random.Next(1, 4);
        var terms = new List<string>();
        for (int b = 0; b < bumps; b++)
        {
            // Widths log-uniform in [0.02, 1]: the narrowest are one or two cells wide.
            double width = Math.Round(Math.Exp(Uniform(Math.Log(0.02), 0)), 4);
            terms.Add($"{F(Math.Round(Uniform(0.2, 2), 3))}*exp(-({Square(Point())})/(2*{F(width)}^2))");
        }

        string initial = $"density = \"{string.Join(" + ", terms)}\"\nmass = {F(Math.Round(Uniform(0.5, 2), 3))}";
        double alpha = Math.Round(Uniform(0.2, 2), 3), beta = Math.Round(Uniform(0.2, 2), 3);
        double tau = Math.Exp(Uniform(Math.Log(1e-4), Math.Log(10)));
        string flow = $"kind = \"{kind}\"\nalpha = {F(alpha)}\nbeta = {F(kind == "w" ? 0 : beta)}";
        string domain = dimension == 1 ? Interval(-2, 2, 120) : Rectangle(-2, 2, 16);
        string text = Text(domain, target, initial, flow, Time(StepsPerCase * tau, tau, scheme), Times(0, StepsPerCase * tau));
        return (text, $"{dimension}D tau={tau:E2} alpha={alpha} beta={beta} {target.Replace("\n", " ", StringComparison.Ordinal)} {initial.Replace("\n", " ", StringComparison.Ordinal)}");
    }
}
