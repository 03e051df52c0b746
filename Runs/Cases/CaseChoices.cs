namespace PdeFlows.Runs.Cases;

/// <summary>How the domain is given: <c>[domain] kind</c>.</summary>
public enum DomainKind
{
    /// <summary><c>interval</c>: a 1-D interval [lower, upper] cut into cells.</summary>
    Interval,

    /// <summary><c>rectangle</c>: a 2-D axis-aligned rectangle, cells split into triangles.</summary>
    Rectangle,

    /// <summary><c>box</c>: a 3-D axis-aligned box, cells split into tetrahedra.</summary>
    Box,

    /// <summary><c>gmsh</c>: a mesh read from a Gmsh file.</summary>
    Gmsh,
}

/// <summary>Which kind of target is given in <c>[target]</c>.</summary>
public enum TargetKind
{
    /// <summary><c>potential</c> V, with π ∝ e^{-V}.</summary>
    Potential,

    /// <summary><c>density</c> π, known up to a constant.</summary>
    Density,
}

/// <summary>The gradient flow: <c>[flow] kind</c>.</summary>
public enum FlowKind
{
    /// <summary><c>fr</c>: Fisher–Rao.</summary>
    FisherRao,

    /// <summary><c>sfr</c>: spherical (mass-preserving) Fisher–Rao.</summary>
    SphericalFisherRao,

    /// <summary><c>w</c>: Wasserstein.</summary>
    Wasserstein,

    /// <summary><c>wfr</c>: Wasserstein–Fisher–Rao.</summary>
    WassersteinFisherRao,

    /// <summary><c>swfr</c>: spherical Wasserstein–Fisher–Rao.</summary>
    SphericalWassersteinFisherRao,
}

/// <summary>The driving energy: <c>[flow] energy</c>.</summary>
public enum EnergyKind
{
    /// <summary><c>kl</c>: Kullback–Leibler divergence to the target.</summary>
    KullbackLeibler,

    /// <summary><c>chi2</c>: χ² divergence to the target.</summary>
    ChiSquared,

    /// <summary><c>mmd</c>: maximum mean discrepancy (needs <c>[kernel]</c>).</summary>
    MaximumMeanDiscrepancy,
}

/// <summary>How the reaction part is computed: <c>[flow] reaction</c>.</summary>
public enum ReactionKind
{
    /// <summary><c>exact</c>: the exact Fisher–Rao reaction.</summary>
    Exact,

    /// <summary><c>kernel-fr</c>: kernel approximation of Fisher–Rao.</summary>
    KernelFisherRao,

    /// <summary><c>kernel-fr-spherical</c>: kernel approximation of spherical Fisher–Rao.</summary>
    KernelFisherRaoSpherical,

    /// <summary><c>frk</c>: the Fisher–Rao-kernel comparator.</summary>
    FisherRaoKernel,

    /// <summary><c>mmd</c>: the MMD-regularized reaction (uses <c>[flow] epsilon</c>).</summary>
    MaximumMeanDiscrepancy,
}

/// <summary>The particle method of a [particles] section (kernel.md §3b), run beside the mesh solution.</summary>
public enum ParticleMethod
{
    /// <summary><c>birth-death-langevin</c>: Langevin transport plus birth–death jumps (Lu, Lu &amp; Nolen); the particle analogue of swfr with KL.</summary>
    BirthDeathLangevin,

    /// <summary><c>svgd</c>: Stein variational gradient descent (Liu &amp; Wang).</summary>
    SteinVariationalGradientDescent,

    /// <summary><c>svgd-regularized</c>: regularized Stein, velocities through (K_μ + λ)⁻¹.</summary>
    RegularizedSteinVariationalGradientDescent,

    /// <summary><c>kernel-fr</c>: kernel Fisher–Rao on weighted particles (KDE force, KRR projection); positions fixed, weights move.</summary>
    KernelFisherRao,

    /// <summary><c>mmd-flow</c>: the MMD flow of Arbel et al. towards samples of π.</summary>
    MaximumMeanDiscrepancyFlow,

    /// <summary><c>ift</c>: the interaction-force-transport scheme (transport step plus MMD weight step) towards samples of π.</summary>
    InteractionForceTransport,
}
