using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.Energies;

/// <summary>
/// E = ½MMD²(u, π) = ½∫∫k(x,y)(u−π)(x)(u−π)(y) with the lumped rule on the nodes (math.md §2):
/// E = ½ dᵀ𝖪d with d = M(u − π), first variation ξ = 𝖪M(u − π). Matrix-free: one kernel product
/// per evaluation, 𝖪 is never stored.
/// </summary>
/// <remarks>E ≥ 0 for a positive definite kernel; it is computed as ½Σdᵢ(𝖪d)ᵢ and may round to a tiny negative value near the minimum.</remarks>
public sealed class MaximumMeanDiscrepancyEnergy : IEnergy
{
    private readonly PointSet nodes;
    private readonly KernelProductOptions options;

    /// <summary>Creates the energy for a kernel and the node coordinates.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="nodes">The node coordinates xᵢ (one per nodal value).</param>
    /// <param name="options">Product options; defaults if null.</param>
    public MaximumMeanDiscrepancyEnergy(IKernel kernel, PointSet nodes, KernelProductOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        this.nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
        this.options = options ?? KernelProductOptions.Default;
    }

    /// <summary>The kernel k.</summary>
    public IKernel Kernel { get; }

    /// <inheritdoc />
    public string Name => "mmd";

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> density, NodalSetting setting)
    {
        double[] difference = WeightedDifference(density, setting);
        var product = new double[difference.Length];
        KernelMatrixFreeProduct.Multiply(Kernel, nodes, nodes, difference, product, options);
        double sum = 0.0;
        for (int i = 0; i < difference.Length; i++)
        {
            sum += difference[i] * product[i];
        }

        return 0.5 * sum;
    }

    /// <inheritdoc />
    public void FirstVariation(ReadOnlySpan<double> density, NodalSetting setting, Span<double> firstVariation)
    {
        if (firstVariation.Length != nodes.Count)
        {
            throw new ArgumentException($"First variation has length {firstVariation.Length}, expected {nodes.Count}.", nameof(firstVariation));
        }

        double[] difference = WeightedDifference(density, setting);
        var product = new double[difference.Length];
        KernelMatrixFreeProduct.Multiply(Kernel, nodes, nodes, difference, product, options);
        product.CopyTo(firstVariation);
    }

    private double[] WeightedDifference(ReadOnlySpan<double> density, NodalSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (density.Length != nodes.Count || setting.Count != nodes.Count)
        {
            throw new ArgumentException($"Density has {density.Length} and the setting {setting.Count} values for {nodes.Count} nodes.");
        }

        ReadOnlySpan<double> mass = setting.LumpedMass, target = setting.Target;
        var difference = new double[density.Length];
        for (int i = 0; i < difference.Length; i++)
        {
            difference[i] = mass[i] * (density[i] - target[i]);
        }

        return difference;
    }
}
