using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Tests;

/// <summary>Synthetic convergence tables with known orders.</summary>
internal static class StudyTables
{
    public static readonly double[] MeshSizes = [0.25, 0.14, 0.09, 0.047, 0.026];

    /// <summary>L2 ∝ h², H1 ∝ h, with dofs ∝ h⁻².</summary>
    public static ConvergenceTable PoissonLike(string? title = "P1 on the unit square")
    {
        var table = new ConvergenceTable(SweptParameter.MeshSize, [Metric.L2, Metric.H1], title);
        foreach (double h in MeshSizes)
        {
            table.Add(h, (long)Math.Round(1.0 / (h * h)), 0.31 * h * h, 1.7 * h);
        }

        return table;
    }

    /// <summary>An L2 error that behaves like h¹ (a broken scheme claimed to be second order).</summary>
    public static ConvergenceTable FirstOrderOnly()
    {
        var table = new ConvergenceTable(SweptParameter.MeshSize, [Metric.L2], "a scheme that is only first order");
        foreach (double h in MeshSizes)
        {
            table.Add(h, null, 0.8 * h);
        }

        return table;
    }
}
