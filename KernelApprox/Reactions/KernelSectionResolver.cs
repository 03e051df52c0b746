using PdeFlows.KernelApprox.Kernels;
using CaseKernelKind = PdeFlows.Flows.Cases.KernelKind;
using CaseKernelSection = PdeFlows.Flows.Cases.KernelSection;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>Turns a case file's <c>[kernel]</c> section into a kernel on a given point set.</summary>
public static class KernelSectionResolver
{
    /// <summary>The kernel of <paramref name="section"/>; a <c>"median"</c> bandwidth is resolved by <see cref="MedianHeuristic"/> on <paramref name="points"/>.</summary>
    /// <param name="section">The <c>[kernel]</c> section.</param>
    /// <param name="points">The points the median heuristic runs on (the nodes).</param>
    public static IKernel CreateKernel(CaseKernelSection section, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(points);
        double bandwidth = section.Bandwidth.Value ?? MedianHeuristic.Bandwidth(points);
        return KernelFactory.Create(ToKernelKind(section.Kind), bandwidth);
    }

    /// <summary>The kernel kind of a case-file kernel kind.</summary>
    /// <param name="kind">The case-file kind.</param>
    public static KernelKind ToKernelKind(CaseKernelKind kind) => kind switch
    {
        CaseKernelKind.Gaussian => KernelKind.Gaussian,
        CaseKernelKind.Laplace => KernelKind.Laplace,
        CaseKernelKind.Matern32 => KernelKind.MaternThreeHalves,
        CaseKernelKind.Matern52 => KernelKind.MaternFiveHalves,
        CaseKernelKind.InverseMultiquadric => KernelKind.InverseMultiquadric,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined kernel kind."),
    };
}
