using MathNet.Numerics.LinearAlgebra;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Tests;

/// <summary>The implicit-QL eigensolver behind the Gauss–Jacobi rules against MathNet's dense symmetric EVD (an independent reference) and the definition T v = λ v.</summary>
public class SymmetricTridiagonalEigenTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(30, 4)]
    public void Eigenpairs_agree_with_a_dense_decomposition(int n, int seed)
    {
        var random = new Random(seed);
        var diagonal = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var subdiagonal = Enumerable.Range(0, n - 1).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (values, vectors) = SymmetricTridiagonalEigen.Decompose(diagonal, subdiagonal);
        var t = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            t[i, i] = diagonal[i];
            if (i > 0)
            {
                t[i, i - 1] = t[i - 1, i] = subdiagonal[i - 1];
            }
        }

        var reference = t.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        for (int j = 0; j < n; j++)
        {
            // 1e-13: eigenvalues of a symmetric matrix with ‖T‖ ≤ 1.5 are perturbed by ≲ n ε ‖T‖ by either backward-stable method.
            Assert.True(Math.Abs(values[j] - reference[j]) <= 1e-13, $"eigenvalue {j}: {values[j]} vs {reference[j]}");
            var v = Vector<double>.Build.Dense(n, k => vectors[k, j]);
            Assert.True(Math.Abs(v.L2Norm() - 1) <= 1e-13, $"eigenvector {j} is not normalized");
            Assert.True((t * v - (values[j] * v)).L2Norm() <= 1e-13, $"T v ≠ λ v for eigenvector {j}");
        }

        for (int j = 1; j < n; j++)
        {
            Assert.True(values[j - 1] <= values[j], "eigenvalues not ascending");
        }
    }
}
