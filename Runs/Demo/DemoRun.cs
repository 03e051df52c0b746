using PdeFlows.Mesh;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Demo;

/// <summary>
/// One finished run of the demo: the run record (rows with densities, discretization) and the
/// result directory it wrote, with the per-quantity views the figures and the report read.
/// </summary>
/// <param name="Record">The finished run.</param>
/// <param name="ResultDirectory">The result directory written (HDF5 + XDMF), absolute.</param>
public sealed record DemoRun(FlowRunRecord Record, string ResultDirectory)
{
    /// <summary>The case name.</summary>
    public string Name => Record.Definition.Name;

    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh => Record.Mesh;

    /// <summary>The lumped mass mᵢ of each node.</summary>
    public double[] LumpedMass => Record.Discretization.Setting.LumpedMass.ToArray();

    /// <summary>The normalized target π at the nodes.</summary>
    public double[] Target => Record.Discretization.Setting.Target.ToArray();

    /// <summary>The output times.</summary>
    public double[] Times => Record.Times;

    /// <summary>The nodal density at each output time.</summary>
    public IReadOnlyList<double[]> Densities => [.. Record.Rows.Select(r => r.DensityArray())];

    /// <summary>E(u) at each output time.</summary>
    public double[] Energy => [.. Record.Rows.Select(r => r.Energy)];

    /// <summary>The discrete dissipation D_h at each output time.</summary>
    public double[] Dissipation => [.. Record.Rows.Select(r => r.Dissipation)];

    /// <summary>Accepted time steps.</summary>
    public int Steps => Record.Steps;

    /// <summary>Wall-clock seconds of the run, files included.</summary>
    public double WallSeconds => Record.WallSeconds;

    /// <summary>The index of the output time closest to <paramref name="time"/>.</summary>
    /// <param name="time">A time.</param>
    /// <returns>The index into <see cref="Times"/>.</returns>
    public int OutputIndex(double time) => Record.OutputIndex(time);

    /// <summary>The mass of the output region <paramref name="region"/> at each output time.</summary>
    /// <param name="region">A region of the case's <c>[output] regions</c>.</param>
    /// <returns>Its mass per output time.</returns>
    /// <exception cref="ArgumentException">The case has no such region.</exception>
    public double[] RegionMass(string region)
    {
        int index = Record.Definition.Output.Regions.Select(r => r.Name).ToList().IndexOf(region);
        return index >= 0 ? [.. Record.Rows.Select(r => r.RegionMasses[index])] : throw new ArgumentException($"the case {Name} has no region '{region}'", nameof(region));
    }

    /// <summary>The lumped L¹ distance Σ mᵢ |uᵢ − vᵢ| between this run's density at output <paramref name="index"/> and <paramref name="other"/>.</summary>
    /// <param name="index">The output index.</param>
    /// <param name="other">Nodal values on the same mesh.</param>
    /// <returns>The L¹ distance.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public double LumpedL1Distance(int index, IReadOnlyList<double> other)
    {
        var u = Record.Rows[index].Density;
        if (other.Count != u.Length)
        {
            throw new ArgumentException($"the other field has {other.Count} values, the mesh has {u.Length} nodes", nameof(other));
        }

        ReadOnlySpan<double> m = Record.Discretization.Setting.LumpedMass;
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += m[i] * Math.Abs(u[i] - other[i]);
        }

        return sum;
    }
}
