using MathNet.Numerics.LinearAlgebra;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// Low-rank factors 𝖪 ≈ L Lᵀ for a separable kernel on a tensor grid, from the eigendecompositions
/// of the one-dimensional kernel matrices Kᵃ = Uᵃ Λᵃ Uᵃᵀ: 𝖪 = ⊗ₐ Kᵃ has the eigenpairs
/// (Πₐ λᵃ_{kₐ}, ⊗ₐ uᵃ_{kₐ}), and for given weights the factor keeps the eigenvectors that matter
/// most for the weighted residual trace. Weight-independent work (the d small eigendecompositions)
/// is done once; per weight vector the choice costs O(n Σₐ nₐ + n log n).
/// </summary>
/// <remarks>
/// <para>Choice. Dropping a set D of multi-indices leaves E = Σ_{k∈D} λₖ vₖvₖᵀ ⪰ 0, whose weighted
/// trace Σᵢ wᵢEᵢᵢ = Σ_{k∈D} λₖ gₖ with gₖ = Σᵢ wᵢ vₖ(xᵢ)² (one mode product per axis with the squared
/// eigenvectors). D is the largest set of the smallest contributions λₖgₖ whose sum stays within the
/// tolerance, which minimizes the rank among eigenvector subsets with that trace. The bound it
/// guarantees is the one of <see cref="WeightedLowRankShiftedSolver"/>: relative residual ≤ Σwᵢ
/// Eᵢᵢ/λ ≤ η, so the solve is as accurate as with a pivoted Cholesky factor of the same trace.</para>
/// <para>Rounding: eigenvalues of Kᵃ at rounding level may come out slightly negative; they are
/// clamped to 0 (their vectors are then always dropped), which perturbs E by O(ε‖𝖪‖), far below the
/// tolerance ηλ the choice works to.</para>
/// </remarks>
public sealed class TensorGridEigenFactor
{
    /// <summary>The largest factor built (2²⁸ entries, 2 GiB); a larger one is refused (null) rather than risk running out of memory.</summary>
    public const long MaximumFactorEntries = 1L << 28;

    private readonly TensorGrid grid;
    private readonly double[][] eigenvalues;   // λᵃ ≥ 0 (clamped)
    private readonly double[][] eigenvectors;  // Uᵃ row-major: [l·m + k] = uᵃ_k(gₗ)
    private readonly ParallelOptions? parallel;

    /// <summary>Eigendecomposes the one-dimensional kernel matrices Kᵃ of a Kronecker product.</summary>
    /// <param name="kernelMatrix">𝖪 = ⊗ₐKᵃ on the nodes' tensor grid.</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default, 1 for the calling thread only.</param>
    public TensorGridEigenFactor(TensorGridKernelProduct kernelMatrix, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(kernelMatrix);
        grid = kernelMatrix.Grid;
        parallel = maxDegreeOfParallelism == 1 ? null : new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        int d = grid.Dimension;
        eigenvalues = new double[d][];
        eigenvectors = new double[d][];
        for (int a = 0; a < d; a++)
        {
            int m = grid.Shape[a];
            var evd = Matrix<double>.Build.DenseOfRowMajor(m, m, kernelMatrix.AxisMatrix(a).ToArray()).Evd(Symmetricity.Symmetric);
            eigenvalues[a] = new double[m];
            eigenvectors[a] = new double[m * m];
            for (int k = 0; k < m; k++)
            {
                eigenvalues[a][k] = Math.Max(evd.EigenValues[k].Real, 0.0);
                for (int l = 0; l < m; l++)
                {
                    eigenvectors[a][(l * m) + k] = evd.EigenVectors[l, k];
                }
            }
        }
    }

    /// <summary>n.</summary>
    public int Size => grid.Count;

    /// <summary>
    /// The Woodbury solver of (W^{½}𝖪W^{½} + λI) with the fewest eigenvectors whose dropped weighted
    /// trace Σᵢ wᵢ(𝖪 − L Lᵀ)ᵢᵢ is at most η·λ, or null when that needs more than
    /// <paramref name="maximumRank"/> vectors or more than <see cref="MaximumFactorEntries"/> factor entries.
    /// </summary>
    /// <param name="squareRootWeights">√wᵢ, finite and ≥ 0.</param>
    /// <param name="shift">λ &gt; 0.</param>
    /// <param name="relativeAccuracy">η.</param>
    /// <param name="maximumRank">The largest rank worth using (beyond it another solver is cheaper).</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public WeightedLowRankShiftedSolver? WeightedSolver(ReadOnlySpan<double> squareRootWeights, double shift, double relativeAccuracy, int maximumRank, int maxDegreeOfParallelism = -1)
    {
        int n = Size;
        if (squareRootWeights.Length != n)
        {
            throw new ArgumentException($"{squareRootWeights.Length} weights for {n} nodes.", nameof(squareRootWeights));
        }

        ReadOnlySpan<int> position = grid.TensorIndex;
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            weights[position[i]] = squareRootWeights[i] * squareRootWeights[i];
        }

        // gₖ = Σₗ w(gₗ) Πₐ uᵃ_{kₐ}(gₗₐ)²: mode products with (Uᵃ∘Uᵃ)ᵀ.
        ReadOnlySpan<int> shape = grid.Shape;
        var multiIndex = new int[shape.Length];
        double[] contribution = ApplyAll(weights, (a, k, l) => Square(eigenvectors[a][(l * grid.Shape[a]) + k]));
        for (int t = 0; t < n; t++)
        {
            contribution[t] *= Eigenvalue(t, multiIndex);
        }

        var order = new int[n];
        for (int t = 0; t < n; t++)
        {
            order[t] = t;
        }

        Array.Sort(order, (p, q) => contribution[p] != contribution[q] ? contribution[p].CompareTo(contribution[q]) : p.CompareTo(q));
        double tolerance = relativeAccuracy * shift, dropped = 0.0;
        int droppedCount = 0;
        while (droppedCount < n && dropped + contribution[order[droppedCount]] <= tolerance)
        {
            dropped += contribution[order[droppedCount++]];
        }

        int rank = n - droppedCount;
        if (rank > maximumRank || (long)rank * n > MaximumFactorEntries)
        {
            return null;
        }

        // Eᵢᵢ = Σ_{k dropped} λₖ vₖ(xᵢ)²: mode products of the dropped set's indicator with Λᵃ(Uᵃ∘Uᵃ).
        var indicator = new double[n];
        for (int r = 0; r < droppedCount; r++)
        {
            indicator[order[r]] = 1.0;
        }

        double[] residualTensor = ApplyAll(indicator, (a, l, k) => eigenvalues[a][k] * Square(eigenvectors[a][(l * grid.Shape[a]) + k]));
        var residualDiagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            residualDiagonal[i] = Math.Max(residualTensor[position[i]], 0.0);
        }

        var columns = new double[(long)rank * n];
        var factors = new double[shape.Length][];
        for (int a = 0; a < shape.Length; a++)
        {
            factors[a] = new double[shape[a]];
        }

        for (int c = 0; c < rank; c++)
        {
            Decode(order[n - 1 - c], multiIndex); // largest contributions first
            for (int a = 0; a < shape.Length; a++)
            {
                int m = shape[a], k = multiIndex[a];
                double root = Math.Sqrt(eigenvalues[a][k]);
                for (int l = 0; l < m; l++)
                {
                    factors[a][l] = root * eigenvectors[a][(l * m) + k];
                }
            }

            Span<double> column = columns.AsSpan(c * n, n);
            for (int i = 0; i < n; i++)
            {
                double value = factors[0][grid.AxisIndex(0)[i]];
                for (int a = 1; a < shape.Length; a++)
                {
                    value *= factors[a][grid.AxisIndex(a)[i]];
                }

                column[i] = value;
            }
        }

        return new WeightedLowRankShiftedSolver(columns, n, rank, residualDiagonal, squareRootWeights, shift, maxDegreeOfParallelism);
    }

    private static double Square(double value) => value * value;

    /// <summary>Πₐ λᵃ_{kₐ} for the multi-index with tensor position t (<paramref name="multiIndex"/> is scratch space).</summary>
    private double Eigenvalue(int t, int[] multiIndex)
    {
        Decode(t, multiIndex);
        double value = 1.0;
        for (int a = 0; a < multiIndex.Length; a++)
        {
            value *= eigenvalues[a][multiIndex[a]];
        }

        return value;
    }

    /// <summary>The multi-index (k₀, k₁, …) of tensor position t (row-major, axis 0 slowest).</summary>
    private void Decode(int t, int[] multiIndex)
    {
        ReadOnlySpan<int> shape = grid.Shape;
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            multiIndex[a] = t % shape[a];
            t /= shape[a];
        }
    }

    /// <summary>(⊗ₐ Mᵃ)·x with Mᵃ[row, column] = entry(a, row, column).</summary>
    private double[] ApplyAll(double[] tensor, Func<int, int, int, double> entry)
    {
        ReadOnlySpan<int> shape = grid.Shape;
        double[] current = (double[])tensor.Clone(), next = new double[tensor.Length];
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            int m = shape[a];
            var matrix = new double[m * m];
            for (int row = 0; row < m; row++)
            {
                for (int column = 0; column < m; column++)
                {
                    matrix[(row * m) + column] = entry(a, row, column);
                }
            }

            TensorModeProduct.Apply(shape, a, matrix, current, next, parallel);
            (current, next) = (next, current);
        }

        return current;
    }
}
