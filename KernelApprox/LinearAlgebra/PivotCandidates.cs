namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// Columns of the likely next pivots of <see cref="PivotedCholeskyFactor"/>, updated in the same
/// pass over the factor as the current pivot's column: the pass reads the n×k factor once for
/// several columns, and a later pivot found among the candidates needs only the few columns added
/// since (the update of a column is memory-bound, so this divides the traffic).
/// </summary>
/// <remarks>
/// <para>Up to 16 candidates are kept across passes (a candidate of an older pass needs the columns
/// added since it was updated).</para>
/// <para>Exactness: a candidate's column is updated by the same fused multiply–adds in the same
/// order j = 0, 1, … as a column computed when its pivot is chosen (first those before the pass,
/// later the ones added since), so the factor is bitwise the same as without candidates; only the
/// number of passes changes. The pivots are still chosen greedily from the exact diagonal.</para>
/// <para>Choice of candidates (a guess, which only affects speed): starting from the current
/// diagonal d, repeatedly damp d by the squared correlation with the last chosen index,
/// dᵢ ← dᵢ(1 − Sᵢq²/(SᵢᵢS_qq)) — the conditional variance if the pivots were uncorrelated — and
/// take the largest remaining entry.</para>
/// </remarks>
internal sealed class PivotCandidates(ISymmetricMatrixOperator matrix, double[] initialDiagonal, int blockRows, int capacity)
{
    /// <summary>Columns per group of the pass (the group of one block stays in the first-level cache while every candidate uses it).</summary>
    private const int ColumnGroup = 8;

    /// <summary>Candidates kept at most (older ones are dropped first): a candidate of an older pass still needs only the columns added since its pass.</summary>
    private const int Kept = 16;

    private readonly List<(int Index, double[] Column, int Applied)> entries = [];
    private double[]? guess;

    /// <summary>Passes over the factor so far.</summary>
    public int Passes { get; private set; }

    /// <summary>The column of <paramref name="pivot"/> if it is a candidate, updated with the first <paramref name="appliedColumns"/> factor columns.</summary>
    public bool TryTake(int pivot, out double[] column, out int appliedColumns)
    {
        for (int e = 0; e < entries.Count; e++)
        {
            if (entries[e].Index == pivot)
            {
                column = entries[e].Column;
                appliedColumns = entries[e].Applied;
                entries.RemoveAt(e);
                return true;
            }
        }

        column = [];
        appliedColumns = 0;
        return false;
    }

    /// <summary>
    /// Chooses new candidates (not already kept), and updates the pivot's and their columns with
    /// all <paramref name="rank"/> factor columns in one parallel pass; returns the pivot's column.
    /// </summary>
    public double[] Compute(int pivot, double[][] built, int rank, double[] diagonal, double floor, ParallelOptions parallel)
    {
        int n = diagonal.Length;
        var chosen = new List<(int Index, double[] Column)>();
        var first = new double[n];
        matrix.Column(pivot, first);
        chosen.Add((pivot, first));
        if (rank > 0)
        {
            guess ??= new double[n];
            diagonal.CopyTo(guess, 0);
            guess[pivot] = 0.0;
            foreach (var entry in entries)
            {
                guess[entry.Index] = 0.0; // already a candidate
            }

            (int Index, double[] Column) last = chosen[0];
            while (chosen.Count < capacity)
            {
                double lastDiagonal = initialDiagonal[last.Index];
                int best = -1;
                for (int i = 0; i < n; i++)
                {
                    double product = initialDiagonal[i] * lastDiagonal;
                    if (product > 0.0)
                    {
                        guess[i] *= Math.Max(0.0, 1.0 - (last.Column[i] * last.Column[i] / product));
                    }

                    if (guess[i] > floor && (best < 0 || guess[i] > guess[best]))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                var column = new double[n];
                matrix.Column(best, column);
                guess[best] = 0.0;
                last = (best, column);
                chosen.Add(last);
            }
        }

        Update(chosen, built, rank, n, parallel);
        for (int c = 1; c < chosen.Count; c++)
        {
            entries.Add((chosen[c].Index, chosen[c].Column, rank));
        }

        if (entries.Count > Kept)
        {
            entries.RemoveRange(0, entries.Count - Kept);
        }

        Passes++;
        return first;
    }

    /// <summary>Every chosen column −= Σ_{j&lt;rank} L[index, j]·lⱼ, by blocks of rows (in parallel) and groups of factor columns.</summary>
    private void Update(List<(int Index, double[] Column)> chosen, double[][] built, int rank, int n, ParallelOptions parallel)
    {
        if (rank == 0)
        {
            return;
        }

        var coefficients = new double[chosen.Count][];
        for (int c = 0; c < chosen.Count; c++)
        {
            coefficients[c] = new double[rank];
            for (int j = 0; j < rank; j++)
            {
                coefficients[c][j] = built[j][chosen[c].Index];
            }
        }

        double[][] targets = chosen.Select(entry => entry.Column).ToArray();
        int blocks = (n + blockRows - 1) / blockRows;
        Parallel.For(0, blocks, parallel, block =>
        {
            int start = block * blockRows, end = Math.Min(start + blockRows, n);
            int c = 0;
            for (; c + 3 < chosen.Count; c += 4)
            {
                PivotedCholeskyBlock.SubtractCombinationFour(targets[c..(c + 4)], start, end - start, built, 0, rank, coefficients[c..(c + 4)]);
            }

            for (; c < chosen.Count; c++)
            {
                for (int group = 0; group < rank; group += ColumnGroup)
                {
                    PivotedCholeskyBlock.SubtractCombination(chosen[c].Column.AsSpan(start, end - start), built, group, Math.Min(group + ColumnGroup, rank), coefficients[c], start);
                }
            }
        });
    }
}
