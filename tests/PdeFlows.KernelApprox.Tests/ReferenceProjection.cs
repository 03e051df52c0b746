using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Kernels;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>
/// An independent slow reference for the (spherical) RKHS projection, sharing no code with the
/// library's linear algebra or products: the dense matrix S + λI from scalar kernel values, a
/// textbook Cholesky factorization, and the naive double loop for r = 𝖪a.
/// </summary>
internal static class ReferenceProjection
{
    /// <summary>r = Q𝖪W^{½}(S+λ)⁻¹W^{½}Qξ (spherical) or 𝖪W^{½}(S+λ)⁻¹W^{½}ξ, and ‖(S+λ)z − b‖/‖b‖ of the dense solve.</summary>
    public static (double[] Response, double RelativeResidual) Response(IKernel kernel, PointSet points, double[] weights, double[] force, double lambda, bool spherical)
    {
        int n = points.Count;
        double mass = 0.0, moment = 0.0;
        for (int i = 0; i < n; i++)
        {
            mass += weights[i];
            moment += weights[i] * force[i];
        }

        double mean = spherical ? moment / mass : 0.0;
        var root = new double[n];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            root[i] = Math.Sqrt(weights[i]);
            b[i] = root[i] * (force[i] - mean);
        }

        var kernelMatrix = new double[n, n];
        var shifted = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                kernelMatrix[i, j] = kernel.Value(points.Point(i), points.Point(j));
                shifted[i, j] = (root[i] * kernelMatrix[i, j] * root[j]) + (i == j ? lambda : 0.0);
            }
        }

        double[] z = CholeskySolve(shifted, b);
        double residualSquared = 0.0, rightSquared = 0.0;
        for (int i = 0; i < n; i++)
        {
            double row = 0.0;
            for (int j = 0; j < n; j++)
            {
                row += shifted[i, j] * z[j];
            }

            residualSquared += (b[i] - row) * (b[i] - row);
            rightSquared += b[i] * b[i];
        }

        var response = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                response[i] += kernelMatrix[i, j] * root[j] * z[j];
            }
        }

        if (spherical)
        {
            double responseMoment = 0.0;
            for (int i = 0; i < n; i++)
            {
                responseMoment += weights[i] * response[i];
            }

            for (int i = 0; i < n; i++)
            {
                response[i] -= responseMoment / mass;
            }
        }

        return (response, Math.Sqrt(residualSquared / rightSquared));
    }

    /// <summary>Σ wᵢ (aᵢ − bᵢ)² / Σ wᵢ cᵢ², the squared relative distance in L²(w), square-rooted.</summary>
    public static double WeightedRelativeDistance(ReadOnlySpan<double> weights, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> scale)
    {
        double difference = 0.0, norm = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            difference += weights[i] * (a[i] - b[i]) * (a[i] - b[i]);
            norm += weights[i] * scale[i] * scale[i];
        }

        return Math.Sqrt(difference / norm);
    }

    private static double[] CholeskySolve(double[,] matrix, double[] rightHandSide)
    {
        int n = rightHandSide.Length;
        var lower = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double diagonal = matrix[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= lower[j, k] * lower[j, k];
            }

            lower[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < n; i++)
            {
                double sum = matrix[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = sum / lower[j, j];
            }
        }

        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = rightHandSide[i];
            for (int k = 0; k < i; k++)
            {
                sum -= lower[i, k] * y[k];
            }

            y[i] = sum / lower[i, i];
        }

        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= lower[k, i] * x[k];
            }

            x[i] = sum / lower[i, i];
        }

        return x;
    }
}

/// <summary>The λ-FRk rate ρ = β r computed by <see cref="ReferenceProjection"/> (for trajectory comparisons).</summary>
internal sealed class ReferenceKernelFisherRaoRate(IKernel kernel, PointSet nodes, NodalSetting setting, double lambda, bool spherical) : IReactionRate
{
    public double WorstRelativeResidual { get; private set; }

    public void Rate(ReadOnlySpan<double> density, Span<double> rate)
    {
        int n = setting.Count;
        var weights = new double[n];
        var force = new double[n];
        for (int i = 0; i < n; i++)
        {
            weights[i] = setting.LumpedMass[i] * density[i];
        }

        RelativeEntropy.Instance.FirstVariation(density, setting, force);
        var (response, residual) = ReferenceProjection.Response(kernel, nodes, weights, force, lambda, spherical);
        WorstRelativeResidual = Math.Max(WorstRelativeResidual, residual);
        response.CopyTo(rate);
    }
}
