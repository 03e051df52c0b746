using System.Numerics;
using System.Runtime.InteropServices;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Operators;

/// <summary>
/// Matrix-free kernel products (kernel.md §4 (1)): yᵢ = Σⱼ k(xᵢ, yⱼ) vⱼ and
/// gᵢ = Σⱼ ∇ₓk(xᵢ, yⱼ) vⱼ for targets X, sources Y and source weights v, never storing 𝖪.
/// </summary>
/// <remarks>
/// Tiled (target rows × source tiles), SIMD over sources with <see cref="Vector{T}"/>, and
/// multi-threaded with <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> over
/// target tiles. Deterministic: see <see cref="KernelProductOptions"/>. When targets and sources
/// are the same object (from <see cref="SymmetricThreshold"/> points on), the value product uses
/// the symmetry of 𝖪 and evaluates each pair once (<see cref="SymmetricKernelProduct"/>; also
/// deterministic, with its own fixed blocks). The value product has
/// loops specialised by dimension (<see cref="KernelValueTiles"/>); in the gradient product
/// coordinates missing in d &lt; 3 are padded with zeros, which adds exact zeros to r² and
/// changes no bit. Cost O(N·M·d) time, O(N + M) extra memory.
/// </remarks>
public static class KernelMatrixFreeProduct
{
    /// <summary>From this many points on, a product whose targets and sources are the same <see cref="PointSet"/> object uses the symmetric product (each pair evaluated once); below, its block schedule does not pay.</summary>
    public const int SymmetricThreshold = 2 * SymmetricKernelProduct.BlockSize;

    /// <summary>result[i] = Σⱼ k(targets[i], sources[j]) sourceWeights[j].</summary>
    /// <typeparam name="TKernel">The kernel type (a struct for a specialised, inlined loop).</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="targets">The N points xᵢ.</param>
    /// <param name="sources">The M points yⱼ, same dimension.</param>
    /// <param name="sourceWeights">v, length M.</param>
    /// <param name="result">Destination, length N.</param>
    /// <param name="options">Tiling and threading; <see cref="KernelProductOptions.Default"/> if null.</param>
    public static void Multiply<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlyMemory<double> sourceWeights, Memory<double> result, KernelProductOptions? options = null)
        where TKernel : IKernel
    {
        options = Prepare(targets, sources, sourceWeights.Length, result.Length, 1, options);
        if (ReferenceEquals(targets, sources) && targets.Count >= SymmetricThreshold)
        {
            // 𝖪 is symmetric: evaluate each pair once (SymmetricKernelProduct).
            var symmetric = new double[targets.Count];
            SymmetricKernelProduct.Multiply(kernel, targets, sourceWeights.ToArray(), symmetric, options.ParallelOptions);
            symmetric.CopyTo(result);
            return;
        }

        int sourceTile = SourceTileLength(options);
        int tileCount = (targets.Count + options.TargetTileSize - 1) / options.TargetTileSize;
        Parallel.For(0, tileCount, options.ParallelOptions, tile =>
        {
            int first = tile * options.TargetTileSize;
            int end = Math.Min(first + options.TargetTileSize, targets.Count);
            KernelValueTiles.Multiply(kernel, targets, sources, sourceWeights.Span, result.Span, first, end, sourceTile);
        });
    }

    /// <summary>result[i·d + c] = Σⱼ ∂ₓ_c k(targets[i], sources[j]) sourceWeights[j] (row-major N×d).</summary>
    /// <typeparam name="TKernel">The kernel type (a struct for a specialised, inlined loop).</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="targets">The N points xᵢ.</param>
    /// <param name="sources">The M points yⱼ, same dimension.</param>
    /// <param name="sourceWeights">v, length M.</param>
    /// <param name="result">Destination, length N·d.</param>
    /// <param name="options">Tiling and threading; <see cref="KernelProductOptions.Default"/> if null.</param>
    public static void MultiplyGradient<TKernel>(TKernel kernel, PointSet targets, PointSet sources, ReadOnlyMemory<double> sourceWeights, Memory<double> result, KernelProductOptions? options = null)
        where TKernel : IKernel
    {
        options = Prepare(targets, sources, sourceWeights.Length, result.Length, targets.Dimension, options);
        double[][] paddedSources = PaddedCoordinates(sources);
        int sourceTile = SourceTileLength(options);
        int tileCount = (targets.Count + options.TargetTileSize - 1) / options.TargetTileSize;
        Parallel.For(0, tileCount, options.ParallelOptions, tile =>
        {
            int first = tile * options.TargetTileSize;
            int end = Math.Min(first + options.TargetTileSize, targets.Count);
            MultiplyGradientTile(kernel, targets, paddedSources, sourceWeights.Span, result.Span, first, end, sourceTile);
        });
    }

    /// <summary>As <see cref="Multiply{TKernel}"/> for a kernel known only as <see cref="IKernel"/>: the five built-in kernels are dispatched to their specialised loops.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="targets">The N points xᵢ.</param>
    /// <param name="sources">The M points yⱼ.</param>
    /// <param name="sourceWeights">v, length M.</param>
    /// <param name="result">Destination, length N.</param>
    /// <param name="options">Tiling and threading.</param>
    public static void Multiply(IKernel kernel, PointSet targets, PointSet sources, ReadOnlyMemory<double> sourceWeights, Memory<double> result, KernelProductOptions? options = null)
    {
        switch (kernel)
        {
            case GaussianKernel k: Multiply(k, targets, sources, sourceWeights, result, options); break;
            case LaplaceKernel k: Multiply(k, targets, sources, sourceWeights, result, options); break;
            case MaternThreeHalvesKernel k: Multiply(k, targets, sources, sourceWeights, result, options); break;
            case MaternFiveHalvesKernel k: Multiply(k, targets, sources, sourceWeights, result, options); break;
            case InverseMultiquadricKernel k: Multiply(k, targets, sources, sourceWeights, result, options); break;
            default: Multiply<IKernel>(kernel, targets, sources, sourceWeights, result, options); break;
        }
    }

    /// <summary>As <see cref="MultiplyGradient{TKernel}"/> for a kernel known only as <see cref="IKernel"/>.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="targets">The N points xᵢ.</param>
    /// <param name="sources">The M points yⱼ.</param>
    /// <param name="sourceWeights">v, length M.</param>
    /// <param name="result">Destination, length N·d.</param>
    /// <param name="options">Tiling and threading.</param>
    public static void MultiplyGradient(IKernel kernel, PointSet targets, PointSet sources, ReadOnlyMemory<double> sourceWeights, Memory<double> result, KernelProductOptions? options = null)
    {
        switch (kernel)
        {
            case GaussianKernel k: MultiplyGradient(k, targets, sources, sourceWeights, result, options); break;
            case LaplaceKernel k: MultiplyGradient(k, targets, sources, sourceWeights, result, options); break;
            case MaternThreeHalvesKernel k: MultiplyGradient(k, targets, sources, sourceWeights, result, options); break;
            case MaternFiveHalvesKernel k: MultiplyGradient(k, targets, sources, sourceWeights, result, options); break;
            case InverseMultiquadricKernel k: MultiplyGradient(k, targets, sources, sourceWeights, result, options); break;
            default: MultiplyGradient<IKernel>(kernel, targets, sources, sourceWeights, result, options); break;
        }
    }

    private static void MultiplyGradientTile<TKernel>(TKernel kernel, PointSet targets, double[][] sources, ReadOnlySpan<double> weights, Span<double> result, int first, int end, int sourceTile)
        where TKernel : IKernel
    {
        int width = Vector<double>.Count;
        int dimension = targets.Dimension;
        int sourceCount = weights.Length;
        int vectorEnd = sourceCount - (sourceCount % width);
        var accumulators = new Vector<double>[3 * (end - first)];
        ref double y0 = ref MemoryMarshal.GetArrayDataReference(sources[0]);
        ref double y1 = ref MemoryMarshal.GetArrayDataReference(sources[1]);
        ref double y2 = ref MemoryMarshal.GetArrayDataReference(sources[2]);
        ref double v = ref MemoryMarshal.GetReference(weights);
        Span<double> x = stackalloc double[3];
        for (int tileStart = 0; tileStart < vectorEnd; tileStart += sourceTile)
        {
            int tileEnd = Math.Min(tileStart + sourceTile, vectorEnd);
            for (int i = first; i < end; i++)
            {
                LoadPadded(targets.Point(i), x);
                var x0 = new Vector<double>(x[0]);
                var x1 = new Vector<double>(x[1]);
                var x2 = new Vector<double>(x[2]);
                int a = 3 * (i - first);
                Vector<double> g0 = accumulators[a], g1 = accumulators[a + 1], g2 = accumulators[a + 2];
                for (int j = tileStart; j < tileEnd; j += width)
                {
                    Vector<double> d0 = x0 - Vector.LoadUnsafe(ref y0, (nuint)j);
                    Vector<double> d1 = x1 - Vector.LoadUnsafe(ref y1, (nuint)j);
                    Vector<double> d2 = x2 - Vector.LoadUnsafe(ref y2, (nuint)j);
                    Vector<double> squaredDistance = (d0 * d0) + (d1 * d1) + (d2 * d2);
                    Vector<double> factor = kernel.GradientFactorFromSquaredDistance(squaredDistance) * Vector.LoadUnsafe(ref v, (nuint)j);
                    g0 -= factor * d0;
                    g1 -= factor * d1;
                    g2 -= factor * d2;
                }

                accumulators[a] = g0;
                accumulators[a + 1] = g1;
                accumulators[a + 2] = g2;
            }
        }

        Span<double> total = stackalloc double[3];
        for (int i = first; i < end; i++)
        {
            LoadPadded(targets.Point(i), x);
            int a = 3 * (i - first);
            for (int c = 0; c < 3; c++)
            {
                total[c] = Vector.Sum(accumulators[a + c]);
            }

            for (int j = vectorEnd; j < sourceCount; j++)
            {
                double d0 = x[0] - sources[0][j], d1 = x[1] - sources[1][j], d2 = x[2] - sources[2][j];
                double factor = kernel.GradientFactorFromSquaredDistance((d0 * d0) + (d1 * d1) + (d2 * d2)) * weights[j];
                total[0] -= factor * d0;
                total[1] -= factor * d1;
                total[2] -= factor * d2;
            }

            total[..dimension].CopyTo(result.Slice(i * dimension, dimension));
        }
    }

    private static KernelProductOptions Prepare(PointSet targets, PointSet sources, int weightCount, int resultLength, int valuesPerTarget, KernelProductOptions? options)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sources);
        if (targets.Dimension != sources.Dimension)
        {
            throw new ArgumentException($"Targets have dimension {targets.Dimension} but sources have dimension {sources.Dimension}.", nameof(sources));
        }

        if (weightCount != sources.Count)
        {
            throw new ArgumentException($"{weightCount} source weights for {sources.Count} sources.", "sourceWeights");
        }

        if (resultLength != targets.Count * valuesPerTarget)
        {
            throw new ArgumentException($"Result has length {resultLength}, expected {targets.Count * valuesPerTarget}.", "result");
        }

        options ??= KernelProductOptions.Default;
        options.Validate();
        return options;
    }

    private static int SourceTileLength(KernelProductOptions options)
    {
        int width = Vector<double>.Count;
        return (options.SourceTileSize + width - 1) / width * width;
    }

    private static double[][] PaddedCoordinates(PointSet points)
    {
        var padded = new double[3][];
        double[]? zeros = null;
        for (int c = 0; c < 3; c++)
        {
            padded[c] = c < points.Dimension ? points.CoordinateOfAll(c).ToArray() : (zeros ??= new double[points.Count]);
        }

        return padded;
    }

    private static void LoadPadded(ReadOnlySpan<double> point, Span<double> padded)
    {
        padded.Clear();
        point.CopyTo(padded);
    }
}
