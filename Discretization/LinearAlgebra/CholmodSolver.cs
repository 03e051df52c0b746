using System.Runtime.InteropServices;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// <see cref="ISymmetricSolver"/> backed by SuiteSparse CHOLMOD (cholmod_l_analyze / factorize /
/// solve, supernodal where CHOLMOD chooses so). The upper triangle of the matrix is handed to CHOLMOD
/// (stype = 1); the full CSR storage of a symmetric matrix is the CSC storage of the same matrix, so
/// no transpose is needed. Owns unmanaged memory: dispose it.
/// </summary>
public sealed unsafe class CholmodSolver : ISymmetricSolver
{
    private readonly CholmodLibrary library;
    private void* common;
    private CholmodStructs.FactorHeader* factor;
    private CholmodStructs.Sparse* sparse;
    private SparsityPattern? pattern;
    private bool factorized;
    private CholmodStructs.Dense* solution, workY, workE;

    /// <summary>Creates a solver on a loaded library (see <see cref="CholmodLibrary.TryLoad"/>).</summary>
    public CholmodSolver(CholmodLibrary library)
    {
        this.library = library ?? throw new ArgumentNullException(nameof(library));
        common = NativeMemory.AllocZeroed(CholmodStructs.CommonBytes);
        if (library.Start(common) == 0)
        {
            NativeMemory.Free(common);
            common = null;
            throw new InvalidOperationException("cholmod_l_start failed");
        }
    }

    /// <inheritdoc/>
    public LinearSolverKind Kind => LinearSolverKind.Cholmod;

    /// <summary>nnz(L) predicted by CHOLMOD's analysis (Σ of its column counts; 0 before <see cref="Analyze"/>).</summary>
    public long FactorNonzeroCount
    {
        get
        {
            if (factor is null || factor->ColCount is null)
            {
                return 0;
            }

            long sum = 0;
            for (long j = 0; j < (long)factor->N; j++)
            {
                sum += factor->ColCount[j];
            }

            return sum;
        }
    }

    /// <inheritdoc/>
    public void Analyze(SparsityPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ThrowIfDisposed();
        if (!pattern.IsStructurallySymmetric())
        {
            throw new ArgumentException("CHOLMOD: need a structurally symmetric pattern stored in full");
        }

        FreeMatrixAndFactor();
        BuildMatrix(pattern);
        factor = library.AnalyzeFunction(sparse, common);
        if (factor is null)
        {
            throw new InvalidOperationException("cholmod_l_analyze failed (out of memory or invalid input)");
        }

        this.pattern = pattern;
    }

    /// <inheritdoc/>
    public ISymmetricSolver CreateSibling()
    {
        ThrowIfDisposed();
        if (factor is null || pattern is null)
        {
            throw new InvalidOperationException("CreateSibling: call Analyze first");
        }

        var sibling = new CholmodSolver(library);
        sibling.BuildMatrix(pattern);
        sibling.factor = library.CopyFactor(factor, sibling.common);
        if (sibling.factor is null)
        {
            sibling.Dispose();
            throw new InvalidOperationException("cholmod_l_copy_factor failed (out of memory)");
        }

        sibling.pattern = pattern;
        return sibling;
    }

    /// <inheritdoc/>
    public void Factorize(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ThrowIfDisposed();
        if (pattern is null || !ReferenceEquals(pattern, matrix.Pattern))
        {
            Analyze(matrix.Pattern);
        }

        factorized = false;
        matrix.Values.CopyTo(new Span<double>(sparse->X, matrix.Pattern.NonzeroCount));
        if (library.FactorizeFunction(sparse, factor, common) == 0)
        {
            throw new InvalidOperationException("cholmod_l_factorize failed");
        }

        if (factor->Minor < factor->N)
        {
            long minor = (long)factor->Minor;
            long column = factor->Perm is not null ? factor->Perm[minor] : minor;
            throw new NotPositiveDefiniteException((int)column, double.NaN, "CHOLMOD");
        }

        if (factor->IsSuper == 0 && factor->IsLL == 0)
        {
            // Simplicial LDLᵀ (CHOLMOD's choice for small or very sparse factors) succeeds on
            // indefinite matrices; positive definiteness means every D(j) = L.x[L.p[j]] > 0.
            for (long j = 0; j < (long)factor->N; j++)
            {
                double pivot = factor->X[factor->P[j]];
                if (!(pivot > 0))
                {
                    long column = factor->Perm is not null ? factor->Perm[j] : j;
                    throw new NotPositiveDefiniteException((int)column, pivot, "CHOLMOD (LDLᵀ)");
                }
            }
        }

        factorized = true;
    }

    /// <inheritdoc/>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> result)
    {
        ThrowIfDisposed();
        if (!factorized)
        {
            throw new InvalidOperationException("Solve: call Factorize first (or the last factorization failed)");
        }

        int n = pattern!.RowCount;
        if (rhs.Length != n || result.Length != n)
        {
            throw new ArgumentException($"Solve: need vectors of length {n}");
        }

        fixed (double* b = rhs)
        {
            var dense = new CholmodStructs.Dense
            {
                NRow = (nuint)n,
                NCol = 1,
                NzMax = (nuint)n,
                D = (nuint)n,
                X = b,
                XType = CholmodStructs.ExtendedTypeReal,
                DType = CholmodStructs.DataTypeDouble,
            };
            CholmodStructs.Dense* x = solution, y = workY, e = workE;
            // solve2 keeps x, y and e between calls (allocated on the first), so a solve allocates nothing.
            int ok = library.Solve2Function(CholmodStructs.SystemA, factor, &dense, null, &x, null, &y, &e, common);
            solution = x;
            workY = y;
            workE = e;
            if (ok == 0 || x is null)
            {
                throw new InvalidOperationException("cholmod_l_solve2 failed");
            }

            new ReadOnlySpan<double>(x->X, n).CopyTo(result);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (common is null)
        {
            return;
        }

        FreeMatrixAndFactor();
        library.Finish(common);
        NativeMemory.Free(common);
        common = null;
        GC.SuppressFinalize(this);
    }

    private void BuildMatrix(SparsityPattern pattern)
    {
        int n = pattern.RowCount;
        long nnz = pattern.NonzeroCount;
        sparse = (CholmodStructs.Sparse*)NativeMemory.AllocZeroed((nuint)sizeof(CholmodStructs.Sparse));
        sparse->NRow = (nuint)n;
        sparse->NCol = (nuint)n;
        sparse->NzMax = (nuint)nnz;
        sparse->P = (long*)NativeMemory.Alloc((nuint)(n + 1), sizeof(long));
        sparse->I = (long*)NativeMemory.Alloc((nuint)Math.Max(1, nnz), sizeof(long));
        sparse->X = (double*)NativeMemory.AllocZeroed((nuint)Math.Max(1, nnz), sizeof(double));
        sparse->SType = 1; // use the upper triangle (row ≤ column) of the symmetric matrix
        sparse->IType = CholmodStructs.IntegerTypeLong;
        sparse->XType = CholmodStructs.ExtendedTypeReal;
        sparse->DType = CholmodStructs.DataTypeDouble;
        sparse->Sorted = 1;
        sparse->Packed = 1;
        var rp = pattern.RowPointers;
        var ci = pattern.ColumnIndices;
        for (int i = 0; i <= n; i++)
        {
            sparse->P[i] = rp[i];
        }

        for (int p = 0; p < nnz; p++)
        {
            sparse->I[p] = ci[p];
        }
    }

    private void FreeMatrixAndFactor()
    {
        foreach (var handle in new[] { (nint)solution, (nint)workY, (nint)workE })
        {
            var dense = (CholmodStructs.Dense*)handle;
            if (dense is not null)
            {
                library.FreeDense(&dense, common);
            }
        }

        solution = workY = workE = null;
        if (factor is not null)
        {
            var f = factor;
            library.FreeFactor(&f, common);
            factor = null;
        }

        if (sparse is not null)
        {
            NativeMemory.Free(sparse->P);
            NativeMemory.Free(sparse->I);
            NativeMemory.Free(sparse->X);
            NativeMemory.Free(sparse);
            sparse = null;
        }

        pattern = null;
        factorized = false;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(common is null, this);
}
