using PdeFlows.Discretization;
using PdeFlows.Flows;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Energies;

namespace PdeFlows.Verification.Metrics;

/// <summary>
/// The reference at one time: a nodal density on some P1 space (the run's own, or a finer one for
/// mesh sweeps against the finest run), optionally an exact function (used for L¹/L² by quadrature),
/// its energy and its moments (from the nodal density, or from a closed form).
/// </summary>
/// <param name="Space">The space of <paramref name="Nodal"/>.</param>
/// <param name="Setting">Lumped masses and nodal target of that space.</param>
/// <param name="Energy">The energy functional of the reference problem.</param>
/// <param name="Nodal">The nodal reference density.</param>
/// <param name="Exact">The exact density at this time, or null.</param>
/// <param name="Moments">Mass, normalized mean and covariance of the reference.</param>
public sealed record StudyReferenceState(
    P1Space Space,
    NodalSetting Setting,
    IEnergy Energy,
    double[] Nodal,
    SpatialFunction? Exact,
    DensityMoments.Moments Moments)
{
    /// <summary>A reference given by a nodal density alone (moments computed from it).</summary>
    public static StudyReferenceState FromNodal(P1Space space, NodalSetting setting, IEnergy energy, double[] nodal) =>
        new(space, setting, energy, nodal, null, DensityMoments.Compute(space.Mesh, nodal));
}
