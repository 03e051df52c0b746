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
public readonly record struct ConjugateGradientResult(int Iterations, double RelativeResidual, bool Converged);

/// <summary>Preconditioned conjugate gradients for symmetric positive definite systems.</summary>
public static class ConjugateGradient
{
    /// <summary>
    /// Solves A x = b starting from the given x (pass zeros for a cold start). Allocates its work
    /// vectors; a time loop keeps a <see cref="ConjugateGradientWorkspace"/> instead.
    /// </summary>
    /// <param name="matrix">Symmetric positive definite A.</param>
    /// <param name="rhs">Right-hand side b.</param>
    /// <param name="solution">Initial guess on entry, solution on exit.</param>
    /// <param name="preconditioner">M⁻¹, or null for none.</param>
    /// <param name="options">Stopping rule.</param>
    public static ConjugateGradientResult Solve(CsrMatrix matrix, ReadOnlySpan<double> rhs, Span<double> solution, IPreconditioner? preconditioner, ConjugateGradientOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ConjugateGradientWorkspace(matrix.RowCount).Solve(matrix, rhs, solution, preconditioner, options);
    }
}

/// <summary>
/// The work vectors of preconditioned CG, reused across solves (no allocation per solve). Vector
/// updates and inner products run over fixed blocks (<see cref="BlockParallel"/>), with partial sums
/// added in block order: the iterates do not depend on the thread count.
/// </summary>
public sealed class ConjugateGradientWorkspace
{
    private readonly double[] r, z, p, q;
    private readonly VectorJob job;

    /// <summary>Allocates the work vectors for systems of size <paramref name="size"/>.</summary>
    public ConjugateGradientWorkspace(int size)
    {
        r = new double[size];
        z = new double[size];
        p = new double[size];
        q = new double[size];
        job = new VectorJob(size);
    }

    /// <summary>The system size.</summary>
    public int Size => r.Length;

    /// <summary>Solves A x = b from the initial guess in <paramref name="solution"/>.</summary>
    public ConjugateGradientResult Solve(CsrMatrix matrix, ReadOnlySpan<double> rhs, Span<double> solution, IPreconditioner? preconditioner, ConjugateGradientOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.RowCount;
        if (rhs.Length != n || solution.Length != n || r.Length != n)
        {
            throw new ArgumentException($"PCG: need vectors of length {n} (workspace for {r.Length})");
        }

        unsafe
        {
            fixed (double* pb = rhs, px = solution)
            {
                job.Bind(pb, px, r, z, p, q);
                double bnorm = Math.Sqrt(job.Run(VectorOperation.NormOfRhs, 0));
                if (bnorm == 0)
                {
                    solution.Clear();
                    return new ConjugateGradientResult(0, 0, true);
                }

                matrix.Multiply(solution, q);
                double rr = job.Run(VectorOperation.Residual, 0);
                double target = options.RelativeTolerance * bnorm;
                double rz = Precondition(preconditioner, rr);
                job.Run(VectorOperation.FirstDirection, 0);
                int iteration = 0;
                double rnorm = Math.Sqrt(rr);
                while (rnorm > target && iteration < options.MaxIterations)
                {
                    double pq = matrix.MultiplyDot(p, q, dot: true);
                    double alpha = rz / pq;
                    rr = job.Run(VectorOperation.Update, alpha);
                    iteration++;
                    rnorm = Math.Sqrt(rr);
                    if (rnorm <= target)
                    {
                        break;
                    }

                    double rzNew = Precondition(preconditioner, rr);
                    double beta = rzNew / rz;
                    rz = rzNew;
                    job.Run(VectorOperation.Direction, beta);
                }

                // Report the true residual, not the recursively updated one.
                matrix.Multiply(solution, q);
                double relative = Math.Sqrt(job.Run(VectorOperation.TrueResidual, 0)) / bnorm;
                return new ConjugateGradientResult(iteration, relative, rnorm <= target);
            }
        }
    }

    /// <summary>z = M⁻¹ r; returns rᵀz (rᵀr without a preconditioner).</summary>
    private double Precondition(IPreconditioner? preconditioner, double rr)
    {
        if (preconditioner is null)
        {
            r.AsSpan().CopyTo(z);
            return rr;
        }

        preconditioner.Apply(r, z);
        return job.Run(VectorOperation.ResidualDotPreconditioned, 0);
    }

    private enum VectorOperation
    {
        NormOfRhs,
        Residual,
        FirstDirection,
        Update,
        ResidualDotPreconditioned,
        Direction,
        TrueResidual,
    }

    /// <summary>The fused vector passes of CG over fixed blocks; each returns the block-ordered sum of its partials.</summary>
    private sealed unsafe class VectorJob(int size) : BlockJob
    {
        private readonly double[] partials = new double[BlockParallel.BlockCount(size)];
        private double* b, x;
        private double[] r = [], z = [], p = [], q = [];
        private VectorOperation operation;
        private double scalar;

        public void Bind(double* rhs, double* solution, double[] residual, double[] preconditioned, double[] direction, double[] product)
        {
            b = rhs;
            x = solution;
            r = residual;
            z = preconditioned;
            p = direction;
            q = product;
        }

        public double Run(VectorOperation op, double value)
        {
            operation = op;
            scalar = value;
            int blocks = partials.Length;
            if (size < 4 * BlockParallel.BlockSize)
            {
                for (int k = 0; k < blocks; k++)
                {
                    Run(k);
                }
            }
            else
            {
                BlockParallel.Run(blocks, this);
            }

            double sum = 0;
            for (int k = 0; k < blocks; k++)
            {
                sum += partials[k];
            }

            return sum;
        }

        public override void Run(int block)
        {
            int start = block * BlockParallel.BlockSize, end = Math.Min(size, start + BlockParallel.BlockSize);
            double sum = 0, s = scalar;
            switch (operation)
            {
                case VectorOperation.NormOfRhs:
                    for (int i = start; i < end; i++)
                    {
                        sum += b[i] * b[i];
                    }

                    break;
                case VectorOperation.Residual:
                case VectorOperation.TrueResidual:
                    for (int i = start; i < end; i++)
                    {
                        double v = b[i] - q[i];
                        if (operation == VectorOperation.Residual)
                        {
                            r[i] = v;
                        }

                        sum += v * v;
                    }

                    break;
                case VectorOperation.FirstDirection:
                    Array.Copy(z, start, p, start, end - start);
                    break;
                case VectorOperation.Update:
                    for (int i = start; i < end; i++)
                    {
                        x[i] += s * p[i];
                        double v = r[i] - (s * q[i]);
                        r[i] = v;
                        sum += v * v;
                    }

                    break;
                case VectorOperation.ResidualDotPreconditioned:
                    for (int i = start; i < end; i++)
                    {
                        sum += r[i] * z[i];
                    }

                    break;
                case VectorOperation.Direction:
                    for (int i = start; i < end; i++)
                    {
                        p[i] = z[i] + (s * p[i]);
                    }

                    break;
            }

            partials[block] = sum;
        }
    }
}
