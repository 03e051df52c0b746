namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// The mode-a product of a row-major tensor with a matrix: output[o, k, t] = Σₗ M[k, l]·input[o, l, t]
/// along axis a (o runs over the axes before a, t over those after). Applied once per axis it gives
/// (M⁰ ⊗ M¹ ⊗ …)·x on a tensor grid in O(n Σₐ nₐ) operations.
/// </summary>
/// <remarks>
/// Each output entry is one <see cref="VectorArithmetic.Dot"/> (last axis) or one sequence of fused
/// multiply–adds in increasing l (<see cref="VectorArithmetic.SubtractScaled"/>), computed by one
/// thread: the result is bitwise independent of the thread count.
/// </remarks>
internal static class TensorModeProduct
{
    /// <summary>Below this many multiply–adds a pass runs on the calling thread.</summary>
    private const long SerialPassWork = 1L << 19;

    /// <summary>output ← M ×ₐ input.</summary>
    /// <param name="shape">The tensor's extents, axis 0 slowest.</param>
    /// <param name="axis">a.</param>
    /// <param name="matrix">M, shape[a]×shape[a] row-major.</param>
    /// <param name="input">The tensor (length Π shape).</param>
    /// <param name="output">The result (length Π shape; not aliasing input).</param>
    /// <param name="parallel">Threads, or null to stay on the calling thread.</param>
    public static void Apply(ReadOnlySpan<int> shape, int axis, double[] matrix, double[] input, double[] output, ParallelOptions? parallel)
    {
        int m = shape[axis];
        int outer = 1, inner = 1;
        for (int c = 0; c < axis; c++)
        {
            outer *= shape[c];
        }

        for (int c = axis + 1; c < shape.Length; c++)
        {
            inner *= shape[c];
        }

        void Fiber(int fiber)
        {
            int o = fiber / m, k = fiber % m;
            ReadOnlySpan<double> row = matrix.AsSpan(k * m, m);
            int block = o * m * inner;
            if (inner == 1)
            {
                output[block + k] = VectorArithmetic.Dot(row, input.AsSpan(block, m));
                return;
            }

            Span<double> target = output.AsSpan(block + (k * inner), inner);
            target.Clear();
            for (int l = 0; l < m; l++)
            {
                VectorArithmetic.SubtractScaled(target, -row[l], input.AsSpan(block + (l * inner), inner));
            }
        }

        int fibers = outer * m;
        if (parallel is null || (long)fibers * m * inner < SerialPassWork)
        {
            for (int fiber = 0; fiber < fibers; fiber++)
            {
                Fiber(fiber);
            }
        }
        else
        {
            Parallel.For(0, fibers, parallel, Fiber);
        }
    }
}
