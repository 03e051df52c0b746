using PdeFlows.Flows.TimeStepping;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>The parameter a study sweeps (study file <c>[sweep] parameter</c>).</summary>
public enum StudySweepParameter
{
    /// <summary><c>refine</c>: uniform refinement levels added to the case's <c>[domain] refine</c>; the table parameter is h.</summary>
    Refine,

    /// <summary><c>cells</c>: multipliers of the case's <c>[domain] cells</c> per axis; the table parameter is h.</summary>
    CellsMultiplier,

    /// <summary><c>step</c>: the time step τ.</summary>
    TimeStep,

    /// <summary><c>lambda</c>: the kernel regularization λ.</summary>
    Lambda,

    /// <summary><c>bandwidth</c>: the kernel bandwidth σ.</summary>
    Bandwidth,

    /// <summary><c>particles</c>: the particle count N of the case's <c>[particles]</c> section; the particles are compared with the mesh solution of the same case (metrics mmd, mean, covariance, mass).</summary>
    ParticleCount,
}

/// <summary>What a study compares each run with (study file <c>[reference] kind</c>).</summary>
public enum StudyReferenceKind
{
    /// <summary><c>closed-form</c>: a closed form of math.md §4 / kernel.md §2 on the run's nodes.</summary>
    ClosedForm,

    /// <summary><c>finest</c>: the run at the last swept value (interpolated onto the finest mesh for mesh sweeps); that run is not a row.</summary>
    Finest,

    /// <summary><c>case</c>: another case on the same mesh: the run's case with changes (reaction, step, scheme), or another case file.</summary>
    Case,

    /// <summary><c>exact</c>: an exact density u*(t, x) given as an expression (manufactured solutions).</summary>
    ExactDensity,
}

/// <summary>The closed forms a study can compare with.</summary>
public enum StudyClosedForm
{
    /// <summary><c>fr-kl</c>: FR of KL, u = π^{1−e^{−βt}} u₀^{e^{−βt}}.</summary>
    FisherRaoRelativeEntropy,

    /// <summary><c>sfr-kl</c>: SFR of KL, the same normalized to the initial mass.</summary>
    SphericalFisherRaoRelativeEntropy,

    /// <summary><c>mmd-flow</c>: the MMD-geometry flow of ½MMD², u = π + e^{−βt}(u₀ − π).</summary>
    MaximumMeanDiscrepancyFlow,

    /// <summary><c>gaussian-wfr</c>: 1D Gaussian W/WFR/SWFR of KL, mass, mean and variance by <c>GaussianWfrOde</c>.</summary>
    GaussianWassersteinFisherRao,
}

/// <summary>The swept parameter and its values, in run order.</summary>
/// <param name="Parameter">What is swept.</param>
/// <param name="Values">The values (refinement levels, multipliers, τ, λ or σ).</param>
public sealed record StudySweep(StudySweepParameter Parameter, IReadOnlyList<double> Values);

/// <summary>The reference of a study.</summary>
/// <param name="Kind">What kind of reference.</param>
/// <param name="ClosedForm">For <see cref="StudyReferenceKind.ClosedForm"/>.</param>
/// <param name="Reaction">For <see cref="StudyReferenceKind.Case"/>: the reaction of the reference (null: unchanged).</param>
/// <param name="Step">For <see cref="StudyReferenceKind.Case"/>: the time step of the reference (null: unchanged).</param>
/// <param name="Scheme">For <see cref="StudyReferenceKind.Case"/>: the scheme of the reference (null: unchanged).</param>
/// <param name="OtherCase">For <see cref="StudyReferenceKind.Case"/>: another case file (null: the run's own case).</param>
/// <param name="ExactDensity">For <see cref="StudyReferenceKind.ExactDensity"/>: u*(t, x, y, z).</param>
public sealed record StudyReference(
    StudyReferenceKind Kind,
    StudyClosedForm? ClosedForm = null,
    ReactionKind? Reaction = null,
    double? Step = null,
    SplittingScheme? Scheme = null,
    CaseDefinition? OtherCase = null,
    CompiledExpression? ExactDensity = null);

/// <summary>
/// What a study expects: an order (the fitted slope of <paramref name="Metric"/> over the last
/// <paramref name="Tail"/> rows within the tolerance) and/or a bound (the errors of
/// <paramref name="BoundMetrics"/> in the last row at most <paramref name="Bound"/>).
/// </summary>
/// <param name="Metric">The metric whose order is checked.</param>
/// <param name="Order">The expected order (signed, p = log(e₂/e₁)/log(P₂/P₁)), or null.</param>
/// <param name="Tolerance">The allowed deviation of the order.</param>
/// <param name="Tail">The rows fitted, counted from the last (null: all).</param>
/// <param name="Bound">The largest error allowed in the last row, or null.</param>
/// <param name="BoundMetrics">The metrics the bound applies to.</param>
public sealed record StudyExpectation(MetricKind Metric, double? Order, double Tolerance, int? Tail, double? Bound, IReadOnlyList<MetricKind> BoundMetrics);

/// <summary>
/// A validated study file (<see cref="StudyFileLoader"/>): a base case, one swept parameter,
/// a reference, metrics at given times or the supremum over the output times, and an optional
/// expected order.
/// </summary>
/// <param name="Name">The study name.</param>
/// <param name="BaseCase">The case every run starts from.</param>
/// <param name="Sweep">The swept parameter.</param>
/// <param name="Reference">The reference.</param>
/// <param name="Metrics">The metrics, in column order.</param>
/// <param name="Times">The times at which metrics are taken (one column each); null: the supremum over the case's output times.</param>
/// <param name="MmdKernel">Kernel of the MMD metric.</param>
/// <param name="MmdBandwidth">Kernel bandwidth for the MMD metric.</param>
/// <param name="Expected">The expected order, or null.</param>
/// <param name="File">The study file as displayed in messages.</param>
public sealed record StudyDefinition(
    string Name,
    CaseDefinition BaseCase,
    StudySweep Sweep,
    StudyReference Reference,
    IReadOnlyList<MetricKind> Metrics,
    IReadOnlyList<double>? Times,
    KernelKind MmdKernel,
    double MmdBandwidth,
    StudyExpectation? Expected,
    string File);
