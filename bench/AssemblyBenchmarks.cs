using BenchmarkDotNet.Attributes;
using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Bench;

/// <summary>Weighted stiffness assembly on ~1M cells (2D: 708² squares; 3D: 55³ bricks).</summary>
[MemoryDiagnoser]
public class AssemblyBenchmarks
{
    private P1Space space = null!;
    private CsrMatrix target = null!;
    private double[] nodal = null!;

    /// <summary>Dimension.</summary>
    [Params(2, 3)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        space = Dimension == 2 ? BenchmarkProblems.Square(708) : BenchmarkProblems.Cube(55);
        target = new CsrMatrix(space.Sparsity.Pattern);
        nodal = space.Interpolate(BenchmarkProblems.Weight);
    }

    [Benchmark]
    public void StiffnessWithNodalWeight() => WeightedStiffness.AssembleInto(space, nodal, target);

    [Benchmark]
    public void StiffnessWithFunctionWeight() => WeightedStiffness.AssembleInto(space, BenchmarkProblems.Weight, target);
}
