using System.Runtime.InteropServices;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// The CHOLMOD 3.0 structs we read or write, laid out exactly as in cholmod_core.h
/// (/usr/include/suitesparse, CHOLMOD 3.0.14) on LP64: size_t and pointers are 8 bytes, int is 4.
/// cholmod_common stays opaque (an over-sized zeroed block handed to cholmod_l_start).
/// </summary>
internal static unsafe class CholmodStructs
{
    /// <summary>Bytes reserved for cholmod_common (its true size is a few KB in 3.0.x; generous on purpose).</summary>
    public const int CommonBytes = 64 * 1024;

    /// <summary>CHOLMOD_LONG: integer arrays are SuiteSparse_long (int64).</summary>
    public const int IntegerTypeLong = 2;

    /// <summary>CHOLMOD_REAL.</summary>
    public const int ExtendedTypeReal = 1;

    /// <summary>CHOLMOD_DOUBLE.</summary>
    public const int DataTypeDouble = 0;

    /// <summary>CHOLMOD_A: solve A x = b.</summary>
    public const int SystemA = 0;

    /// <summary>cholmod_sparse.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Sparse
    {
        public nuint NRow;
        public nuint NCol;
        public nuint NzMax;
        public long* P;
        public long* I;
        public void* Nz;
        public double* X;
        public void* Z;
        public int SType;
        public int IType;
        public int XType;
        public int DType;
        public int Sorted;
        public int Packed;
    }

    /// <summary>cholmod_dense.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Dense
    {
        public nuint NRow;
        public nuint NCol;
        public nuint NzMax;
        public nuint D;
        public double* X;
        public void* Z;
        public int XType;
        public int DType;
    }

    /// <summary>cholmod_factor (read only; fields up to useGPU, in header order).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FactorHeader
    {
        public nuint N;
        public nuint Minor;
        public long* Perm;
        public long* ColCount;
        public long* IPerm;
        public nuint NzMax;
        public long* P;
        public long* I;
        public double* X;
        public void* Z;
        public long* Nz;
        public long* Next;
        public long* Prev;
        public nuint NSuper;
        public nuint SSize;
        public nuint XSize;
        public nuint MaxCSize;
        public nuint MaxESize;
        public long* Super;
        public long* Pi;
        public long* Px;
        public long* S;
        public int Ordering;
        public int IsLL;
        public int IsSuper;
        public int IsMonotonic;
        public int IType;
        public int XType;
        public int DType;
        public int UseGpu;
    }
}
