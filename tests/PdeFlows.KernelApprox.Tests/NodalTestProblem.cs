using PdeFlows.Flows;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>
/// A 1D nodal problem on a uniform mesh of [−3, 3]: lumped P1 masses (h inside, h/2 at the
/// ends), a smooth bimodal target π ∝ e^{−(x−1)²/0.5} + e^{−(x+1)²/0.5} normalized by the lumped
/// rule, and a broad Gaussian u₀ ∝ e^{−x²/4.5} (σ = 1.5) of mass 1: well-prepared data (u₀ has
/// mass wherever π has).
/// </summary>
internal sealed record NodalTestProblem(PointSet Nodes, NodalSetting Setting, double[] Initial)
{
    public static NodalTestProblem Bimodal(int nodeCount)
    {
        double h = 6.0 / (nodeCount - 1);
        var x = new double[nodeCount];
        var mass = new double[nodeCount];
        var target = new double[nodeCount];
        var initial = new double[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            x[i] = -3.0 + (i * h);
            mass[i] = i == 0 || i == nodeCount - 1 ? h / 2 : h;
            target[i] = Math.Exp(-(x[i] - 1) * (x[i] - 1) / 0.5) + Math.Exp(-(x[i] + 1) * (x[i] + 1) / 0.5);
            initial[i] = Math.Exp(-x[i] * x[i] / 4.5);
        }

        Normalize(target, mass);
        Normalize(initial, mass);
        return new NodalTestProblem(new PointSet(x, 1), new NodalSetting(mass, target), initial);
    }

    /// <summary>Σ mᵢ|aᵢ − bᵢ|, the lumped L¹ distance.</summary>
    public double LumpedL1(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += Setting.LumpedMass[i] * Math.Abs(a[i] - b[i]);
        }

        return sum;
    }

    private static void Normalize(double[] values, double[] mass)
    {
        double total = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            total += mass[i] * values[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= total;
        }
    }
}
