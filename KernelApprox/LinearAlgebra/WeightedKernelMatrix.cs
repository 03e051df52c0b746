using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// The symmetrically weighted kernel matrix S = W^{½} 𝖪 W^{½}, 𝖪ᵢⱼ = k(xᵢ, xⱼ), W = diag(w), w ≥ 0
/// (kernel.md §3a), as a matrix-free <see cref="ISymmetricMatrixOperator"/>. With all weights 1 it is 𝖪.
/// Only √w is ever used: no division by a weight, so tiny or zero weights are harmless.
/// </summary>
public sealed class WeightedKernelMatrix : ISymmetricMatrixOperator
{
    private readonly double[] squareRootWeights;

    /// <summary>Creates S for the given kernel, points and weights.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="points">The n points xᵢ.</param>
    /// <param name="weights">wᵢ ≥ 0 and finite, length n; null means all ones (S = 𝖪).</param>
    /// <param name="productOptions">Threading of the matrix-free products.</param>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or the length is wrong.</exception>
    public WeightedKernelMatrix(IKernel kernel, PointSet points, ReadOnlySpan<double> weights = default, KernelProductOptions? productOptions = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        Points = points ?? throw new ArgumentNullException(nameof(points));
        ProductOptions = productOptions ?? KernelProductOptions.Default;
        squareRootWeights = new double[points.Count];
        if (weights.IsEmpty && points.Count > 0)
        {
            Array.Fill(squareRootWeights, 1.0);
        }
        else
        {
            if (weights.Length != points.Count)
            {
                throw new ArgumentException($"{weights.Length} weights for {points.Count} points.", nameof(weights));
            }

            for (int i = 0; i < weights.Length; i++)
            {
                if (!(weights[i] >= 0.0) || !double.IsFinite(weights[i]))
                {
                    throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite and ≥ 0.", nameof(weights));
                }

                squareRootWeights[i] = Math.Sqrt(weights[i]);
            }
        }
    }

    /// <summary>The kernel k.</summary>
    public IKernel Kernel { get; }

    /// <summary>The points xᵢ.</summary>
    public PointSet Points { get; }

    /// <summary>Threading of the matrix-free products.</summary>
    public KernelProductOptions ProductOptions { get; }

    /// <summary>√wᵢ.</summary>
    public ReadOnlySpan<double> SquareRootWeights => squareRootWeights;

    /// <inheritdoc />
    public int Size => Points.Count;

    /// <inheritdoc />
    public void Diagonal(Span<double> diagonal)
    {
        CheckLength(diagonal.Length, nameof(diagonal));
        double atZero = Kernel.ValueFromSquaredDistance(0.0);
        for (int i = 0; i < Size; i++)
        {
            diagonal[i] = squareRootWeights[i] * squareRootWeights[i] * atZero;
        }
    }

    /// <inheritdoc />
    public void Column(int index, Span<double> column)
    {
        CheckLength(column.Length, nameof(column));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        KernelRows.Evaluate(Kernel, Points, index, column);
        double sj = squareRootWeights[index];
        for (int i = 0; i < Size; i++)
        {
            column[i] = squareRootWeights[i] * column[i] * sj;
        }
    }

    /// <inheritdoc />
    public void Multiply(ReadOnlyMemory<double> x, Memory<double> result)
    {
        CheckLength(x.Length, nameof(x));
        CheckLength(result.Length, nameof(result));
        var scaled = new double[Size];
        ReadOnlySpan<double> xs = x.Span;
        for (int i = 0; i < Size; i++)
        {
            scaled[i] = squareRootWeights[i] * xs[i];
        }

        KernelMatrixFreeProduct.Multiply(Kernel, Points, Points, scaled, result, ProductOptions);
        Span<double> r = result.Span;
        for (int i = 0; i < Size; i++)
        {
            r[i] *= squareRootWeights[i];
        }
    }

    private void CheckLength(int length, string name)
    {
        if (length != Size)
        {
            throw new ArgumentException($"Length {length}, expected {Size}.", name);
        }
    }
}
