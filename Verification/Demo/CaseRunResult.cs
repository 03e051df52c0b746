using PdeFlows.Mesh;

namespace PdeFlows.Verification.Demo;

/// <summary>
/// What the demo keeps of one finished run: the mesh, the lumped masses, the target and the nodal
/// density at every output time, and the summary series (energy, dissipation, region masses).
/// </summary>
/// <param name="Name">The case name.</param>
/// <param name="ResultDirectory">The result directory written (HDF5 + XDMF), absolute.</param>
/// <param name="Mesh">The mesh.</param>
/// <param name="LumpedMass">The lumped mass mᵢ of each node.</param>
/// <param name="Target">The normalized target π at the nodes.</param>
/// <param name="Times">The output times.</param>
/// <param name="Densities">The nodal density at each output time.</param>
/// <param name="Energy">E(u) at each output time.</param>
/// <param name="Dissipation">The discrete dissipation D_h at each output time.</param>
/// <param name="Mass">∫u at each output time.</param>
/// <param name="Regions">Region name → its mass at each output time.</param>
/// <param name="Steps">Accepted time steps.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run, files included.</param>
public sealed record CaseRunResult(
    string Name,
    string ResultDirectory,
    SimplexMesh Mesh,
    double[] LumpedMass,
    double[] Target,
    double[] Times,
    IReadOnlyList<double[]> Densities,
    double[] Energy,
    double[] Dissipation,
    double[] Mass,
    IReadOnlyDictionary<string, double[]> Regions,
    int Steps,
    double WallSeconds)
{
    /// <summary>The index of the output time closest to <paramref name="time"/>.</summary>
    /// <param name="time">A time.</param>
    /// <returns>The index into <see cref="Times"/>.</returns>
    public int OutputIndex(double time)
    {
        int best = 0;
        for (int k = 1; k < Times.Length; k++)
        {
            if (Math.Abs(Times[k] - time) < Math.Abs(Times[best] - time))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The lumped L¹ distance Σ mᵢ |uᵢ − vᵢ| between this run's density at output <paramref name="index"/> and <paramref name="other"/>.</summary>
    /// <param name="index">The output index.</param>
    /// <param name="other">Nodal values on the same mesh.</param>
    /// <returns>The L¹ distance.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public double LumpedL1Distance(int index, IReadOnlyList<double> other)
    {
        var u = Densities[index];
        if (other.Count != u.Length)
        {
            throw new ArgumentException($"the other field has {other.Count} values, the mesh has {u.Length} nodes", nameof(other));
        }

        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += LumpedMass[i] * Math.Abs(u[i] - other[i]);
        }

        return sum;
    }
}
