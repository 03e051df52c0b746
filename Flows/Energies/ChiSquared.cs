namespace PdeFlows.Flows.Energies;

/// <summary>The χ² divergence ½ ∫ (u/π − 1)² π dx, with first variation u/π − 1.</summary>
public sealed class ChiSquared : IEnergy
{
    /// <summary>The shared instance (the energy has no parameters).</summary>
    public static ChiSquared Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "chi2";

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> density, NodalSetting setting)
    {
        ReadOnlySpan<double> m = setting.LumpedMass, pi = setting.Target;
        double sum = 0;
        for (int i = 0; i < density.Length; i++)
        {
            double r = (density[i] / pi[i]) - 1;
            sum += m[i] * pi[i] * r * r;
        }

        return 0.5 * sum;
    }

    /// <inheritdoc/>
    public void FirstVariation(ReadOnlySpan<double> density, NodalSetting setting, Span<double> firstVariation)
    {
        ReadOnlySpan<double> pi = setting.Target;
        for (int i = 0; i < density.Length; i++)
        {
            firstVariation[i] = (density[i] / pi[i]) - 1;
        }
    }
}
