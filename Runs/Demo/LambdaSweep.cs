using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Demo;

/// <summary>
/// The demo's λ sweep: the kernel-approximate spherical WFR flow (reaction <c>kernel-fr-spherical</c>)
/// for several λ against the exact spherical WFR flow on the same mesh and time grid. Errors are
/// sup over the output times of the lumped L¹ distance Σ mᵢ|u_λ − u|ᵢ and of the energy gap
/// |E(u_λ) − E(u)|, so they measure the kernel error alone (kernel.md §5).
/// </summary>
public static class LambdaSweep
{
    /// <summary>The λ values of the demo, largest first.</summary>
    public static IReadOnlyList<double> DefaultLambdas { get; } = [1e-1, 1e-2, 1e-3, 1e-4];

    /// <summary>The sup-in-time L¹ column.</summary>
    public static Metric SupL1 { get; } = new(MetricKind.L1, "sup_t L1");

    /// <summary>The sup-in-time energy-gap column.</summary>
    public static Metric SupEnergy { get; } = new(MetricKind.Energy, "sup_t energy gap");

    /// <summary>Compares kernel runs with the exact run.</summary>
    /// <param name="exact">The exact reference.</param>
    /// <param name="kernelRuns">λ → the kernel-approximate run on the same mesh and output times.</param>
    /// <returns>The table, one row per λ in the given order.</returns>
    /// <exception cref="ArgumentException">A run has other output times or another mesh size than the reference.</exception>
    public static ConvergenceTable Compare(DemoRun exact, IEnumerable<(double Lambda, DemoRun Run)> kernelRuns)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(kernelRuns);
        var table = new ConvergenceTable(SweptParameter.Regularization, [SupL1, SupEnergy], "kernel-approximate SWFR vs exact SWFR (same mesh and time grid)");
        foreach (var (lambda, run) in kernelRuns)
        {
            if (!run.Times.SequenceEqual(exact.Times) || run.Mesh.VertexCount != exact.Mesh.VertexCount)
            {
                throw new ArgumentException($"the run for λ = {lambda:G3} has other output times or another mesh than the exact run", nameof(kernelRuns));
            }

            double l1 = 0, energy = 0;
            var (exactDensities, exactEnergy, runEnergy) = (exact.Densities, exact.Energy, run.Energy);
            for (int k = 0; k < exactDensities.Count; k++)
            {
                l1 = Math.Max(l1, run.LumpedL1Distance(k, exactDensities[k]));
                energy = Math.Max(energy, Math.Abs(runEnergy[k] - exactEnergy[k]));
            }

            table.Add(lambda, exact.Mesh.VertexCount, l1, energy);
        }

        return table;
    }
}
