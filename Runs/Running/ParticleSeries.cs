using System.Text.Json.Serialization;

namespace PdeFlows.Runs.Running;

/// <summary>
/// The summary of a particle run beside the mesh solution (a [particles] section): the same
/// moments at the same output times, the energy where it is defined for particles, and the MMD
/// between the particle measure and the nodal measure Σ m_i u_i δ_{x_i} of the mesh solution.
/// </summary>
public sealed record ParticleSeries
{
    /// <summary>Method name as in the case file.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>Number of particles.</summary>
    [JsonPropertyName("count")]
    public required int Count { get; init; }

    /// <summary>Seed of the random generator.</summary>
    [JsonPropertyName("seed")]
    public required long Seed { get; init; }

    /// <summary>Particle time step.</summary>
    [JsonPropertyName("step")]
    public required double Step { get; init; }

    /// <summary>Output times (those of the mesh run).</summary>
    [JsonPropertyName("times")]
    public required double[] Times { get; init; }

    /// <summary>Total particle weight at each output time.</summary>
    [JsonPropertyName("mass")]
    public required double[] Mass { get; init; }

    /// <summary>Weighted mean at each output time.</summary>
    [JsonPropertyName("mean")]
    public required double[][] Mean { get; init; }

    /// <summary>Weighted covariance at each output time.</summary>
    [JsonPropertyName("covariance")]
    public required double[][][] Covariance { get; init; }

    /// <summary>½MMD² to samples of π (mmd-flow, ift), null for methods whose energy needs a density.</summary>
    [JsonPropertyName("energy")]
    public double[]? Energy { get; init; }

    /// <summary>MMD between the particles and the mesh solution at each output time.</summary>
    [JsonPropertyName("mmd_to_mesh")]
    public required double[] MmdToMesh { get; init; }

    /// <summary>The kernel used for the MMD and the kernel methods (kind and bandwidth).</summary>
    [JsonPropertyName("kernel")]
    public required string Kernel { get; init; }
}
