using Xunit.Sdk;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Proves the comparison helpers can fail: a check that never fails checks nothing.</summary>
public class ComparisonHelperTests
{
    [Fact]
    public void Relative_error_helper_flags_a_perturbed_vector()
    {
        double[] reference = TestData.RandomVector(1000, seed: 4);
        double[] perturbed = (double[])reference.Clone();
        perturbed[517] += 1e-9; // relative 2-norm error ≈ 1e-9/‖v‖ ≈ 5e-11 > 1e-12
        NumericAssert.RelativeClose(reference, reference, 0.0, "identical vectors pass at zero tolerance");
        var failure = Assert.ThrowsAny<XunitException>(() => NumericAssert.RelativeClose(perturbed, reference, 1e-12, "perturbed"));
        Assert.Contains("exceeds tolerance", failure.Message);
        Assert.ThrowsAny<XunitException>(() => NumericAssert.ScalarClose(1.0 + 1e-10, 1.0, 1e-12, "scalar"));
        Assert.ThrowsAny<XunitException>(() => NumericAssert.AllFinite([0.0, double.NaN], "nan"));
        Assert.ThrowsAny<XunitException>(() => NumericAssert.RelativeClose([double.NaN], [1.0], 1.0, "NaN never passes"));
    }
}
