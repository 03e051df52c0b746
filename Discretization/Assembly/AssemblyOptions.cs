namespace PdeFlows.Discretization.Assembly;

/// <summary>Settings of an assembly loop.</summary>
/// <param name="MaxDegreeOfParallelism">Worker threads (−1: the runtime's default). The result is bitwise the same for every value.</param>
/// <param name="QuadratureDegree">Degree of the cell quadrature for weights and sources given as functions (≥ 2 recommended).</param>
public sealed record AssemblyOptions(int MaxDegreeOfParallelism = -1, int QuadratureDegree = 2)
{
    /// <summary>Default options: all cores, degree 2.</summary>
    public static AssemblyOptions Default { get; } = new();
}
