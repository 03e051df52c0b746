using PdeFlows.Flows;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Particles;
using Xunit.Abstractions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Weighted-particle methods of kernel.md §3b, with fixed seeds.</summary>
public class ParticleMethodTests(ITestOutputHelper output)
{
    // N(m, Σ) with m = (1, −0.5), Σ = [[1, 0.3], [0.3, 0.5]]: V = ½(x−m)ᵀΣ⁻¹(x−m).
    private static readonly double[] TargetMean = [1.0, -0.5];
    private static readonly double[] TargetCovariance = [1.0, 0.3, 0.3, 0.5];

    private static ParticleTarget GaussianTarget()
    {
        double det = (TargetCovariance[0] * TargetCovariance[3]) - (TargetCovariance[1] * TargetCovariance[2]);
        double[] precision = [TargetCovariance[3] / det, -TargetCovariance[1] / det, -TargetCovariance[2] / det, TargetCovariance[0] / det];
        return new ParticleTarget(
            2,
            x =>
            {
                double a = x[0] - TargetMean[0], b = x[1] - TargetMean[1];
                return 0.5 * ((precision[0] * a * a) + (2 * precision[1] * a * b) + (precision[3] * b * b));
            },
            (x, g) =>
            {
                double a = x[0] - TargetMean[0], b = x[1] - TargetMean[1];
                g[0] = (precision[0] * a) + (precision[1] * b);
                g[1] = (precision[2] * a) + (precision[3] * b);
            });
    }

    // Double well V = (x² − 4)²/4: minima at ±2, barrier V(0) − V(±2) = 4, symmetric π (far-mode mass ½).
    private static ParticleTarget DoubleWell() => new(
        1,
        x => (x[0] * x[0] - 4) * (x[0] * x[0] - 4) / 4,
        (x, g) => g[0] = x[0] * (x[0] * x[0] - 4));

    private static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    [Fact]
    public void Svgd_reaches_the_mean_and_covariance_of_a_gaussian_target()
    {
        // 500 particles from N(0, I) (seed 2024), adaptive median bandwidth σ = med/√(2 log N) ≈ 0.6, τ = 0.5, 400 steps
        // (t = 200: the mean relaxes at rate ≈ (local kernel mass ≈ 0.15)·(smallest precision ≈ 0.9), so t = 40 left ≈ 0.1 of the
        // initial offset; t = 200 leaves ≪ 0.05).
        ParticleEnsemble ensemble = ParticleSampling.Gaussian(500, [0.0, 0.0], [1.0, 1.0], new Random(2024));
        var svgd = new SteinVariationalGradientDescent(step: 0.5);
        svgd.Run(ensemble, GaussianTarget(), 400);
        double meanError = MaxAbsDifference(ensemble.Mean(), TargetMean);
        double covarianceError = MaxAbsDifference(ensemble.Covariance(), TargetCovariance);
        double[] c = ensemble.Covariance();
        output.WriteLine($"SVGD: mean ({ensemble.Mean()[0]:F4}, {ensemble.Mean()[1]:F4}), covariance [{c[0]:F4} {c[1]:F4}; {c[2]:F4} {c[3]:F4}]; max errors mean {meanError:E2}, covariance {covarianceError:E2}");
        Assert.True(meanError <= 0.05, $"mean error {meanError}");
        Assert.True(covarianceError <= 0.05, $"covariance error {covarianceError}");
    }

    [Fact]
    public void Regularized_svgd_also_moves_toward_the_target_mean()
    {
        ParticleEnsemble ensemble = ParticleSampling.Gaussian(200, [0.0, 0.0], [1.0, 1.0], new Random(7));
        var stein = new SteinVariationalGradientDescent(step: 0.05, regularization: 1e-2);
        double before = MaxAbsDifference(ensemble.Mean(), TargetMean);
        stein.Run(ensemble, GaussianTarget(), 100);
        double after = MaxAbsDifference(ensemble.Mean(), TargetMean);
        output.WriteLine($"regularized Stein (λ = 1e-2): mean error {before:F4} → {after:F4}");
        Assert.True(after < 0.2 * before, $"mean error {before} → {after}");
    }

    [Fact]
    public void Birth_death_langevin_populates_the_far_mode_faster_than_langevin()
    {
        // 400 particles at N(−2, 0.3²) (left well), τ = 0.01, T = 5, KDE bandwidth 0.3, γ = 1.
        // Kramers: plain Langevin crosses at rate ≈ 0.9e^{−4} ≈ 0.016, so ≈ 7% reaches x > 0 by T = 5;
        // birth–death duplicates the few crossers (μ ≪ π there) and approaches the target's ½.
        double FarMass(double rate)
        {
            ParticleEnsemble ensemble = ParticleSampling.Gaussian(400, [-2.0], [0.3], new Random(11));
            new BirthDeathLangevin(0.01, rate, 0.3).Run(ensemble, DoubleWell(), new Random(12), 500);
            int right = 0;
            for (int i = 0; i < ensemble.Count; i++)
            {
                right += ensemble.Position(i)[0] > 0 ? 1 : 0;
            }

            return right / (double)ensemble.Count;
        }

        double langevin = FarMass(0.0), birthDeath = FarMass(1.0);
        output.WriteLine($"far-mode mass at T = 5 (target 0.5): Langevin {langevin:F4}, birth–death Langevin {birthDeath:F4}");
        Assert.True(birthDeath > langevin + 0.15, $"birth–death {birthDeath} vs Langevin {langevin}");
    }

    [Fact]
    public void Mmd_vanishes_between_identical_measures_and_matches_a_hand_computed_case()
    {
        var kernel = new GaussianKernel(1.0);
        PointSet points = TestData.RandomPoints(50, 2, seed: 5);
        double[] weights = TestData.RandomVector(50, 6, 0.0, 1.0);
        double identical = MaximumMeanDiscrepancy.Squared(kernel, points, weights, points, weights);
        Assert.True(Math.Abs(identical) <= 1e-12, $"MMD² of identical measures {identical}");
        // μ = δ₀, ν = ½δ₁ + ½δ₂ in 1D, σ = 1: MMD² = 1 − (e^{−½} + e^{−2}) + ¼(2 + 2e^{−½}).
        double expected = 1 - (Math.Exp(-0.5) + Math.Exp(-2)) + (0.25 * (2 + (2 * Math.Exp(-0.5))));
        double actual = MaximumMeanDiscrepancy.Squared(kernel, new PointSet([0.0], 1), [1.0], new PointSet([1.0, 2.0], 1), [0.5, 0.5]);
        NumericAssert.ScalarClose(actual, expected, 1e-14, "hand-computed MMD²");
        // Particles at the nodes carrying mᵢuᵢ: zero distance to the nodal measure.
        var setting = new NodalSetting([0.25, 0.5, 0.25], [1.0, 1.0, 1.0]);
        double[] u = [0.4, 1.2, 0.8];
        var nodes = new PointSet([0.0, 0.5, 1.0], 1);
        var ensemble = new ParticleEnsemble([0.0, 0.5, 1.0], 1, [0.1, 0.6, 0.2]);
        Assert.True(MaximumMeanDiscrepancy.BetweenParticlesAndNodes(kernel, ensemble, nodes, setting, u) <= 1e-7);
    }

    [Fact]
    public void Mmd_flow_ift_and_particle_kernel_fisher_rao_reduce_the_distance_to_the_target()
    {
        // Target samples N((1, −0.5), 0.5²I); particles start at N(0, I). MMD with σ = 1.
        ParticleEnsemble targetEnsemble = ParticleSampling.Gaussian(300, [1.0, -0.5], [0.5, 0.5], new Random(31));
        PointSet targetSamples = targetEnsemble.ToPointSet();
        var kernel = new GaussianKernel(1.0);
        double Distance(ParticleEnsemble e) => MaximumMeanDiscrepancy.Distance(kernel, e.ToPointSet(), e.Weights, targetSamples, targetEnsemble.Weights);

        ParticleEnsemble mmd = ParticleSampling.Gaussian(200, [0.0, 0.0], [1.0, 1.0], new Random(32));
        double start = Distance(mmd);
        var flow = new MaximumMeanDiscrepancyParticleFlow(kernel, step: 1.0, noiseLevel: 0.1);
        var noise = new Random(33);
        for (int s = 0; s < 100; s++)
        {
            flow.Advance(mmd, targetSamples, noise);
        }

        ParticleEnsemble ift = ParticleSampling.Gaussian(200, [0.0, 0.0], [1.0, 1.0], new Random(32));
        var scheme = new InteractionForceTransportParticles(kernel, step: 1.0, alpha: 1.0, beta: 0.05, epsilon: 1e-3);
        for (int s = 0; s < 100; s++)
        {
            scheme.Advance(ift, targetSamples);
        }

        // Kernel FR on particles: positions fixed at a broad sample, only weights move.
        ParticleEnsemble weighted = ParticleSampling.Gaussian(300, [0.0, 0.0], [1.5, 1.5], new Random(34));
        double weightedStart = Distance(weighted);
        var fisherRao = new ParticleKernelFisherRao(new GaussianKernel(0.5), step: 0.2, beta: 1.0, regularization: 1e-3, densityBandwidth: 0.3);
        var target = new ParticleTarget(2, x => 2 * (((x[0] - 1) * (x[0] - 1)) + ((x[1] + 0.5) * (x[1] + 0.5))), (x, g) => { g[0] = 4 * (x[0] - 1); g[1] = 4 * (x[1] + 0.5); });
        for (int s = 0; s < 25; s++)
        {
            fisherRao.Advance(weighted, target);
        }

        double mmdEnd = Distance(mmd), iftEnd = Distance(ift), weightedEnd = Distance(weighted);
        output.WriteLine($"MMD to target: MMD flow {start:E3} → {mmdEnd:E3}; IFT {start:E3} → {iftEnd:E3}; particle kernel FR {weightedStart:E3} → {weightedEnd:E3} (min weight {weighted.Weights.ToArray().Min():E2}, deficit {fisherRao.LastProjection!.Deficit:E2})");
        Assert.True(mmdEnd < 0.2 * start && iftEnd < 0.2 * start && weightedEnd < 0.5 * weightedStart);
        Assert.True(weighted.Weights.ToArray().All(w => w > 0) && Math.Abs(weighted.TotalWeight - 1.0) < 1e-12);
        Assert.True(ift.Weights.ToArray().All(w => w >= 0) && Math.Abs(ift.TotalWeight - 1.0) < 1e-12);
    }

    [Fact]
    public void Particle_methods_are_reproducible_with_a_seed_and_rejection_sampling_works()
    {
        double[] Run()
        {
            ParticleEnsemble e = ParticleSampling.Rejection(200, x => Math.Exp(-x[0] * x[0] / 2), [-4.0], [4.0], 1.0, new Random(3));
            new BirthDeathLangevin(0.01, 1.0, 0.3).Run(e, DoubleWell(), new Random(4), 20);
            return e.Positions.ToArray();
        }

        double[] first = Run(), second = Run();
        Assert.Equal(first, second);
        ParticleEnsemble sample = ParticleSampling.Rejection(4000, x => Math.Exp(-x[0] * x[0] / 2), [-6.0], [6.0], 1.0, new Random(8));
        // Standard normal: mean 0 and variance 1 within ≈ 4 standard errors (0.016 and 0.022 for N = 4000).
        Assert.True(Math.Abs(sample.Mean()[0]) < 0.07 && Math.Abs(sample.Covariance()[0] - 1) < 0.09, $"{sample.Mean()[0]} {sample.Covariance()[0]}");
    }
}
