namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>Stopping rule of the conjugate gradient method: stop when ‖b − A x‖₂ ≤ RelativeTolerance · ‖b‖₂.</summary>
/// <param name="RelativeTolerance">Relative residual target.</param>
/// <param name="MaxIterations">Iteration cap.</param>
public readonly record struct ConjugateGradientOptions(double RelativeTolerance = 1e-10, int MaxIterations = 10_000)
{
    /// <summary>
    /// The default rule (1e-10 relative, 10,000 iterations). Without this constructor
    /// <c>new ConjugateGradientOptions()</c> would be the all-zero struct (tolerance 0, no iterations),
    /// not the primary constructor with its defaults.
    /// </summary>
    public ConjugateGradientOptions()
        : this(1e-10, 10_000)
    {
    }
}

/// <summary>Outcome of a conjugate gradient solve.</summary>
/// <param name="Iterations">Iterations performed.</param>
/// <param name="RelativeResidual">Final ‖b − A x‖₂ / ‖b‖₂ (recomputed from the true residual).</param>
/// <param name="Converged">Whether the tolerance was met within the iteration cap.</param>
public sealed record ConjugateGradientResult(int Iterations, double RelativeResidual, bool Converged);

/// <summary>Preconditioned conjugate gradients for symmetric positive definite systems.</summary>
public static class ConjugateGradient
{
    /// <summary>
    /// Solves A x = b starting from the given x (pass zeros for a cold start).
    /// </summary>
    /// <param name="matrix">Symmetric positive definite A.</param>
    /// <param name="rhs">Right-hand side b.</param>
    /// <param name="solution">Initial guess on entry, solution on exit.</param>
    /// <param name="preconditioner">M⁻¹, or null for none.</param>
    /// <param name="options">Stopping rule.</param>
    public static ConjugateGradientResult Solve(CsrMatrix matrix, ReadOnlySpan<double> rhs, Span<double> solution, IPreconditioner? preconditioner, ConjugateGradientOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.RowCount;
        if (rhs.Length != n || solution.Length != n)
        {
            throw new ArgumentException($"PCG: need vectors of length {n}");
        }

        var r = new double[n];
        var z = new double[n];
        var p = new double[n];
        var q = new double[n];
        double bnorm = Norm(rhs);
        if (bnorm == 0)
        {
            solution.Clear();
            return new ConjugateGradientResult(0, 0, true);
        }

        matrix.Multiply(solution, r);
        for (int i = 0; i < n; i++)
        {
            r[i] = rhs[i] - r[i];
        }

        double target = options.RelativeTolerance * bnorm;
        Precondition(preconditioner, r, z);
        z.CopyTo(p, 0);
        double rz = Dot(r, z);
        int iteration = 0;
        double rnorm = Norm(r);
        while (rnorm > target && iteration < options.MaxIterations)
        {
            matrix.Multiply(p, q);
            double alpha = rz / Dot(p, q);
            for (int i = 0; i < n; i++)
            {
                solution[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }

            iteration++;
            rnorm = Norm(r);
            if (rnorm <= target)
            {
                break;
            }

            Precondition(preconditioner, r, z);
            double rzNew = Dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++)
            {
                p[i] = z[i] + (beta * p[i]);
            }
        }

        // Report the true residual, not the recursively updated one.
        matrix.Multiply(solution, q);
        for (int i = 0; i < n; i++)
        {
            q[i] = rhs[i] - q[i];
        }

        double relative = Norm(q) / bnorm;
        return new ConjugateGradientResult(iteration, relative, rnorm <= target);
    }

    private static void Precondition(IPreconditioner? preconditioner, double[] r, double[] z)
    {
        if (preconditioner is null)
        {
            r.CopyTo(z, 0);
        }
        else
        {
            preconditioner.Apply(r, z);
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
