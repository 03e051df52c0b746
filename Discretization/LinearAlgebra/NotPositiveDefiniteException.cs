namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Thrown by a Cholesky factorization when a pivot is not positive: the matrix is not (numerically)
/// symmetric positive definite. <see cref="Column"/> names the column in the caller's numbering.
/// </summary>
public sealed class NotPositiveDefiniteException : ArithmeticException
{
    /// <summary>Creates the exception for a failed pivot.</summary>
    /// <param name="column">The column (original numbering) whose pivot failed.</param>
    /// <param name="pivot">The pivot value found (≤ 0 or not finite); NaN when the backend does not report it.</param>
    /// <param name="backend">Which factorization failed.</param>
    public NotPositiveDefiniteException(int column, double pivot, string backend)
        : base($"{backend}: the matrix is not positive definite: pivot {pivot:G6} at column {column}")
    {
        Column = column;
        Pivot = pivot;
    }

    /// <summary>The column (original numbering) whose pivot failed.</summary>
    public int Column { get; }

    /// <summary>The failed pivot value (NaN when unknown).</summary>
    public double Pivot { get; }
}
