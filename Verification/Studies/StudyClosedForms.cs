using PdeFlows.Flows.Cases;
using PdeFlows.Flows.ClosedForms;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Problems;

namespace PdeFlows.Verification.Studies;

/// <summary>The closed-form references of a study on a run's nodes (math.md §4, kernel.md §2).</summary>
public static class StudyClosedForms
{
    /// <summary>The closed form <paramref name="form"/> for <paramref name="problem"/> at <paramref name="time"/>.</summary>
    /// <exception cref="CaseFileException">The closed form does not apply to the case (wrong flow, energy or dimension).</exception>
    public static StudyReferenceState At(StudyClosedForm form, FlowProblem problem, double time)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var definition = problem.Definition;
        var flow = definition.Flow;
        var setting = problem.Setting;
        double[] nodal;
        switch (form)
        {
            case StudyClosedForm.FisherRaoRelativeEntropy:
                Require(definition, flow.Kind == FlowKind.FisherRao && flow.Energy == EnergyKind.KullbackLeibler, "fr-kl needs kind = \"fr\", energy = \"kl\"");
                nodal = FisherRaoClosedForms.RelativeEntropy(setting, problem.InitialDensity, flow.Beta, time);
                break;
            case StudyClosedForm.SphericalFisherRaoRelativeEntropy:
                Require(definition, flow.Kind == FlowKind.SphericalFisherRao && flow.Energy == EnergyKind.KullbackLeibler, "sfr-kl needs kind = \"sfr\", energy = \"kl\"");
                nodal = FisherRaoClosedForms.SphericalRelativeEntropy(setting, problem.InitialDensity, flow.Beta, time);
                break;
            case StudyClosedForm.MaximumMeanDiscrepancyFlow:
                Require(definition, flow.Energy == EnergyKind.MaximumMeanDiscrepancy && flow.Reaction == ReactionKind.MaximumMeanDiscrepancy && !flow.HasTransport, "mmd-flow needs energy = \"mmd\", reaction = \"mmd\" and no transport");
                ReadOnlySpan<double> target = setting.Target;
                double decay = Math.Exp(-flow.Beta * time);
                nodal = new double[setting.Count];
                for (int i = 0; i < nodal.Length; i++)
                {
                    nodal[i] = target[i] + (decay * (problem.InitialDensity[i] - target[i]));
                }

                break;
            default:
                return Gaussian(problem, time);
        }

        return StudyReferenceState.FromNodal(problem.Space, setting, problem.Energy, nodal);
    }

    /// <summary>1D Gaussian W/WFR/SWFR of KL: moments by <see cref="GaussianWfrOde"/> from the discrete moments of u₀ and π; the nodal field is that Gaussian.</summary>
    private static StudyReferenceState Gaussian(FlowProblem problem, double time)
    {
        var definition = problem.Definition;
        var flow = definition.Flow;
        Require(definition, problem.Mesh.Dimension == 1 && flow.Energy == EnergyKind.KullbackLeibler && flow.Reaction == ReactionKind.Exact, "gaussian-wfr needs a 1D interval, energy = \"kl\" and the exact reaction");
        var target = DensityMoments.Compute(problem.Mesh, problem.Setting.Target);
        var initial = DensityMoments.Compute(problem.Mesh, problem.InitialDensity);
        double alpha = flow.HasTransport ? flow.Alpha : 0;
        double beta = flow.HasReaction ? flow.Beta : 0;
        var state = new GaussianWfrOde.GaussianState(initial.Mass, initial.Mean[0], initial.Covariance[0][0]);
        var solution = time > 0
            ? GaussianWfrOde.Solve(state, target.Mean[0], target.Covariance[0][0], alpha, beta, flow.IsSpherical, time)
            : state;
        double[] nodal = problem.Space.Interpolate(x =>
            solution.Mass / Math.Sqrt(2 * Math.PI * solution.Variance) * Math.Exp(-((x[0] - solution.Mean) * (x[0] - solution.Mean)) / (2 * solution.Variance)));
        var moments = new DensityMoments.Moments(solution.Mass, [solution.Mean], [[solution.Variance]]);
        return new StudyReferenceState(problem.Space, problem.Setting, problem.Energy, nodal, null, moments);
    }

    private static void Require(CaseDefinition definition, bool condition, string message)
    {
        if (!condition)
        {
            throw definition.Locations.Error("flow.kind", $"the study's closed form does not apply: {message}");
        }
    }
}
