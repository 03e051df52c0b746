using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>Seeded test data and naive reference computations.</summary>
internal static class TestData
{
    public static PointSet RandomPoints(int count, int dimension, int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        var coordinates = new double[count * dimension];
        for (int k = 0; k < coordinates.Length; k++)
        {
            coordinates[k] = scale * random.NextDouble();
        }

        return new PointSet(coordinates, dimension);
    }

    public static double[] RandomVector(int count, int seed, double low = -1.0, double high = 1.0)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = low + ((high - low) * random.NextDouble());
        }

        return values;
    }

    public static IKernel[] AllKernels(double bandwidth) =>
        Enum.GetValues<KernelKind>().Select(kind => KernelFactory.Create(kind, bandwidth)).ToArray();

    /// <summary>The naive double loop Σⱼ k(xᵢ, yⱼ) vⱼ in scalar arithmetic.</summary>
    public static double[] NaiveProduct(IKernel kernel, PointSet targets, PointSet sources, double[] weights)
    {
        var result = new double[targets.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            double sum = 0.0;
            for (int j = 0; j < sources.Count; j++)
            {
                sum += kernel.Value(targets.Point(i), sources.Point(j)) * weights[j];
            }

            result[i] = sum;
        }

        return result;
    }

    /// <summary>The naive double loop Σⱼ ∇ₓk(xᵢ, yⱼ) vⱼ, row-major N×d.</summary>
    public static double[] NaiveGradientProduct(IKernel kernel, PointSet targets, PointSet sources, double[] weights)
    {
        int d = targets.Dimension;
        var result = new double[targets.Count * d];
        var gradient = new double[d];
        for (int i = 0; i < targets.Count; i++)
        {
            for (int j = 0; j < sources.Count; j++)
            {
                kernel.Gradient(targets.Point(i), sources.Point(j), gradient);
                for (int c = 0; c < d; c++)
                {
                    result[(i * d) + c] += gradient[c] * weights[j];
                }
            }
        }

        return result;
    }
}
