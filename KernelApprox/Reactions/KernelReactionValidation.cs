using PdeFlows.Flows;

namespace PdeFlows.KernelApprox.Reactions;

/// <summary>Argument checks shared by the kernel reactions.</summary>
internal static class KernelReactionValidation
{
    public static void CheckNodes(PointSet nodes, NodalSetting setting)
    {
        if (nodes.Count != setting.Count)
        {
            throw new ArgumentException($"{nodes.Count} node coordinates for {setting.Count} nodal values.", nameof(nodes));
        }
    }

    public static double CheckBeta(double beta)
    {
        if (!(beta >= 0.0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be finite and ≥ 0.");
        }

        return beta;
    }

    public static void CheckLengths(ReadOnlySpan<double> density, Span<double> rate, int count)
    {
        if (density.Length != count || rate.Length != count)
        {
            throw new ArgumentException($"Density has {density.Length} and rate {rate.Length} entries; expected {count}.");
        }
    }
}
