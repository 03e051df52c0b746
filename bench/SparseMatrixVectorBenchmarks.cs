using BenchmarkDotNet.Attributes;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Bench;

/// <summary>CSR matrix–vector product on the 2D 708² P1 matrix (~0.5M rows, 3.5M entries).</summary>
public class SparseMatrixVectorBenchmarks
{
    private CsrMatrix matrix = null!;
    private double[] x = null!;
    private double[] y = null!;

    [GlobalSetup]
    public void Setup()
    {
        matrix = BenchmarkProblems.TransportMatrix(BenchmarkProblems.Square(708));
        x = Enumerable.Repeat(1.0, matrix.ColumnCount).ToArray();
        y = new double[matrix.RowCount];
    }

    [Benchmark]
    public void Multiply() => matrix.Multiply(x, y);

    /// <summary>Bytes streamed by one product: values (8) and column indices (4) per entry, row pointers, x and y.</summary>
    public static double BytesPerProduct(CsrMatrix a) => (12.0 * a.Pattern.NonzeroCount) + (4.0 * (a.RowCount + 1)) + (8.0 * a.ColumnCount) + (8.0 * a.RowCount);
}
