namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// One symmetric V-cycle of smoothed-aggregation multigrid (<see cref="SmoothedAggregation"/>) from a
/// zero initial guess, as a preconditioner for CG: <see cref="SweepsPerSide"/> damped Jacobi sweeps
/// before and after the coarse correction (the same sweeps in both, so the cycle is a symmetric
/// positive definite operator), a sparse Cholesky solve on the coarsest level. Without a coarse level
/// (no strong connections: a mass-dominated system) it is the Jacobi preconditioner D⁻¹. Work vectors are
/// allocated once; every product runs over fixed row blocks, so the result does not depend on the
/// thread count.
/// </summary>
public sealed class MultigridPreconditioner : IPreconditioner
{
    /// <summary>Damped Jacobi sweeps before and after each coarse correction.</summary>
    public const int SweepsPerSide = 1;

    private readonly List<MultigridLevel> levels;
    private readonly SparseCholesky? coarsest;
    private readonly double[][] solution, rhs, residual;

    /// <summary>Builds the hierarchy of <paramref name="matrix"/>.</summary>
    public MultigridPreconditioner(CsrMatrix matrix)
    {
        (levels, coarsest) = SmoothedAggregation.Build(matrix);
        solution = levels.Select(l => new double[l.Operator.RowCount]).ToArray();
        rhs = levels.Select(l => new double[l.Operator.RowCount]).ToArray();
        residual = levels.Select(l => new double[l.Operator.RowCount]).ToArray();
    }

    /// <summary>The levels, finest first.</summary>
    public IReadOnlyList<MultigridLevel> Levels => levels;

    /// <summary>
    /// Bytes one application reads or writes at least: per level, each sweep's product and vector
    /// update (12 bytes per matrix entry, four vectors), the restriction and the prolongation.
    /// </summary>
    public double BytesPerApplication
    {
        get
        {
            if (levels.Count == 1 && coarsest is null)
            {
                return 3.0 * levels[0].Operator.RowCount * 8;
            }

            double bytes = 0;
            foreach (var level in levels)
            {
                double n = level.Operator.RowCount;
                double sweeps = (2 * SweepsPerSide) + 1;
                bytes += sweeps * ((level.Operator.Pattern.NonzeroCount * 12.0) + (4 * n * 8));
                bytes += level.Prolongation is null ? 0 : 2 * ((level.Prolongation.Pattern.NonzeroCount * 12.0) + (2 * n * 8));
            }

            return bytes;
        }
    }

    /// <summary>Unknowns of each level, finest first (for logs).</summary>
    public string Describe() =>
        $"{levels.Count} level{(levels.Count == 1 ? string.Empty : "s")} ({string.Join(" → ", levels.Select(l => l.Operator.RowCount))}{(coarsest is null ? ", Jacobi on the last" : ", Cholesky on the last")})";

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> residual, Span<double> result)
    {
        if (levels.Count == 1 && coarsest is null)
        {
            // No coarse level (the mass dominates: no strong connections): plain Jacobi, z = D⁻¹ r.
            var inverse = levels[0].InverseDiagonal;
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = inverse[i] * residual[i];
            }

            return;
        }

        residual.CopyTo(rhs[0]);
        Cycle(0);
        solution[0].CopyTo(result);
    }

    private void Cycle(int level)
    {
        var current = levels[level];
        var x = solution[level];
        var b = rhs[level];
        if (level == levels.Count - 1 && coarsest is not null)
        {
            coarsest.Solve(b, x);
            return;
        }

        var r = residual[level];
        // First sweep from x = 0: x = ω D⁻¹ b.
        double w = current.SmootherWeight;
        var dinv = current.InverseDiagonal;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = w * dinv[i] * b[i];
        }

        for (int s = 1; s < SweepsPerSide; s++)
        {
            Sweep(current, x, b, r);
        }

        if (current.Prolongation is not null)
        {
            current.Operator.Multiply(x, r);
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = b[i] - r[i];
            }

            current.Restriction!.Multiply(r, rhs[level + 1]);
            Cycle(level + 1);
            current.Prolongation.Multiply(solution[level + 1], r);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] += r[i];
            }
        }

        // As many sweeps after the coarse correction as before it (the first from zero): Jacobi is
        // self-adjoint, so the cycle is a symmetric operator, as CG needs.
        for (int s = 0; s < SweepsPerSide; s++)
        {
            Sweep(current, x, b, r);
        }
    }

    /// <summary>x ← x + ω D⁻¹ (b − A x), with <paramref name="work"/> holding A x.</summary>
    private static void Sweep(MultigridLevel level, double[] x, double[] b, double[] work)
    {
        level.Operator.Multiply(x, work);
        double w = level.SmootherWeight;
        var dinv = level.InverseDiagonal;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += w * dinv[i] * (b[i] - work[i]);
        }
    }
}
