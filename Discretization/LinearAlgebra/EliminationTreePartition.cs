namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// A cut of the elimination tree of a sparse Cholesky factor for <see cref="ParallelCholeskySolve"/>:
/// disjoint subtrees ("tasks", each at most 1/<see cref="TaskDivisor"/> of nnz(L), the heaviest
/// first) and the "top", the nodes above them. Since column j of L holds rows that are ancestors of
/// j, a task's columns have rows in the task (listed first, the rows being ascending) and rows in the
/// top (the "border", also stored by top rows). It depends on the factor's structure alone.
/// </summary>
/// <param name="TaskStart">Task t holds TaskColumns[TaskStart[t] … TaskStart[t+1]).</param>
/// <param name="TaskColumns">The tasks' columns, ascending within each task.</param>
/// <param name="Split">For a task column j, the end of its entries in the task (the border follows).</param>
/// <param name="TopColumns">The top's columns (and rows), ascending.</param>
/// <param name="BorderStart">Top row k (TopColumns[k]) holds border entries BorderStart[k] … BorderStart[k+1]).</param>
/// <param name="BorderColumn">Column of each border entry (ascending within a row).</param>
/// <param name="BorderSlot">Position of each border entry in L's values.</param>
internal sealed record EliminationTreePartition(int[] TaskStart, int[] TaskColumns, int[] Split, int[] TopColumns, int[] BorderStart, int[] BorderColumn, int[] BorderSlot)
{
    /// <summary>A task holds at most 1/TaskDivisor of nnz(L): enough tasks to balance two threads.</summary>
    public const int TaskDivisor = 4;

    /// <summary>The partition of a factor with the given structure, or null when the tree offers no parallelism (a chain, or a top heavier than half the factor).</summary>
    /// <param name="symbolic">The symbolic analysis (elimination tree, column counts, column pointers).</param>
    /// <param name="rowIndices">Row indices of L by columns, the diagonal first, then ascending (as <see cref="SparseCholesky"/> stores them).</param>
    public static EliminationTreePartition? TryCreate(SymbolicCholesky symbolic, int[] rowIndices)
    {
        long total = symbolic.FactorNonzeroCount;

        int n = symbolic.Size;
        int[] parent = symbolic.Parent, counts = symbolic.ColumnCounts, lp = symbolic.FactorColumnPointers;
        // Subtree weights (parent[j] > j, so one ascending pass adds every subtree into its parent).
        var weight = new long[n];
        var childCount = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            weight[j] += counts[j];
            if (parent[j] >= 0)
            {
                weight[parent[j]] += weight[j];
                childCount[parent[j]]++;
            }
        }

        var childStart = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            childStart[j + 1] = childStart[j] + childCount[j];
        }

        var children = new int[childStart[n]];
        var fill = (int[])childStart.Clone();
        var roots = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (parent[j] >= 0)
            {
                children[fill[parent[j]]++] = j;
            }
            else
            {
                roots.Add(j);
            }
        }

        // Cut the heaviest subtree (its root goes to the top, its children become tasks) until every task is small enough.
        var tasks = new List<int>(roots);
        var isTop = new bool[n];
        long topWeight = 0;
        while (tasks.Count > 0)
        {
            int heaviest = 0;
            for (int t = 1; t < tasks.Count; t++)
            {
                if (weight[tasks[t]] > weight[tasks[heaviest]] || (weight[tasks[t]] == weight[tasks[heaviest]] && tasks[t] < tasks[heaviest]))
                {
                    heaviest = t;
                }
            }

            int root = tasks[heaviest];
            if (weight[root] * TaskDivisor <= total)
            {
                break;
            }

            tasks.RemoveAt(heaviest);
            isTop[root] = true;
            topWeight += counts[root];
            for (int c = childStart[root]; c < childStart[root + 1]; c++)
            {
                tasks.Add(children[c]);
            }
        }

        if (topWeight * 2 > total || tasks.Count < 2)
        {
            return null;
        }

        // Heaviest tasks first (the threads take tasks in this order); ties by root index.
        tasks.Sort((p, q) => weight[q] != weight[p] ? weight[q].CompareTo(weight[p]) : p.CompareTo(q));
        var taskOf = new int[n];
        Array.Fill(taskOf, -1);
        for (int t = 0; t < tasks.Count; t++)
        {
            taskOf[tasks[t]] = t;
        }

        for (int j = n - 1; j >= 0; j--)
        {
            if (taskOf[j] < 0 && !isTop[j] && parent[j] >= 0)
            {
                taskOf[j] = taskOf[parent[j]];
            }
        }

        var taskStart = new int[tasks.Count + 1];
        var topList = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (taskOf[j] >= 0)
            {
                taskStart[taskOf[j] + 1]++;
            }
            else
            {
                topList.Add(j);
            }
        }

        for (int t = 0; t < tasks.Count; t++)
        {
            taskStart[t + 1] += taskStart[t];
        }

        var taskColumns = new int[taskStart[tasks.Count]];
        var next = (int[])taskStart.Clone();
        var split = new int[n];
        var topPosition = new int[n];
        Array.Fill(topPosition, -1);
        for (int k = 0; k < topList.Count; k++)
        {
            topPosition[topList[k]] = k;
        }

        var borderCount = new int[topList.Count + 1];
        for (int j = 0; j < n; j++)
        {
            int t = taskOf[j];
            if (t < 0)
            {
                continue;
            }

            taskColumns[next[t]++] = j;
            // Rows of column j are ascending; the task's own rows (≤ its root) come before the top's.
            int root = tasks[t], p = lp[j] + 1;
            while (p < lp[j + 1] && rowIndices[p] <= root)
            {
                p++;
            }

            split[j] = p;
            for (; p < lp[j + 1]; p++)
            {
                borderCount[topPosition[rowIndices[p]] + 1]++;
            }
        }

        var borderStart = new int[topList.Count + 1];
        for (int k = 0; k < topList.Count; k++)
        {
            borderStart[k + 1] = borderStart[k] + borderCount[k + 1];
        }

        var borderColumn = new int[borderStart[topList.Count]];
        var borderSlot = new int[borderColumn.Length];
        var position = (int[])borderStart.Clone();
        for (int j = 0; j < n; j++)
        {
            if (taskOf[j] < 0)
            {
                continue;
            }

            for (int p = split[j]; p < lp[j + 1]; p++)
            {
                int q = position[topPosition[rowIndices[p]]]++;
                borderColumn[q] = j;
                borderSlot[q] = p;
            }
        }

        return new EliminationTreePartition(taskStart, taskColumns, split, topList.ToArray(), borderStart, borderColumn, borderSlot);
    }
}
