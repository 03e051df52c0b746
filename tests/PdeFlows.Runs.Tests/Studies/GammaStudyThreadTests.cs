using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Studies.Gamma;

namespace PdeFlows.Runs.Tests.Studies;

/// <summary>The Γ-convergence study runs its cases in parallel: the numbers must not depend on how many run at once.</summary>
public class GammaStudyThreadTests
{
    [Fact]
    public void Measurements_are_bitwise_the_same_with_one_thread_and_with_three()
    {
        var defaults = GammaFisherRaoOptions.Default;
        var options = defaults with
        {
            Cells = 24,
            End = 0.2,
            SampleStep = 0.05,
            EarlyEnd = 0.04,
            EarlyStep = 0.02,
            Lambdas = [1e-1, 1e-2, 1e-3],
            Kernels = [new GammaKernel(KernelKind.Gaussian, 0.3)],
            Regimes = [defaults.Regimes[0]],
        };
        var serial = GammaFisherRaoStudy.MeasureAll(options with { MaxDegreeOfParallelism = 1 });
        var parallel = GammaFisherRaoStudy.MeasureAll(options with { MaxDegreeOfParallelism = 3 });
        Assert.Equal(6, serial.Length); // one regime × (spherical, not) × one kernel × three λ
        for (int j = 0; j < serial.Length; j++)
        {
            Assert.Equal(serial[j].Lambda, parallel[j].Lambda);
            Assert.Equal(serial[j].Samples.Count, parallel[j].Samples.Count);
            for (int k = 0; k < serial[j].Samples.Count; k++)
            {
                Assert.Equal(serial[j].Samples[k], parallel[j].Samples[k]); // record equality: every double equal
            }
        }
    }
}
