using PdeFlows.Discretization;
using PdeFlows.Flows;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Diagnostics;

namespace PdeFlows.Verification.ClosedForms;

/// <summary>
/// The closed-form references a study compares with that are not flows of Flows itself (whose
/// FR/SFR closed forms are <see cref="FisherRaoClosedForms"/>): the MMD-geometry flow of ½MMD²
/// (kernel.md §2) and the 1D Gaussian W/WFR/SWFR flow of KL (math.md §4), from plain arrays.
/// </summary>
public static class ReferenceClosedForms
{
    /// <summary>The MMD-geometry flow of ½MMD² with ε = 0: u(t) = π + e^{−βt}(u₀ − π) at the nodes.</summary>
    /// <param name="setting">The nodal setting (its target π).</param>
    /// <param name="initial">u₀ at the nodes.</param>
    /// <param name="beta">β.</param>
    /// <param name="time">t.</param>
    /// <returns>u(t) at the nodes.</returns>
    public static double[] MaximumMeanDiscrepancyFlow(NodalSetting setting, ReadOnlySpan<double> initial, double beta, double time)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ReadOnlySpan<double> target = setting.Target;
        double decay = Math.Exp(-beta * time);
        var nodal = new double[setting.Count];
        for (int i = 0; i < nodal.Length; i++)
        {
            nodal[i] = target[i] + (decay * (initial[i] - target[i]));
        }

        return nodal;
    }

    /// <summary>
    /// The 1D Gaussian W/WFR/SWFR flow of KL: mass, mean and variance by <see cref="GaussianWfrOde"/>
    /// from the discrete moments of u₀ and π; the nodal field is that Gaussian interpolated on the space.
    /// </summary>
    /// <param name="space">A 1D P1 space.</param>
    /// <param name="setting">The nodal setting (its target π).</param>
    /// <param name="initial">u₀ at the nodes.</param>
    /// <param name="alpha">The transport weight α (0 without transport).</param>
    /// <param name="beta">The reaction weight β (0 without reaction).</param>
    /// <param name="spherical">Whether the reaction is the spherical one.</param>
    /// <param name="time">t.</param>
    /// <returns>The nodal Gaussian and its exact moments.</returns>
    public static (double[] Nodal, DensityMoments.Moments Moments) GaussianWassersteinFisherRao(
        P1Space space, NodalSetting setting, ReadOnlySpan<double> initial, double alpha, double beta, bool spherical, double time)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(setting);
        var target = DensityMoments.Compute(space.Mesh, setting.Target);
        var start = DensityMoments.Compute(space.Mesh, initial);
        var state = new GaussianWfrOde.GaussianState(start.Mass, start.Mean[0], start.Covariance[0][0]);
        var solution = time > 0
            ? GaussianWfrOde.Solve(state, target.Mean[0], target.Covariance[0][0], alpha, beta, spherical, time)
            : state;
        double[] nodal = space.Interpolate(x =>
            solution.Mass / Math.Sqrt(2 * Math.PI * solution.Variance) * Math.Exp(-((x[0] - solution.Mean) * (x[0] - solution.Mean)) / (2 * solution.Variance)));
        return (nodal, new DensityMoments.Moments(solution.Mass, [solution.Mean], [[solution.Variance]]));
    }
}
