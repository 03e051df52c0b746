namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>Sign-pattern report of a symmetric matrix with respect to the M-matrix property.</summary>
/// <param name="PositiveOffDiagonalCount">Stored off-diagonal entries a_ij &gt; tolerance · √(a_ii a_jj) (each pair counted twice in full storage).</param>
/// <param name="MaxRelativePositiveOffDiagonal">max a_ij / √(a_ii a_jj) over positive off-diagonal entries (0 if none).</param>
/// <param name="NonPositiveDiagonalCount">Diagonal entries ≤ 0.</param>
public sealed record MMatrixReport(int PositiveOffDiagonalCount, double MaxRelativePositiveOffDiagonal, int NonPositiveDiagonalCount)
{
    /// <summary>Whether the sign pattern is that of an M-matrix (positive diagonal, nonpositive off-diagonal).</summary>
    public bool HasMMatrixSignPattern => PositiveOffDiagonalCount == 0 && NonPositiveDiagonalCount == 0;
}

/// <summary>Checks the sign pattern of an assembled stiffness matrix (math.md §5: an M-matrix keeps g positive).</summary>
public static class MMatrixCheck
{
    /// <summary>Counts positive off-diagonal entries relative to the diagonal.</summary>
    /// <param name="matrix">A square matrix.</param>
    /// <param name="relativeTolerance">Entries below this relative size count as zero (round-off: exactly-zero couplings of right angles come out as ±1e-17).</param>
    public static MMatrixReport Check(CsrMatrix matrix, double relativeTolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var diagonal = matrix.Diagonal();
        var rp = matrix.Pattern.RowPointers;
        var ci = matrix.Pattern.ColumnIndices;
        var values = matrix.Values;
        int positive = 0, nonPositiveDiagonal = 0;
        double max = 0;
        for (int i = 0; i < matrix.RowCount; i++)
        {
            if (!(diagonal[i] > 0))
            {
                nonPositiveDiagonal++;
            }

            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int j = ci[p];
                if (j == i)
                {
                    continue;
                }

                double scale = Math.Sqrt(Math.Abs(diagonal[i] * diagonal[j]));
                double relative = scale > 0 ? values[p] / scale : double.PositiveInfinity * Math.Sign(values[p]);
                if (relative > relativeTolerance)
                {
                    positive++;
                    max = Math.Max(max, relative);
                }
            }
        }

        return new MMatrixReport(positive, max, nonPositiveDiagonal);
    }
}
