using PdeFlows.Discretization;
using PdeFlows.Discretization.Norms;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Metrics;

/// <summary>
/// The value of a <see cref="MetricKind"/> between a run's nodal density and a
/// <see cref="StudyReferenceState"/>. A run on a coarser mesh than its reference is interpolated
/// onto the reference nodes (P1 interpolation of nested meshes is exact), and the field metrics are
/// taken on the reference mesh; energy and moments are taken on each mesh separately.
/// </summary>
public sealed class StudyMetricEvaluator
{
    private readonly IKernel mmdKernel;

    /// <summary>Creates the evaluator; <paramref name="mmdKernel"/> is the kernel of the MMD metric.</summary>
    public StudyMetricEvaluator(IKernel mmdKernel)
    {
        this.mmdKernel = mmdKernel ?? throw new ArgumentNullException(nameof(mmdKernel));
    }

    /// <summary>The table column of a study metric.</summary>
    public static Metric Column(MetricKind metric, string? suffix = null)
    {
        string name = metric switch
        {
            MetricKind.KullbackLeibler => "KL",
            MetricKind.MaximumMeanDiscrepancy => "MMD",
            _ => metric.ToString(),
        };
        return new Metric(metric, suffix is null ? name : $"{name} {suffix}");
    }

    /// <summary>The metric between the run density <paramref name="density"/> on <paramref name="space"/> and the reference.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="space">The run's space.</param>
    /// <param name="energyValue">The run's energy at this time.</param>
    /// <param name="density">The run's nodal density.</param>
    /// <param name="reference">The reference at the same time.</param>
    public double Evaluate(MetricKind metric, P1Space space, double energyValue, double[] density, StudyReferenceState reference)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(reference);
        switch (metric)
        {
            case MetricKind.Energy:
                return Math.Abs(energyValue - reference.Energy.Value(reference.Nodal, reference.Setting));
            case MetricKind.Mass:
            case MetricKind.Mean:
            case MetricKind.Covariance:
                return MomentError(metric, DensityMoments.Compute(space.Mesh, density), reference.Moments);
        }

        double[] u = OnReferenceSpace(space, density, reference.Space);
        P1Space s = reference.Space;
        switch (metric)
        {
            case MetricKind.L1:
                return reference.Exact is { } exactL1 && ReferenceEquals(s, space) ? ErrorNorms.L1Error(s, u, exactL1) : ErrorNorms.L1Distance(s, u, reference.Nodal);
            case MetricKind.L2:
                return reference.Exact is { } exactL2 && ReferenceEquals(s, space) ? ErrorNorms.L2Error(s, u, exactL2) : ErrorNorms.L2Distance(s, u, reference.Nodal);
            case MetricKind.H1:
                return ErrorNorms.H1SeminormDistance(s, u, reference.Nodal);
            case MetricKind.Hellinger:
                return Math.Sqrt(Math.Max(0, DensityDivergences.HellingerSquared(s, u, reference.Nodal)));
            case MetricKind.KullbackLeibler:
                return Math.Abs(DensityDivergences.KullbackLeibler(s, u, reference.Nodal));
            default:
                return NodalMaximumMeanDiscrepancy(s, reference.Setting.LumpedMass, u, reference.Nodal);
        }
    }

    /// <summary>MMD_k between the nodal measures Σ mᵢuᵢδ_{xᵢ} and Σ mᵢvᵢδ_{xᵢ} of one mesh (as √(dᵀ𝖪d), d = m∘(u − v), which has no cancellation).</summary>
    public double NodalMaximumMeanDiscrepancy(P1Space space, ReadOnlySpan<double> lumpedMass, double[] u, double[] v)
    {
        ArgumentNullException.ThrowIfNull(space);
        var points = new PointSet(space.Mesh.Coordinates.ToArray(), space.Dimension);
        var difference = new double[u.Length];
        for (int i = 0; i < u.Length; i++)
        {
            difference[i] = lumpedMass[i] * (u[i] - v[i]);
        }

        // dᵀ𝖪d with d the weight difference: no cancellation between the three terms of MMD².
        var product = new double[u.Length];
        KernelMatrixFreeProduct.Multiply(mmdKernel, points, points, difference, product);
        double squared = 0;
        for (int i = 0; i < u.Length; i++)
        {
            squared += difference[i] * product[i];
        }

        return Math.Sqrt(Math.Max(0, squared));
    }

    /// <summary>The nodal density on <paramref name="target"/>: itself when the spaces agree, else its P1 interpolant at the target nodes.</summary>
    public static double[] OnReferenceSpace(P1Space space, double[] density, P1Space target)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(space, target) || (space.Mesh == target.Mesh))
        {
            return density;
        }

        return target.Interpolate(x => space.Evaluate(density, x));
    }

    private static double MomentError(MetricKind metric, DensityMoments.Moments run, DensityMoments.Moments reference)
    {
        if (metric == MetricKind.Mass)
        {
            return Math.Abs(run.Mass - reference.Mass);
        }

        double error = 0;
        for (int i = 0; i < run.Mean.Length; i++)
        {
            if (metric == MetricKind.Mean)
            {
                error = Math.Max(error, Math.Abs(run.Mean[i] - reference.Mean[i]));
                continue;
            }

            for (int j = 0; j < run.Mean.Length; j++)
            {
                error = Math.Max(error, Math.Abs(run.Covariance[i][j] - reference.Covariance[i][j]));
            }
        }

        return error;
    }
}
