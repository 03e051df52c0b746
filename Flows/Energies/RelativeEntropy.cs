namespace PdeFlows.Flows.Energies;

/// <summary>
/// The relative entropy in its unbalanced form, KL(u‖π) = ∫ (u log(u/π) − u + π) dx, with first
/// variation log(u/π). Nonnegative, zero only at u = π; on probability densities it is ∫u log(u/π).
/// </summary>
public sealed class RelativeEntropy : IEnergy
{
    /// <summary>The shared instance (the energy has no parameters).</summary>
    public static RelativeEntropy Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "kl";

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> density, NodalSetting setting)
    {
        ReadOnlySpan<double> m = setting.LumpedMass, pi = setting.Target;
        double sum = 0;
        for (int i = 0; i < density.Length; i++)
        {
            sum += m[i] * Integrand(density[i], pi[i]);
        }

        return sum;
    }

    /// <inheritdoc/>
    public void FirstVariation(ReadOnlySpan<double> density, NodalSetting setting, Span<double> firstVariation)
    {
        ReadOnlySpan<double> pi = setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            firstVariation[i] = Math.Log(density[i] / pi[i]);
        }
    }

    /// <summary>u log(u/π) − u + π, continuous at u = 0 (value π).</summary>
    public static double Integrand(double u, double pi) => u > 0 ? (u * Math.Log(u / pi)) - u + pi : pi;
}
