using BenchmarkDotNet.Attributes;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Bench;

/// <summary>Analyze / factorize / solve of M + τA for both direct backends: 2D 512² and 3D 48³.</summary>
public class SolverBenchmarks
{
    private CsrMatrix matrix = null!;
    private ISymmetricSolver solver = null!;
    private double[] rhs = null!;
    private double[] solution = null!;

    /// <summary>"2D-512" or "3D-48".</summary>
    [Params("2D-512", "3D-48")]
    public string Problem { get; set; } = "2D-512";

    /// <summary>Backend.</summary>
    [Params(LinearSolverKind.Managed, LinearSolverKind.Cholmod)]
    public LinearSolverKind Backend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var space = Problem == "2D-512" ? BenchmarkProblems.Square(512) : BenchmarkProblems.Cube(48);
        matrix = BenchmarkProblems.TransportMatrix(space);
        solver = LinearSolverFactory.Create(Backend).Solver;
        solver.Analyze(matrix.Pattern);
        solver.Factorize(matrix);
        rhs = Enumerable.Repeat(1.0, matrix.RowCount).ToArray();
        solution = new double[matrix.RowCount];
    }

    [GlobalCleanup]
    public void Cleanup() => solver.Dispose();

    [Benchmark]
    public void Analyze() => solver.Analyze(matrix.Pattern);

    [Benchmark]
    public void Factorize() => solver.Factorize(matrix);

    [Benchmark]
    public void Solve() => solver.Solve(rhs, solution);
}
