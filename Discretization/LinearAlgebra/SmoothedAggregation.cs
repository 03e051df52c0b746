namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>One level of a multigrid hierarchy: the operator, its inverse diagonal, and the prolongation to it from the next coarser level.</summary>
/// <param name="Operator">A_l.</param>
/// <param name="InverseDiagonal">1 / diag(A_l).</param>
/// <param name="SmootherWeight">ω of the damped Jacobi smoother, 4 / (3 ρ̂), ρ̂ an estimate of ρ(D⁻¹A).</param>
/// <param name="Prolongation">P_l (n_l × n_{l+1}), null on the coarsest level.</param>
/// <param name="Restriction">P_lᵀ, null on the coarsest level.</param>
public sealed record MultigridLevel(CsrMatrix Operator, double[] InverseDiagonal, double SmootherWeight, CsrMatrix? Prolongation, CsrMatrix? Restriction);

/// <summary>
/// Smoothed-aggregation algebraic multigrid setup (Vaněk, Mandel, Brezina 1996) for symmetric
/// positive definite M-matrix-like systems such as the shifted transport systems M_π + cA:
/// strong connections |a_ij| ≥ θ √(a_ii a_jj); greedy aggregation of strongly connected nodes;
/// the piecewise-constant tentative prolongator smoothed by one damped Jacobi step; Galerkin coarse
/// operators Pᵀ A P; a sparse Cholesky on the coarsest level. Nodes without strong connections
/// (all of them when the mass dominates, cA ≪ M) stay on their level: there the damped Jacobi
/// smoother alone is already a good preconditioner, and the hierarchy stops.
/// </summary>
public static class SmoothedAggregation
{
    /// <summary>Strength threshold θ on the finest level (the usual value for 2D/3D diffusion problems).</summary>
    public const double StrengthThreshold = 0.08;

    /// <summary>Coarsening stops at this many unknowns (solved directly) ...</summary>
    public const int CoarsestSize = 400;

    /// <summary>... or when a level keeps more than this fraction of the unknowns of the one above.</summary>
    public const double MinimumCoarsening = 0.7;

    /// <summary>Builds the hierarchy for <paramref name="matrix"/> (levels, finest first) and the coarsest solver, if any.</summary>
    public static (List<MultigridLevel> Levels, SparseCholesky? CoarsestSolver) Build(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var levels = new List<MultigridLevel>();
        var a = matrix;
        while (true)
        {
            var inverseDiagonal = InverseDiagonal(a);
            double weight = 4.0 / (3.0 * SpectralRadiusEstimate(a, inverseDiagonal));
            if (a.RowCount <= CoarsestSize)
            {
                levels.Add(new MultigridLevel(a, inverseDiagonal, weight, null, null));
                return (levels, SparseCholesky.Factor(a));
            }

            // θ halves on every coarser level: Galerkin operators have wider, flatter stencils, and the
            // fine-level θ would merge too much there (coarsening by 15 and more, weak coarse spaces).
            var (aggregate, count) = Aggregate(a, StrengthThreshold * Math.Pow(0.5, levels.Count));
            if (count == 0 || count > MinimumCoarsening * a.RowCount)
            {
                levels.Add(new MultigridLevel(a, inverseDiagonal, weight, null, null));
                return (levels, null);
            }

            var prolongation = SmoothedProlongation(a, inverseDiagonal, weight, aggregate, count);
            var restriction = SparseProducts.Transpose(prolongation);
            levels.Add(new MultigridLevel(a, inverseDiagonal, weight, prolongation, restriction));
            a = SparseProducts.Multiply(restriction, SparseProducts.Multiply(a, prolongation));
        }
    }

    /// <summary>1 / a_ii; throws for a non-positive diagonal.</summary>
    internal static double[] InverseDiagonal(CsrMatrix a)
    {
        var d = a.Diagonal();
        for (int i = 0; i < d.Length; i++)
        {
            if (!(d[i] > 0))
            {
                throw new NotPositiveDefiniteException(i, d[i], "smoothed aggregation multigrid (diagonal)");
            }

            d[i] = 1 / d[i];
        }

        return d;
    }

    /// <summary>
    /// ρ(D⁻¹A) by 15 power iterations from a fixed vector, raised by 5% (power iteration approaches
    /// ρ from below) and capped by the Gershgorin bound. The Gershgorin bound alone overestimates ρ on
    /// the coarse Galerkin operators, which are far from diagonally dominant, and damps their smoothing.
    /// </summary>
    private static double SpectralRadiusEstimate(CsrMatrix a, double[] inverseDiagonal)
    {
        int n = a.RowCount;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 1 + ((i * 7919) % 17 / 17.0); // fixed, not constant (the constant is nearly in the kernel of A)
        }

        double rho = 0;
        for (int k = 0; k < 15; k++)
        {
            a.Multiply(x, y);
            double norm = 0, dot = 0;
            for (int i = 0; i < n; i++)
            {
                y[i] *= inverseDiagonal[i];
                norm += y[i] * y[i];
                dot += x[i] * y[i];
            }

            norm = Math.Sqrt(norm);
            double xnorm = 0;
            for (int i = 0; i < n; i++)
            {
                xnorm += x[i] * x[i];
            }

            rho = Math.Max(rho, dot / xnorm);
            for (int i = 0; i < n; i++)
            {
                x[i] = y[i] / norm;
            }
        }

        return Math.Min(1.05 * rho, GershgorinBound(a, inverseDiagonal));
    }

    /// <summary>max_i Σ_j |a_ij| / a_ii ≥ ρ(D⁻¹A).</summary>
    private static double GershgorinBound(CsrMatrix a, double[] inverseDiagonal)
    {
        var rp = a.Pattern.RowPointers;
        ReadOnlySpan<double> values = a.Values;
        double bound = 0;
        for (int i = 0; i < a.RowCount; i++)
        {
            double sum = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                sum += Math.Abs(values[p]);
            }

            bound = Math.Max(bound, sum * inverseDiagonal[i]);
        }

        return bound;
    }

    /// <summary>Aggregate index of every node (−1: no strong connection, not aggregated) and the number of aggregates.</summary>
    internal static (int[] Aggregate, int Count) Aggregate(CsrMatrix a, double threshold)
    {
        int n = a.RowCount;
        var rp = a.Pattern.RowPointers;
        var ci = a.Pattern.ColumnIndices;
        ReadOnlySpan<double> values = a.Values;
        var diagonal = a.Diagonal();
        // Strong neighbours, as a CSR structure.
        var strongPointers = new int[n + 1];
        var strong = new List<int>(ci.Length);
        for (int i = 0; i < n; i++)
        {
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int j = ci[p];
                if (j != i && Math.Abs(values[p]) >= threshold * Math.Sqrt(diagonal[i] * diagonal[j]))
                {
                    strong.Add(j);
                }
            }

            strongPointers[i + 1] = strong.Count;
        }

        var aggregate = new int[n];
        Array.Fill(aggregate, -1);
        int count = 0;
        // Phase 1: a node whose strong neighbours are all free starts an aggregate with them.
        for (int i = 0; i < n; i++)
        {
            if (aggregate[i] >= 0 || strongPointers[i] == strongPointers[i + 1])
            {
                continue;
            }

            bool free = true;
            for (int p = strongPointers[i]; p < strongPointers[i + 1] && free; p++)
            {
                free = aggregate[strong[p]] < 0;
            }

            if (!free)
            {
                continue;
            }

            aggregate[i] = count;
            for (int p = strongPointers[i]; p < strongPointers[i + 1]; p++)
            {
                aggregate[strong[p]] = count;
            }

            count++;
        }

        // Phase 2: a free node with a strong neighbour in an aggregate joins it (aggregates from phase 1 only).
        var joined = (int[])aggregate.Clone();
        for (int i = 0; i < n; i++)
        {
            if (aggregate[i] >= 0)
            {
                continue;
            }

            for (int p = strongPointers[i]; p < strongPointers[i + 1]; p++)
            {
                if (aggregate[strong[p]] >= 0)
                {
                    joined[i] = aggregate[strong[p]];
                    break;
                }
            }
        }

        // Phase 3: the remaining strongly connected free nodes form aggregates with their free strong neighbours.
        for (int i = 0; i < n; i++)
        {
            if (joined[i] >= 0 || strongPointers[i] == strongPointers[i + 1])
            {
                continue;
            }

            joined[i] = count;
            for (int p = strongPointers[i]; p < strongPointers[i + 1]; p++)
            {
                if (joined[strong[p]] < 0)
                {
                    joined[strong[p]] = count;
                }
            }

            count++;
        }

        return (joined, count);
    }

    /// <summary>P = (I − ω D⁻¹ A) T with T the 0/1 aggregate indicator (n × count).</summary>
    private static CsrMatrix SmoothedProlongation(CsrMatrix a, double[] inverseDiagonal, double weight, int[] aggregate, int count)
    {
        int n = a.RowCount;
        var rp = a.Pattern.RowPointers;
        var ci = a.Pattern.ColumnIndices;
        ReadOnlySpan<double> values = a.Values;
        var marker = new int[count];
        Array.Fill(marker, -1);
        var accumulator = new double[count];
        var pointers = new int[n + 1];
        var indices = new List<int>(n * 4);
        var entries = new List<double>(n * 4);
        var row = new List<int>();
        for (int i = 0; i < n; i++)
        {
            row.Clear();
            void Add(int column, double value)
            {
                if (marker[column] != i)
                {
                    marker[column] = i;
                    accumulator[column] = 0;
                    row.Add(column);
                }

                accumulator[column] += value;
            }

            if (aggregate[i] >= 0)
            {
                Add(aggregate[i], 1);
            }

            double scale = -weight * inverseDiagonal[i];
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int k = aggregate[ci[p]];
                if (k >= 0)
                {
                    Add(k, scale * values[p]);
                }
            }

            row.Sort();
            foreach (int k in row)
            {
                indices.Add(k);
                entries.Add(accumulator[k]);
            }

            pointers[i + 1] = indices.Count;
        }

        return new CsrMatrix(new SparsityPattern(n, count, pointers, indices.ToArray()), entries.ToArray());
    }
}
