namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Approximate minimum degree ordering (Amestoy, Davis and Duff 1996) of a symmetric pattern:
/// a quotient-graph elimination with element absorption, mass elimination, supervariable
/// detection by hashing, aggressive absorption and dense-row postponement, followed by a
/// postorder of the assembly tree. The algorithm follows the compact formulation of
/// T. A. Davis, <i>Direct Methods for Sparse Linear Systems</i> (SIAM 2006), chapter 7.
/// </summary>
public static class ApproximateMinimumDegree
{
    /// <summary>
    /// Computes a fill-reducing permutation: element k of the result is the original index of the
    /// k-th pivot. Only the off-diagonal structure of the (structurally symmetric) pattern is used.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not square.</exception>
    public static int[] Order(SparsityPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.RowCount != pattern.ColumnCount)
        {
            throw new ArgumentException("AMD needs a square pattern");
        }

        int n = pattern.RowCount;
        if (n == 0)
        {
            return [];
        }

        // C: the pattern of A + Aᵀ without the diagonal, with elbow room.
        var (cp, cnz, ciInitial) = SymmetrizedWithoutDiagonal(pattern);
        long elbow = (long)cnz + (cnz / 5) + (2L * n);
        if (elbow > Array.MaxLength)
        {
            throw new ArgumentException($"pattern too large for AMD ({cnz} off-diagonal entries)");
        }

        var ci = new int[elbow];
        Array.Copy(ciInitial, ci, cnz);
        int nzmax = ci.Length;
        int dense = (int)Math.Max(16, 10 * Math.Sqrt(n));
        dense = Math.Min(n - 2, dense);

        var len = new int[n + 1];
        var nv = new int[n + 1];
        var next = new int[n + 1];
        var head = new int[n + 1];
        var elen = new int[n + 1];
        var degree = new int[n + 1];
        var w = new int[n + 1];
        var hhead = new int[n + 1];
        var last = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            len[k] = cp[k + 1] - cp[k];
        }

        len[n] = 0;
        for (int i = 0; i <= n; i++)
        {
            head[i] = -1;
            last[i] = -1;
            next[i] = -1;
            hhead[i] = -1;
            nv[i] = 1;
            w[i] = 1;
            elen[i] = 0;
            degree[i] = len[i];
        }

        int mark = ClearMarks(0, 0, w, n);
        elen[n] = -2;
        cp[n] = -1;
        w[n] = 0;
        int nel = 0;
        for (int i = 0; i < n; i++)
        {
            int d = degree[i];
            if (d == 0)
            {
                elen[i] = -2;
                nel++;
                cp[i] = -1;
                w[i] = 0;
            }
            else if (d > dense)
            {
                nv[i] = 0;
                elen[i] = -1;
                nel++;
                cp[i] = Flip(n);
                nv[n]++;
            }
            else
            {
                if (head[d] != -1)
                {
                    last[head[d]] = i;
                }

                next[i] = head[d];
                head[d] = i;
            }
        }

        int mindeg = 0, lemax = 0;
        while (nel < n)
        {
            // Select a node of minimum approximate degree.
            int k = -1;
            for (; mindeg < n && (k = head[mindeg]) == -1; mindeg++)
            {
            }

            if (next[k] != -1)
            {
                last[next[k]] = -1;
            }

            head[mindeg] = next[k];
            int elenk = elen[k];
            int nvk = nv[k];
            nel += nvk;

            // Garbage collection of the quotient graph storage.
            if (elenk > 0 && cnz + mindeg >= nzmax)
            {
                for (int j = 0; j < n; j++)
                {
                    int p = cp[j];
                    if (p >= 0)
                    {
                        cp[j] = ci[p];
                        ci[p] = Flip(j);
                    }
                }

                int q = 0;
                for (int p = 0; p < cnz;)
                {
                    int j = Flip(ci[p++]);
                    if (j >= 0)
                    {
                        ci[q] = cp[j];
                        cp[j] = q++;
                        for (int k3 = 0; k3 < len[j] - 1; k3++)
                        {
                            ci[q++] = ci[p++];
                        }
                    }
                }

                cnz = q;
            }

            // Construct the new element Lk.
            int dk = 0;
            nv[k] = -nvk;
            int pp = cp[k];
            int pk1 = elenk == 0 ? pp : cnz;
            int pk2 = pk1;
            for (int k1 = 1; k1 <= elenk + 1; k1++)
            {
                int e, pj, ln;
                if (k1 > elenk)
                {
                    e = k;
                    pj = pp;
                    ln = len[k] - elenk;
                }
                else
                {
                    e = ci[pp++];
                    pj = cp[e];
                    ln = len[e];
                }

                for (int k2 = 1; k2 <= ln; k2++)
                {
                    int i = ci[pj++];
                    int nvi = nv[i];
                    if (nvi <= 0)
                    {
                        continue;
                    }

                    dk += nvi;
                    nv[i] = -nvi;
                    ci[pk2++] = i;
                    if (next[i] != -1)
                    {
                        last[next[i]] = last[i];
                    }

                    if (last[i] != -1)
                    {
                        next[last[i]] = next[i];
                    }
                    else
                    {
                        head[degree[i]] = next[i];
                    }
                }

                if (e != k)
                {
                    cp[e] = Flip(k);
                    w[e] = 0;
                }
            }

            if (elenk != 0)
            {
                cnz = pk2;
            }

            degree[k] = dk;
            cp[k] = pk1;
            len[k] = pk2 - pk1;
            elen[k] = -2;

            // Scan 1: |Le \ Lk| for every element e adjacent to Lk.
            mark = ClearMarks(mark, lemax, w, n);
            for (int pk = pk1; pk < pk2; pk++)
            {
                int i = ci[pk];
                int eln = elen[i];
                if (eln <= 0)
                {
                    continue;
                }

                int nvi = -nv[i];
                int wnvi = mark - nvi;
                for (int p = cp[i]; p <= cp[i] + eln - 1; p++)
                {
                    int e = ci[p];
                    if (w[e] >= mark)
                    {
                        w[e] -= nvi;
                    }
                    else if (w[e] != 0)
                    {
                        w[e] = degree[e] + wnvi;
                    }
                }
            }

            // Scan 2: approximate degree update, pruning, mass elimination, hashing.
            for (int pk = pk1; pk < pk2; pk++)
            {
                int i = ci[pk];
                int p1 = cp[i];
                int p2 = p1 + elen[i] - 1;
                int pn = p1;
                long h = 0;
                int d = 0;
                for (int p = p1; p <= p2; p++)
                {
                    int e = ci[p];
                    if (w[e] != 0)
                    {
                        int dext = w[e] - mark;
                        if (dext > 0)
                        {
                            d += dext;
                            ci[pn++] = e;
                            h += e;
                        }
                        else
                        {
                            cp[e] = Flip(k); // aggressive absorption
                            w[e] = 0;
                        }
                    }
                }

                elen[i] = pn - p1 + 1;
                int p3 = pn;
                int p4 = p1 + len[i];
                for (int p = p2 + 1; p < p4; p++)
                {
                    int j = ci[p];
                    int nvj = nv[j];
                    if (nvj <= 0)
                    {
                        continue;
                    }

                    d += nvj;
                    ci[pn++] = j;
                    h += j;
                }

                if (d == 0)
                {
                    // Mass elimination: i is indistinguishable from k.
                    cp[i] = Flip(k);
                    int nvi = -nv[i];
                    dk -= nvi;
                    nvk += nvi;
                    nel += nvi;
                    nv[i] = 0;
                    elen[i] = -1;
                }
                else
                {
                    degree[i] = Math.Min(degree[i], d);
                    ci[pn] = ci[p3];
                    ci[p3] = ci[p1];
                    ci[p1] = k;
                    len[i] = pn - p1 + 1;
                    int hash = (int)((h < 0 ? -h : h) % n);
                    next[i] = hhead[hash];
                    hhead[hash] = i;
                    last[i] = hash;
                }
            }

            degree[k] = dk;
            lemax = Math.Max(lemax, dk);
            mark = ClearMarks(mark + lemax, lemax, w, n);

            // Supervariable detection.
            for (int pk = pk1; pk < pk2; pk++)
            {
                int i = ci[pk];
                if (nv[i] >= 0)
                {
                    continue;
                }

                int hash = last[i];
                i = hhead[hash];
                hhead[hash] = -1;
                for (; i != -1 && next[i] != -1; i = next[i], mark++)
                {
                    int ln = len[i];
                    int eln = elen[i];
                    for (int p = cp[i] + 1; p <= cp[i] + ln - 1; p++)
                    {
                        w[ci[p]] = mark;
                    }

                    int jlast = i;
                    for (int j = next[i]; j != -1;)
                    {
                        bool ok = len[j] == ln && elen[j] == eln;
                        for (int p = cp[j] + 1; ok && p <= cp[j] + ln - 1; p++)
                        {
                            if (w[ci[p]] != mark)
                            {
                                ok = false;
                            }
                        }

                        if (ok)
                        {
                            cp[j] = Flip(i);
                            nv[i] += nv[j];
                            nv[j] = 0;
                            elen[j] = -1;
                            j = next[j];
                            next[jlast] = j;
                        }
                        else
                        {
                            jlast = j;
                            j = next[j];
                        }
                    }
                }
            }

            // Finalize the new element and put its nodes back in the degree lists.
            int pf = pk1;
            for (int pk = pk1; pk < pk2; pk++)
            {
                int i = ci[pk];
                int nvi = -nv[i];
                if (nvi <= 0)
                {
                    continue;
                }

                nv[i] = nvi;
                int d = degree[i] + dk - nvi;
                d = Math.Min(d, n - nel - nvi);
                if (head[d] != -1)
                {
                    last[head[d]] = i;
                }

                next[i] = head[d];
                last[i] = -1;
                head[d] = i;
                mindeg = Math.Min(mindeg, d);
                degree[i] = d;
                ci[pf++] = i;
            }

            nv[k] = nvk;
            if ((len[k] = pf - pk1) == 0)
            {
                cp[k] = -1;
                w[k] = 0;
            }

            if (elenk != 0)
            {
                cnz = pf;
            }
        }

        // Postorder the assembly tree.
        for (int i = 0; i < n; i++)
        {
            cp[i] = Flip(cp[i]);
        }

        for (int j = 0; j <= n; j++)
        {
            head[j] = -1;
        }

        for (int j = n; j >= 0; j--)
        {
            if (nv[j] > 0)
            {
                continue;
            }

            next[j] = head[cp[j]];
            head[cp[j]] = j;
        }

        for (int e = n; e >= 0; e--)
        {
            if (nv[e] <= 0)
            {
                continue;
            }

            if (cp[e] != -1)
            {
                next[e] = head[cp[e]];
                head[cp[e]] = e;
            }
        }

        var order = new int[n + 1];
        for (int k = 0, i = 0; i <= n; i++)
        {
            if (cp[i] == -1)
            {
                k = DepthFirst(i, k, head, next, order, w);
            }
        }

        return order[..n]; // node n (the dense-row element) is the last root, postordered last
    }

    private static int Flip(int i) => -i - 2;

    private static int ClearMarks(int mark, int lemax, int[] w, int n)
    {
        if (mark < 2 || mark + lemax < 0)
        {
            for (int k = 0; k < n; k++)
            {
                if (w[k] != 0)
                {
                    w[k] = 1;
                }
            }

            mark = 2;
        }

        return mark;
    }

    private static int DepthFirst(int root, int k, int[] head, int[] next, int[] post, int[] stack)
    {
        int top = 0;
        stack[0] = root;
        while (top >= 0)
        {
            int p = stack[top];
            int i = head[p];
            if (i == -1)
            {
                top--;
                post[k++] = p;
            }
            else
            {
                head[p] = next[i];
                stack[++top] = i;
            }
        }

        return k;
    }

    private static (int[] ColumnPointers, int Count, int[] RowIndices) SymmetrizedWithoutDiagonal(SparsityPattern pattern)
    {
        int n = pattern.RowCount;
        var rp = pattern.RowPointers;
        var ci = pattern.ColumnIndices;
        if (pattern.IsStructurallySymmetric())
        {
            var pointers0 = new int[n + 1];
            var indices0 = new int[pattern.NonzeroCount];
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                for (int p = rp[i]; p < rp[i + 1]; p++)
                {
                    if (ci[p] != i)
                    {
                        indices0[count++] = ci[p];
                    }
                }

                pointers0[i + 1] = count;
            }

            return (pointers0, count, indices0);
        }

        var rows = new List<int>(pattern.NonzeroCount * 2);
        var cols = new List<int>(pattern.NonzeroCount * 2);
        for (int i = 0; i < n; i++)
        {
            for (int p = rp[i]; p < rp[i + 1]; p++)
            {
                int j = ci[p];
                if (i != j)
                {
                    rows.Add(i);
                    cols.Add(j);
                    rows.Add(j);
                    cols.Add(i);
                }
            }
        }

        var c = SparsityPattern.FromPairs(n, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cols));
        var pointers = new int[n + 1];
        c.RowPointers.CopyTo(pointers);
        return (pointers, c.NonzeroCount, c.ColumnIndices.ToArray());
    }
}
