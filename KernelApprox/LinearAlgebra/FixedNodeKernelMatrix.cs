using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// The kernel matrix 𝖪ᵢⱼ = k(xᵢ, xⱼ) of a node set that never moves, for the many RKHS projections
/// of a reaction integrator (the weights change at every stage, the nodes never): products 𝖪v
/// (from a stored 𝖪 when n is small, else matrix-free: by the Kronecker structure for a separable
/// kernel on tensor-grid nodes, pair by pair otherwise) and a weight-independent pivoted Cholesky
/// factor 𝖪 ≈ L Lᵀ, computed once on first use, from which every weighted system
/// (W^{½}𝖪W^{½} + λ)x = b is solved by <see cref="WeightedLowRankShiftedSolver"/> in O(n m²).
/// </summary>
/// <remarks>
/// <para>The stored 𝖪 holds exactly the values the matrix-free product sums (<see cref="KernelRows"/>);
/// its rows are summed by one deterministic SIMD dot product each, in parallel over rows, so
/// products are bitwise independent of the thread count (but not bitwise equal to the matrix-free
/// product, whose summation order differs).</para>
/// <para>The factor is taken to the rounding floor of <see cref="PivotedCholeskyFactor"/>, but to
/// at most n/2 columns (beyond that a dense factorization per weight vector is as cheap), and
/// only for n ≤ <see cref="FixedNodeKernelOptions.FactorSizeLimit"/>. It depends only on the
/// nodes and the kernel, so a run resumed from a checkpoint rebuilds the same factor and repeats
/// the uninterrupted run bit for bit.</para>
/// </remarks>
public sealed class FixedNodeKernelMatrix
{
    private readonly double[]? stored;
    private readonly TensorGridKernelProduct? tensorProduct;
    private readonly Lazy<TensorGridEigenFactor>? tensorFactor;
    private readonly Lazy<(PivotedCholeskyFactor Factor, double[] Columns)?> factor;

    /// <summary>Prepares 𝖪 for the nodes; stores it densely when n ≤ <see cref="FixedNodeKernelOptions.DenseStorageLimit"/>.</summary>
    /// <param name="kernel">The kernel k.</param>
    /// <param name="points">The nodes xᵢ.</param>
    /// <param name="options">Storage and factor settings; defaults if null.</param>
    /// <param name="productOptions">Threading of products and of the factorization; defaults if null.</param>
    public FixedNodeKernelMatrix(IKernel kernel, PointSet points, FixedNodeKernelOptions? options = null, KernelProductOptions? productOptions = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        Points = points ?? throw new ArgumentNullException(nameof(points));
        Options = options ?? FixedNodeKernelOptions.Default;
        ProductOptions = productOptions ?? KernelProductOptions.Default;
        int n = points.Count;
        if (n <= Options.DenseStorageLimit && n > 0 && (long)n * n <= Array.MaxLength)
        {
            var matrix = new double[(long)n * n];
            Parallel.For(0, n, ProductOptions.ParallelOptions, i => KernelRows.Evaluate(kernel, points, i, matrix.AsSpan((int)((long)i * n), n)));
            stored = matrix;
        }
        else if (Options.UseTensorGridProduct && kernel is ISeparableKernel separable && TensorGrid.TryCreate(points) is { } grid)
        {
            tensorProduct = new TensorGridKernelProduct(separable, grid, ProductOptions);
            TensorGridKernelProduct product = tensorProduct;
            tensorFactor = new Lazy<TensorGridEigenFactor>(() => new TensorGridEigenFactor(product, ProductOptions.MaxDegreeOfParallelism), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        factor = new Lazy<(PivotedCholeskyFactor, double[])?>(ComputeFactor, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The kernel k.</summary>
    public IKernel Kernel { get; }

    /// <summary>The nodes.</summary>
    public PointSet Points { get; }

    /// <summary>The storage and factor settings.</summary>
    public FixedNodeKernelOptions Options { get; }

    /// <summary>Threading of products and of the factorization.</summary>
    public KernelProductOptions ProductOptions { get; }

    /// <summary>n.</summary>
    public int Size => Points.Count;

    /// <summary>True when 𝖪 is stored densely (n² doubles).</summary>
    public bool IsStored => stored is not null;

    /// <summary>True when products use the Kronecker structure of a separable kernel on tensor-grid nodes (<see cref="TensorGridKernelProduct"/>; only when 𝖪 is not stored).</summary>
    public bool UsesTensorGridProduct => tensorProduct is not null;

    /// <summary>The weight-independent factor 𝖪 ≈ L Lᵀ (computed on first access), or null when n exceeds <see cref="FixedNodeKernelOptions.FactorSizeLimit"/>.</summary>
    public PivotedCholeskyFactor? Factor => factor.Value?.Factor;

    /// <summary>result = 𝖪 x.</summary>
    /// <param name="x">Length n.</param>
    /// <param name="result">Length n.</param>
    public void Multiply(double[] x, double[] result)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(result);
        int n = Size;
        if (x.Length != n || result.Length != n)
        {
            throw new ArgumentException($"Vectors must have length {n}.");
        }

        if (tensorProduct is not null)
        {
            tensorProduct.Multiply(x, result);
            return;
        }

        if (stored is null)
        {
            KernelMatrixFreeProduct.Multiply(Kernel, Points, Points, x, result, ProductOptions);
            return;
        }

        const int rowsPerTask = 32;
        double[] matrix = stored;
        int tasks = (n + rowsPerTask - 1) / rowsPerTask;
        void Rows(int task)
        {
            int end = Math.Min((task + 1) * rowsPerTask, n);
            for (int i = task * rowsPerTask; i < end; i++)
            {
                result[i] = VectorArithmetic.Dot(matrix.AsSpan((int)((long)i * n), n), x);
            }
        }

        // Below ~250 000 multiply–adds (n < 500) a thread hand-off costs more than it saves; each row is one dot product either way.
        if (n < 500 || ProductOptions.MaxDegreeOfParallelism == 1)
        {
            for (int task = 0; task < tasks; task++)
            {
                Rows(task);
            }
        }
        else
        {
            Parallel.For(0, tasks, ProductOptions.ParallelOptions, Rows);
        }
    }

    /// <summary>
    /// The Woodbury solver of (W^{½}𝖪W^{½} + λI) from the weight-independent factor, or null when
    /// there is no factor or it is not accurate enough for these weights:
    /// Σᵢ wᵢ(𝖪 − L Lᵀ)ᵢᵢ &gt; <paramref name="relativeAccuracy"/>·λ. Without that factor (n above
    /// <see cref="FixedNodeKernelOptions.FactorSizeLimit"/>) but with a separable kernel on tensor-grid
    /// nodes, the solver of <see cref="TensorGridEigenFactor"/> for these weights (null if its rank exceeds n/2).
    /// </summary>
    /// <param name="squareRootWeights">√wᵢ.</param>
    /// <param name="shift">λ &gt; 0.</param>
    /// <param name="relativeAccuracy">η: the bound on the relative residual the factor must guarantee (&lt; 1 for refinement to converge).</param>
    /// <param name="maxDegreeOfParallelism">−1 for the default.</param>
    public WeightedLowRankShiftedSolver? WeightedSolver(ReadOnlySpan<double> squareRootWeights, double shift, double relativeAccuracy, int maxDegreeOfParallelism = -1)
    {
        if (factor.Value is not var (l, columns))
        {
            // Too many nodes for one factor of 𝖪 to the rounding floor; on a tensor grid the eigenvectors
            // of the Kronecker factors give a factor chosen for these weights at almost no cost.
            return tensorFactor?.Value.WeightedSolver(squareRootWeights, shift, relativeAccuracy, Math.Max(1, Size / 2), maxDegreeOfParallelism);
        }

        ReadOnlySpan<double> residualDiagonal = l.ResidualDiagonal;
        double trace = 0.0;
        for (int i = 0; i < residualDiagonal.Length; i++)
        {
            trace += squareRootWeights[i] * squareRootWeights[i] * residualDiagonal[i];
        }

        return trace <= relativeAccuracy * shift ? new WeightedLowRankShiftedSolver(columns, l.Size, l.Rank, residualDiagonal, squareRootWeights, shift, maxDegreeOfParallelism) : null;
    }

    private (PivotedCholeskyFactor, double[])? ComputeFactor()
    {
        int n = Size;
        if (n > Options.FactorSizeLimit || n == 0)
        {
            return null;
        }

        var l = PivotedCholeskyFactor.Compute(new WeightedKernelMatrix(Kernel, Points, productOptions: ProductOptions), traceTolerance: 0.0, maximumRank: Math.Max(1, n / 2), ProductOptions.MaxDegreeOfParallelism);
        return (l, WeightedLowRankShiftedSolver.Contiguous(l)); // one array, so the per-weight Gram matrix runs by blocks
    }
}
