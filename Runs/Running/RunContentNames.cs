namespace PdeFlows.Runs.Running;

/// <summary>
/// The names under which a flow run's content is stored in its result directory and checkpoints
/// (docs/results-format.md): node fields, series quantities (interfaces.md), checkpoint arrays,
/// scalars and integers. These strings appear nowhere else in the code; <see cref="RunContent"/>
/// is the one place that uses them.
/// </summary>
public static class RunContentNames
{
    /// <summary>Node field: the density u.</summary>
    public const string DensityField = "u";

    /// <summary>Node field: g = u/π.</summary>
    public const string RatioField = "g";

    /// <summary>Node field: log g.</summary>
    public const string LogRatioField = "log_g";

    /// <summary>Series: accepted steps up to each output time.</summary>
    public const string Step = "step";

    /// <summary>Series: the energy.</summary>
    public const string Energy = "energy";

    /// <summary>Series: the mass ∫u.</summary>
    public const string Mass = "mass";

    /// <summary>Series: the normalized mean, [K, d].</summary>
    public const string Mean = "mean";

    /// <summary>Series: the normalized covariance, [K, d, d].</summary>
    public const string Covariance = "covariance";

    /// <summary>Series: the dissipation D_h.</summary>
    public const string Dissipation = "dissipation";

    /// <summary>Series and checkpoint scalar: the cumulative EDB defect.</summary>
    public const string EdbDefect = "edb_defect";

    /// <summary>Series: min_i u_i.</summary>
    public const string MinDensity = "min_density";

    /// <summary>Series: the probe values, [K, P].</summary>
    public const string Probes = "probes";

    /// <summary>Series: prefix of a region's mass (<c>region.NAME</c>).</summary>
    public const string RegionPrefix = "region.";

    /// <summary>Checkpoint array: the nodal density.</summary>
    public const string StateDensity = "density";

    /// <summary>Checkpoint scalar: the time.</summary>
    public const string StateTime = "time";

    /// <summary>Checkpoint scalar: the step size the next step will try.</summary>
    public const string StateCurrentStep = "current_step";

    /// <summary>Checkpoint integer: accepted steps.</summary>
    public const string StateStep = "step";

    /// <summary>Checkpoint integer: rejected steps.</summary>
    public const string StateRejected = "rejected";

    /// <summary>Checkpoint integer: the index of the next output time.</summary>
    public const string StateNextOutput = "next_output";
}
