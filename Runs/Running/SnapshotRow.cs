using System.Collections.Immutable;

namespace PdeFlows.Runs.Running;

/// <summary>
/// What a run records at one output time (interfaces.md): the time and step, the energy, mass,
/// normalized mean and covariance, the dissipation, the cumulative EDB defect, the minimum density,
/// the mass of each output region (in the order of <c>[output] regions</c>), the density at each
/// probe, and — only when the recorder was asked to keep them — the nodal density itself.
/// The summary JSON, the io time series and the checkpoint content are all produced from these rows.
/// </summary>
/// <param name="Time">The output time.</param>
/// <param name="Step">Accepted steps up to it; −1 for a row restored from a checkpoint written before steps were recorded.</param>
/// <param name="Energy">E_h(u).</param>
/// <param name="Mass">∫u_h.</param>
/// <param name="Mean">Mean of u_h/∫u_h (length d).</param>
/// <param name="Covariance">Covariance of u_h/∫u_h (d rows of d).</param>
/// <param name="Dissipation">D_h(u).</param>
/// <param name="EdbDefect">The cumulative discrete EDB defect.</param>
/// <param name="MinDensity">min_i u_i.</param>
/// <param name="RegionMasses">∫ over each output region of u_h.</param>
/// <param name="ProbeValues">u_h at each probe point.</param>
/// <param name="Density">The nodal density, or default (<see cref="ImmutableArray{T}.IsDefault"/>) when not kept.</param>
public sealed record SnapshotRow(
    double Time,
    int Step,
    double Energy,
    double Mass,
    ImmutableArray<double> Mean,
    ImmutableArray<ImmutableArray<double>> Covariance,
    double Dissipation,
    double EdbDefect,
    double MinDensity,
    ImmutableArray<double> RegionMasses,
    ImmutableArray<double> ProbeValues,
    ImmutableArray<double> Density)
{
    /// <summary>Whether the nodal density was kept.</summary>
    public bool HasDensity => !Density.IsDefault;

    /// <summary>A copy of the kept nodal density, for the numerical routines that take arrays.</summary>
    /// <returns>The density.</returns>
    /// <exception cref="InvalidOperationException">The recorder did not keep densities.</exception>
    public double[] DensityArray() => HasDensity ? Density.ToArray() : throw new InvalidOperationException($"the density at t = {Time} was not kept (record with keepDensities)");
}
