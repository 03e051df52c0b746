using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Toml;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// The key table of study files (docs/verification-studies.md), the same mechanism as
/// <see cref="CaseKeys"/>: <see cref="StudyFileLoader"/> reads through it, the documentation table is
/// generated from it. The case part of a study file (inline case sections) is read with
/// <see cref="CaseKeys"/>.
/// </summary>
public static class StudyKeys
{
    /// <summary><c>[study]</c>.</summary>
    public static class Study
    {
        /// <summary><c>name</c>.</summary>
        public static readonly TextKey Name = new("study", "name", "the study name (tables, output folder `verify-NAME`)") { DefaultNote = "the case name" };

        /// <summary><c>case</c>.</summary>
        public static readonly TextKey Case = new("study", "case", "the base case as a file, relative to the study file; else the case sections (`[domain]`, `[flow]`, …) are written in the study file itself") { DefaultNote = "the inline case" };
    }

    /// <summary><c>[sweep]</c>.</summary>
    public static class Sweep
    {
        /// <summary><c>parameter</c>.</summary>
        public static readonly ChoiceKey<StudySweepParameter> Parameter = new("sweep", "parameter", "what is swept: refinement levels added to `[domain] refine`, multipliers of `[domain] cells`, τ, λ, σ, or the particle count N", StudyChoiceNames.Sweep) { Required = true };

        /// <summary><c>values</c>.</summary>
        public static readonly NumberArrayKey Values = new("sweep", "values", "the swept values in run order, at least two, each once") { Required = true };
    }

    /// <summary><c>[reference]</c>.</summary>
    public static class Reference
    {
        /// <summary><c>kind</c>.</summary>
        public static readonly ChoiceKey<StudyReferenceKind> Kind = new("reference", "kind", "what each run is compared with: a closed form, the finest run, a case on the same mesh, or an exact density", StudyChoiceNames.Reference) { Required = true };

        /// <summary><c>closed_form</c>.</summary>
        public static readonly ChoiceKey<StudyClosedForm> ClosedForm = new("reference", "closed_form", "the closed form (math.md §4, kernel.md §2)", StudyChoiceNames.ClosedForm) { DefaultNote = "required for `closed-form`" };

        /// <summary><c>reaction</c>.</summary>
        public static readonly ChoiceKey<ReactionKind> Reaction = new("reference", "reaction", "`case`: the reference's reaction (e.g. `exact` against a kernel reaction)", CaseChoiceNames.Reaction) { DefaultNote = "unchanged" };

        /// <summary><c>step</c>.</summary>
        public static readonly NumberKey Step = new("reference", "step", "`case`: the reference's time step") { Range = NumberRange.Positive, DefaultNote = "unchanged" };

        /// <summary><c>scheme</c>.</summary>
        public static readonly ChoiceKey<SplittingScheme> Scheme = new("reference", "scheme", "`case`: the reference's splitting scheme", CaseChoiceNames.Scheme) { DefaultNote = "unchanged" };

        /// <summary><c>case</c>.</summary>
        public static readonly TextKey Case = new("reference", "case", "`case`: another case file (relative to the study file), run on the run's domain and output times") { DefaultNote = "the run's own case" };

        /// <summary><c>density</c>.</summary>
        public static readonly ExpressionKey Density = new("reference", "density", "`exact`: the exact density u*(t, x, y, z) (manufactured solutions)") { UsesTime = true, DefaultNote = "required for `exact`" };
    }

    /// <summary><c>[metrics]</c>.</summary>
    public static class Metrics
    {
        /// <summary><c>names</c>.</summary>
        public static readonly ChoiceArrayKey<MetricKind> Names = new("metrics", "names", "the metrics, in column order, each once", StudyChoiceNames.Metric) { Required = true };

        /// <summary><c>times</c>.</summary>
        public static readonly NumberArrayKey Times = new("metrics", "times", "output times of the case at which each metric is a column, or the supremum over all output times") { Word = "sup" };

        /// <summary><c>mmd_kernel</c>.</summary>
        public static readonly ChoiceKey<KernelKind> MmdKernel = new("metrics", "mmd_kernel", "the kernel of the `mmd` metric", CaseChoiceNames.Kernel) { Default = KernelKind.Gaussian };

        /// <summary><c>mmd_bandwidth</c>.</summary>
        public static readonly NumberKey MmdBandwidth = new("metrics", "mmd_bandwidth", "the bandwidth of the `mmd` metric's kernel") { Range = NumberRange.Positive, Default = 0.5 };
    }

    /// <summary><c>[expected]</c> (optional).</summary>
    public static class Expected
    {
        /// <summary><c>metric</c>.</summary>
        public static readonly ChoiceKey<MetricKind> Metric = new("expected", "metric", "the metric whose order is checked (one of `[metrics] names`)", StudyChoiceNames.Metric) { Required = true };

        /// <summary><c>order</c>.</summary>
        public static readonly NumberKey Order = new("expected", "order", "the expected order, signed: p = log(e₂/e₁)/log(P₂/P₁) in h, τ, λ, σ or N; give it, a `bound`, or both");

        /// <summary><c>tolerance</c>.</summary>
        public static readonly NumberKey Tolerance = new("expected", "tolerance", "the allowed deviation of the fitted order") { Range = NumberRange.NonNegative, DefaultNote = "required with `order`" };

        /// <summary><c>tail</c>.</summary>
        public static readonly IntegerKey Tail = new("expected", "tail", "fit the order over the last rows only (a fitted order needs at least 2)") { Minimum = 2, DefaultNote = "all rows" };

        /// <summary><c>bound</c>.</summary>
        public static readonly NumberKey Bound = new("expected", "bound", "the largest error allowed in the last row") { Range = NumberRange.Positive };

        /// <summary><c>bound_metrics</c>.</summary>
        public static readonly ChoiceArrayKey<MetricKind> BoundMetrics = new("expected", "bound_metrics", "the metrics the bound applies to (each one of `[metrics] names`)", StudyChoiceNames.Metric) { DefaultNote = "`metric`" };
    }

    /// <summary>The study tables, in documentation order.</summary>
    public static TomlKeyTable Table { get; } = new(
    [
        new TomlSection("study", true, [Study.Name, Study.Case]),
        new TomlSection("sweep", true, [Sweep.Parameter, Sweep.Values]),
        new TomlSection("reference", true, [Reference.Kind, Reference.ClosedForm, Reference.Reaction, Reference.Step, Reference.Scheme, Reference.Case, Reference.Density]),
        new TomlSection("metrics", true, [Metrics.Names, Metrics.Times, Metrics.MmdKernel, Metrics.MmdBandwidth]),
        new TomlSection("expected", false, [Expected.Metric, Expected.Order, Expected.Tolerance, Expected.Tail, Expected.Bound, Expected.BoundMetrics]),
    ]);

    /// <summary>Everything a study file may hold at the top: the study tables and the case file's sections and top-level keys (for the unknown-section check and its hints).</summary>
    public static TomlKeyTable File { get; } = new(Table.Sections.Concat(CaseKeys.Table.Sections));
}
