using PdeFlows.Flows.ClosedForms;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.ClosedForms;
using PdeFlows.Verification.Metrics;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// The closed-form references of a study on a run's nodes (math.md §4, kernel.md §2): checks that
/// the closed form applies to the run's case, and takes the formula from Flows
/// (<see cref="FisherRaoClosedForms"/>) or Verification (<see cref="ReferenceClosedForms"/>).
/// </summary>
public static class StudyClosedForms
{
    /// <summary>The closed form <paramref name="form"/> for <paramref name="run"/> at <paramref name="time"/>.</summary>
    /// <param name="form">The closed form.</param>
    /// <param name="run">The run (its case, discretization and energy).</param>
    /// <param name="time">t.</param>
    /// <returns>The reference on the run's nodes.</returns>
    /// <exception cref="CaseFileException">The closed form does not apply to the case (wrong flow, energy or dimension).</exception>
    public static StudyReferenceState At(StudyClosedForm form, FlowRunRecord run, double time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var definition = run.Definition;
        var flow = definition.Flow;
        var (space, setting) = (run.Discretization.Space, run.Discretization.Setting);
        ReadOnlySpan<double> initial = run.Discretization.InitialDensity.AsSpan();
        double[] nodal;
        switch (form)
        {
            case StudyClosedForm.FisherRaoRelativeEntropy:
                Require(definition, flow.Kind == FlowKind.FisherRao && flow.Energy == EnergyKind.KullbackLeibler, "fr-kl needs kind = \"fr\", energy = \"kl\"");
                nodal = FisherRaoClosedForms.RelativeEntropy(setting, initial, flow.Beta, time);
                break;
            case StudyClosedForm.SphericalFisherRaoRelativeEntropy:
                Require(definition, flow.Kind == FlowKind.SphericalFisherRao && flow.Energy == EnergyKind.KullbackLeibler, "sfr-kl needs kind = \"sfr\", energy = \"kl\"");
                nodal = FisherRaoClosedForms.SphericalRelativeEntropy(setting, initial, flow.Beta, time);
                break;
            case StudyClosedForm.MaximumMeanDiscrepancyFlow:
                Require(definition, flow.Energy == EnergyKind.MaximumMeanDiscrepancy && flow.Reaction == ReactionKind.MaximumMeanDiscrepancy && !flow.HasTransport, "mmd-flow needs energy = \"mmd\", reaction = \"mmd\" and no transport");
                nodal = ReferenceClosedForms.MaximumMeanDiscrepancyFlow(setting, initial, flow.Beta, time);
                break;
            default:
                Require(definition, run.Mesh.Dimension == 1 && flow.Energy == EnergyKind.KullbackLeibler && flow.Reaction == ReactionKind.Exact, "gaussian-wfr needs a 1D interval, energy = \"kl\" and the exact reaction");
                var (gaussian, moments) = ReferenceClosedForms.GaussianWassersteinFisherRao(
                    space, setting, initial, flow.HasTransport ? flow.Alpha : 0, flow.HasReaction ? flow.Beta : 0, flow.IsSpherical, time);
                return new StudyReferenceState(space, setting, run.Energy, gaussian, null, moments);
        }

        return StudyReferenceState.FromNodal(space, setting, run.Energy, nodal);
    }

    private static void Require(CaseDefinition definition, bool condition, string message)
    {
        if (!condition)
        {
            throw definition.Locations.Error(CaseKeys.Flow.Kind, $"the study's closed form does not apply: {message}");
        }
    }
}
