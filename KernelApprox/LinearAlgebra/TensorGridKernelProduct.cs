using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Operators;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// 𝖪x for a separable kernel on a tensor grid: 𝖪 = K⁰ ⊗ K¹ (⊗ K²) with Kᵃₖₗ = f(gᵃₖ − gᵃₗ), applied
/// one axis at a time in O(n Σₐ nₐ) operations instead of O(n²) kernel evaluations (on 127² nodes:
/// 4·10⁶ multiply–adds instead of 1.3·10⁸ exponentials).
/// </summary>
/// <remarks>
/// <para>Accuracy: every entry Πₐ f(δₐ) equals the kernel value up to d roundings, and the sums run
/// over the same terms as Σⱼ k(xᵢ, xⱼ)xⱼ, grouped axis by axis, so the product agrees with the
/// pairwise one to the usual summation error (tested against it); it is not bitwise equal to it.</para>
/// <para>Determinism: each output entry of each axis pass is one dot product or one multiply–add
/// sequence in increasing l, computed by one thread, so the result is bitwise independent of the
/// thread count.</para>
/// </remarks>
public sealed class TensorGridKernelProduct
{
    private readonly TensorGrid grid;
    private readonly double[][] axisMatrices; // Kᵃ row-major, symmetric
    private readonly ParallelOptions parallel;
    private readonly bool serial;

    /// <summary>Prepares the one-dimensional kernel matrices of the grid's axes.</summary>
    /// <param name="kernel">The separable kernel.</param>
    /// <param name="grid">The tensor grid of the points.</param>
    /// <param name="options">Threading; defaults if null.</param>
    public TensorGridKernelProduct(ISeparableKernel kernel, TensorGrid grid, KernelProductOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        this.grid = grid ?? throw new ArgumentNullException(nameof(grid));
        options ??= KernelProductOptions.Default;
        options.Validate();
        parallel = options.ParallelOptions;
        serial = options.MaxDegreeOfParallelism == 1;
        axisMatrices = new double[grid.Dimension][];
        for (int a = 0; a < grid.Dimension; a++)
        {
            ReadOnlySpan<double> g = grid.Axis(a);
            int m = g.Length;
            var matrix = new double[m * m];
            for (int k = 0; k < m; k++)
            {
                for (int l = 0; l < m; l++)
                {
                    matrix[(k * m) + l] = kernel.AxisFactor(g[k] - g[l]);
                }
            }

            axisMatrices[a] = matrix;
        }
    }

    /// <summary>n.</summary>
    public int Size => grid.Count;

    /// <summary>The nodes' tensor grid.</summary>
    public TensorGrid Grid => grid;

    /// <summary>Kᵃ, the one-dimensional kernel matrix of axis <paramref name="axis"/> (row-major, symmetric).</summary>
    /// <param name="axis">0 ≤ axis &lt; d.</param>
    public ReadOnlySpan<double> AxisMatrix(int axis) => axisMatrices[axis];

    /// <summary>result = 𝖪 x (x and result in the point set's order).</summary>
    /// <param name="x">Length n.</param>
    /// <param name="result">Length n.</param>
    public void Multiply(ReadOnlySpan<double> x, Span<double> result)
    {
        int n = Size;
        if (x.Length != n || result.Length != n)
        {
            throw new ArgumentException($"Vectors must have length {n}.");
        }

        ReadOnlySpan<int> position = grid.TensorIndex;
        var current = new double[n];
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            current[position[i]] = x[i];
        }

        for (int a = grid.Dimension - 1; a >= 0; a--)
        {
            TensorModeProduct.Apply(grid.Shape, a, axisMatrices[a], current, next, serial ? null : parallel);
            (current, next) = (next, current);
        }

        for (int i = 0; i < n; i++)
        {
            result[i] = current[position[i]];
        }
    }
}
