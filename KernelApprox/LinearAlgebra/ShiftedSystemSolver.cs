namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>Solves (S + λI) x = b for a matrix-free symmetric positive semidefinite S, densely or by low rank, and reports the outcome.</summary>
public static class ShiftedSystemSolver
{
    /// <summary>Factorizes S + λI (or its low-rank approximation) according to <paramref name="options"/>.</summary>
    /// <param name="matrix">S.</param>
    /// <param name="shift">λ, finite and &gt; 0.</param>
    /// <param name="options">Method and tolerances; defaults if null.</param>
    public static IShiftedSymmetricSolver Factorize(ISymmetricMatrixOperator matrix, double shift, ShiftedSolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= ShiftedSolveOptions.Default;
        if (!(shift > 0.0) || !double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The regularization λ must be finite and > 0.");
        }

        ShiftedSolveMethod method = options.Method == ShiftedSolveMethod.Automatic
            ? (matrix.Size <= options.DenseThreshold ? ShiftedSolveMethod.Dense : ShiftedSolveMethod.LowRank)
            : options.Method;
        if (method == ShiftedSolveMethod.Dense)
        {
            return new DenseShiftedSolver(matrix, shift, options.MaxDegreeOfParallelism);
        }

        if (!(options.LowRankRelativeAccuracy >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LowRankRelativeAccuracy, "LowRankRelativeAccuracy must be ≥ 0.");
        }

        var factor = PivotedCholeskyFactor.Compute(matrix, options.LowRankRelativeAccuracy * shift, options.MaximumRank, options.MaxDegreeOfParallelism);
        return new LowRankShiftedSolver(factor, shift, options.MaxDegreeOfParallelism);
    }

    /// <summary>Solves (S + λI) x = b, refines if asked, and measures the relative residual with the true S.</summary>
    /// <param name="matrix">S.</param>
    /// <param name="shift">λ, finite and &gt; 0.</param>
    /// <param name="rightHandSide">b, length n.</param>
    /// <param name="solution">x, length n.</param>
    /// <param name="options">Method and tolerances; defaults if null.</param>
    /// <returns>The report (method, rank, iterations, relative residual).</returns>
    public static ShiftedSolveReport Solve(ISymmetricMatrixOperator matrix, double shift, ReadOnlySpan<double> rightHandSide, Span<double> solution, ShiftedSolveOptions? options = null)
    {
        options ??= ShiftedSolveOptions.Default;
        IShiftedSymmetricSolver solver = Factorize(matrix, shift, options);
        return SolveWith(solver, matrix, rightHandSide, solution, options);
    }

    /// <summary>Solves with an existing factorization (reusable across right-hand sides), refines if asked, and measures the residual.</summary>
    /// <param name="solver">The factorization of S + λI (or of its approximation).</param>
    /// <param name="matrix">The true S, used for the residual and refinement.</param>
    /// <param name="rightHandSide">b, length n.</param>
    /// <param name="solution">x, length n.</param>
    /// <param name="options">Refinement and residual settings; defaults if null.</param>
    public static ShiftedSolveReport SolveWith(IShiftedSymmetricSolver solver, ISymmetricMatrixOperator matrix, ReadOnlySpan<double> rightHandSide, Span<double> solution, ShiftedSolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= ShiftedSolveOptions.Default;
        int n = matrix.Size;
        if (solver.Size != n || rightHandSide.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"Solver, matrix and vectors must all have size {n}.");
        }

        solver.Solve(rightHandSide, solution);
        double relativeResidual = double.NaN;
        int iterations = 0;
        if (n <= options.ResidualCheckMaximumSize)
        {
            double[] b = rightHandSide.ToArray();
            double normB = VectorArithmetic.Norm(b);
            var residual = new double[n];
            relativeResidual = Residual(matrix, solver.Shift, b, solution, residual, normB);
            var correction = new double[n];
            while (iterations < options.MaximumRefinementIterations && relativeResidual > options.RefinementTarget)
            {
                solver.Solve(residual, correction);
                for (int i = 0; i < n; i++)
                {
                    solution[i] += correction[i];
                }

                iterations++;
                relativeResidual = Residual(matrix, solver.Shift, b, solution, residual, normB);
            }
        }

        return solver is LowRankShiftedSolver lowRank
            ? new ShiftedSolveReport(ShiftedSolveMethod.LowRank, n, solver.Shift, lowRank.Rank, iterations, relativeResidual, lowRank.Factor.ResidualTrace, options.LowRankRelativeAccuracy * solver.Shift, lowRank.Factor.ReachedRoundingFloor)
            : new ShiftedSolveReport(ShiftedSolveMethod.Dense, n, solver.Shift, solver.Rank, iterations, relativeResidual, 0.0, 0.0, false);
    }

    /// <summary>residual = b − (S + λI) x; returns ‖residual‖/‖b‖ (0 if b = 0 and x = 0).</summary>
    private static double Residual(ISymmetricMatrixOperator matrix, double shift, double[] b, ReadOnlySpan<double> x, double[] residual, double normB)
    {
        double[] xs = x.ToArray();
        var product = new double[b.Length];
        matrix.Multiply(xs, product);
        for (int i = 0; i < b.Length; i++)
        {
            residual[i] = b[i] - product[i] - (shift * xs[i]);
        }

        double normResidual = VectorArithmetic.Norm(residual);
        return normB == 0.0 ? (normResidual == 0.0 ? 0.0 : double.PositiveInfinity) : normResidual / normB;
    }
}
