using PdeFlows.Runs.Toml;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>The spellings of the enumerated choices of a study file (docs/verification-studies.md).</summary>
public static class StudyChoiceNames
{
    /// <summary><c>[sweep] parameter</c>.</summary>
    public static ChoiceSpellings<StudySweepParameter> Sweep { get; } = new(
        ("refine", StudySweepParameter.Refine), ("cells", StudySweepParameter.CellsMultiplier), ("step", StudySweepParameter.TimeStep),
        ("lambda", StudySweepParameter.Lambda), ("bandwidth", StudySweepParameter.Bandwidth), ("particles", StudySweepParameter.ParticleCount));

    /// <summary><c>[reference] kind</c>.</summary>
    public static ChoiceSpellings<StudyReferenceKind> Reference { get; } = new(
        ("closed-form", StudyReferenceKind.ClosedForm), ("finest", StudyReferenceKind.Finest), ("case", StudyReferenceKind.Case), ("exact", StudyReferenceKind.ExactDensity));

    /// <summary><c>[reference] closed_form</c>.</summary>
    public static ChoiceSpellings<StudyClosedForm> ClosedForm { get; } = new(
        ("fr-kl", StudyClosedForm.FisherRaoRelativeEntropy), ("sfr-kl", StudyClosedForm.SphericalFisherRaoRelativeEntropy),
        ("mmd-flow", StudyClosedForm.MaximumMeanDiscrepancyFlow), ("gaussian-wfr", StudyClosedForm.GaussianWassersteinFisherRao));

    /// <summary><c>[metrics] names</c>, <c>[expected] metric</c> and <c>bound_metrics</c>.</summary>
    public static ChoiceSpellings<MetricKind> Metric { get; } = new(
        ("l1", MetricKind.L1), ("l2", MetricKind.L2), ("h1", MetricKind.H1), ("hellinger", MetricKind.Hellinger),
        ("kl", MetricKind.KullbackLeibler), ("mmd", MetricKind.MaximumMeanDiscrepancy), ("energy", MetricKind.Energy),
        ("mass", MetricKind.Mass), ("mean", MetricKind.Mean), ("covariance", MetricKind.Covariance));
}
