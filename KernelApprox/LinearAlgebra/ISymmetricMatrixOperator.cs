namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// A symmetric positive semidefinite n×n matrix S available without storage: its diagonal,
/// any single column (computed on demand), and the product with a vector.
/// </summary>
public interface ISymmetricMatrixOperator
{
    /// <summary>n.</summary>
    int Size { get; }

    /// <summary>Writes diag(S) into <paramref name="diagonal"/> (length n).</summary>
    /// <param name="diagonal">Destination.</param>
    void Diagonal(Span<double> diagonal);

    /// <summary>Writes column (= row) <paramref name="index"/> of S into <paramref name="column"/> (length n). Thread-safe.</summary>
    /// <param name="index">0 ≤ index &lt; n.</param>
    /// <param name="column">Destination.</param>
    void Column(int index, Span<double> column);

    /// <summary>result = S x.</summary>
    /// <param name="x">Length n.</param>
    /// <param name="result">Length n.</param>
    void Multiply(ReadOnlyMemory<double> x, Memory<double> result);
}
