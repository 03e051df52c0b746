namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// The nonzero structure of a sparse matrix in compressed sparse row (CSR) form: for each row the
/// column indices, sorted ascending and distinct. Built once (per mesh), then shared by every matrix
/// assembled into it; immutable.
/// </summary>
public sealed class SparsityPattern
{
    private readonly int[] rowPointers;
    private readonly int[] columnIndices;

    /// <summary>Creates a pattern, taking ownership of the arrays.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="columnCount">Number of columns.</param>
    /// <param name="rowPointers">Row start offsets, length rowCount + 1, nondecreasing, starting at 0.</param>
    /// <param name="columnIndices">Column indices, each row's strictly increasing and in range.</param>
    /// <exception cref="ArgumentException">The arrays do not describe a valid sorted CSR pattern.</exception>
    public SparsityPattern(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        if (rowPointers.Length != rowCount + 1 || rowPointers[0] != 0 || rowPointers[rowCount] != columnIndices.Length)
        {
            throw new ArgumentException($"row pointers must have length {rowCount + 1}, start at 0 and end at {columnIndices.Length}");
        }

        for (int i = 0; i < rowCount; i++)
        {
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++)
            {
                int j = columnIndices[p];
                if ((uint)j >= (uint)columnCount || (p > rowPointers[i] && columnIndices[p - 1] >= j))
                {
                    throw new ArgumentException($"row {i}: column indices must be in [0, {columnCount}) and strictly increasing (entry {p}: {j})");
                }
            }
        }

        RowCount = rowCount;
        ColumnCount = columnCount;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonzeroCount => columnIndices.Length;

    /// <summary>Row start offsets (length RowCount + 1).</summary>
    public ReadOnlySpan<int> RowPointers => rowPointers;

    /// <summary>Column indices of all stored entries, row by row.</summary>
    public ReadOnlySpan<int> ColumnIndices => columnIndices;

    internal int[] RowPointerArray => rowPointers;

    internal int[] ColumnIndexArray => columnIndices;

    /// <summary>The storage offset of entry (row, column), or −1 when it is not stored (binary search).</summary>
    public int Find(int row, int column)
    {
        int index = Array.BinarySearch(columnIndices, rowPointers[row], rowPointers[row + 1] - rowPointers[row], column);
        return index >= 0 ? index : -1;
    }

    /// <summary>Whether the pattern is structurally symmetric (square, and (i,j) stored iff (j,i) stored).</summary>
    public bool IsStructurallySymmetric()
    {
        if (RowCount != ColumnCount)
        {
            return false;
        }

        for (int i = 0; i < RowCount; i++)
        {
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++)
            {
                if (Find(columnIndices[p], i) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Builds the pattern of a square matrix from (row, column) pairs, removing duplicates and sorting.
    /// </summary>
    /// <param name="size">Matrix size n.</param>
    /// <param name="rows">Row index of each pair.</param>
    /// <param name="columns">Column index of each pair.</param>
    public static SparsityPattern FromPairs(int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns)
    {
        if (rows.Length != columns.Length)
        {
            throw new ArgumentException("rows and columns must have the same length");
        }

        var counts = new int[size + 1];
        foreach (int r in rows)
        {
            counts[r + 1]++;
        }

        for (int i = 0; i < size; i++)
        {
            counts[i + 1] += counts[i];
        }

        var next = counts[..size];
        var raw = new int[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            raw[next[rows[k]]++] = columns[k];
        }

        var pointers = new int[size + 1];
        var list = new List<int>(rows.Length);
        for (int i = 0; i < size; i++)
        {
            Array.Sort(raw, counts[i], counts[i + 1] - counts[i]);
            for (int p = counts[i]; p < counts[i + 1]; p++)
            {
                if (p == counts[i] || raw[p] != raw[p - 1])
                {
                    list.Add(raw[p]);
                }
            }

            pointers[i + 1] = list.Count;
        }

        return new SparsityPattern(size, size, pointers, list.ToArray());
    }
}
