namespace PdeFlows.KernelApprox.Kernels;

/// <summary>Validation of kernel bandwidths, shared by every kernel constructor.</summary>
internal static class BandwidthValidation
{
    /// <summary>Returns <paramref name="bandwidth"/> if it is finite and &gt; 0, else throws naming the value.</summary>
    internal static double Validate(double bandwidth, string kernelName)
    {
        if (!double.IsFinite(bandwidth) || bandwidth <= 0.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bandwidth),
                bandwidth,
                $"The {kernelName} kernel bandwidth must be finite and > 0, but was {bandwidth.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return bandwidth;
    }
}
