using System.Numerics;
using System.Runtime.InteropServices;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// The two inner loops of <see cref="PivotedCholeskyFactor"/> on one block of rows, four columns
/// per pass so that each load of the block's segment or accumulator serves four multiply–adds.
/// </summary>
/// <remarks>
/// The arithmetic per entry does not depend on the grouping: <see cref="SubtractCombination"/>
/// applies y ← y − cⱼlⱼ as one fused multiply–add per j, in increasing j; <see cref="Dots"/> sums
/// each lⱼ·y with one SIMD accumulator (lane ℓ takes the rows ≡ ℓ mod W), then the lanes in order,
/// then a fused scalar tail.
/// </remarks>
internal static class PivotedCholeskyBlock
{
    /// <summary>segment ← segment − Σⱼ coefficients[j]·columns[j][offset..], j = firstColumn..endColumn−1 in order.</summary>
    public static void SubtractCombination(Span<double> segment, double[][] columns, int firstColumn, int endColumn, double[] coefficients, int offset)
    {
        int length = segment.Length, width = Vector<double>.Count;
        int vectorEnd = length - (length % width);
        ref double y = ref MemoryMarshal.GetReference(segment);
        int j = firstColumn;
        for (; j + 3 < endColumn; j += 4)
        {
            ref double l0 = ref MemoryMarshal.GetArrayDataReference(columns[j]);
            ref double l1 = ref MemoryMarshal.GetArrayDataReference(columns[j + 1]);
            ref double l2 = ref MemoryMarshal.GetArrayDataReference(columns[j + 2]);
            ref double l3 = ref MemoryMarshal.GetArrayDataReference(columns[j + 3]);
            var c0 = new Vector<double>(-coefficients[j]);
            var c1 = new Vector<double>(-coefficients[j + 1]);
            var c2 = new Vector<double>(-coefficients[j + 2]);
            var c3 = new Vector<double>(-coefficients[j + 3]);
            for (int i = 0; i < vectorEnd; i += width)
            {
                nuint at = (nuint)(offset + i);
                Vector<double> acc = Vector.LoadUnsafe(ref y, (nuint)i);
                acc = Vector.FusedMultiplyAdd(c0, Vector.LoadUnsafe(ref l0, at), acc);
                acc = Vector.FusedMultiplyAdd(c1, Vector.LoadUnsafe(ref l1, at), acc);
                acc = Vector.FusedMultiplyAdd(c2, Vector.LoadUnsafe(ref l2, at), acc);
                acc = Vector.FusedMultiplyAdd(c3, Vector.LoadUnsafe(ref l3, at), acc);
                acc.StoreUnsafe(ref y, (nuint)i);
            }

            for (int i = vectorEnd; i < length; i++)
            {
                double acc = segment[i];
                acc = Math.FusedMultiplyAdd(-coefficients[j], columns[j][offset + i], acc);
                acc = Math.FusedMultiplyAdd(-coefficients[j + 1], columns[j + 1][offset + i], acc);
                acc = Math.FusedMultiplyAdd(-coefficients[j + 2], columns[j + 2][offset + i], acc);
                acc = Math.FusedMultiplyAdd(-coefficients[j + 3], columns[j + 3][offset + i], acc);
                segment[i] = acc;
            }
        }

        for (; j < endColumn; j++)
        {
            VectorArithmetic.SubtractScaled(segment, coefficients[j], columns[j].AsSpan(offset, length));
        }
    }

    /// <summary>result[j] = Σᵢ columns[j][offset + i]·segment[i] for j = 0..count−1.</summary>
    public static void Dots(ReadOnlySpan<double> segment, double[][] columns, int count, int offset, Span<double> result)
    {
        int length = segment.Length, width = Vector<double>.Count;
        int vectorEnd = length - (length % width);
        ref double y = ref MemoryMarshal.GetReference(segment);
        int j = 0;
        for (; j + 3 < count; j += 4)
        {
            ref double l0 = ref MemoryMarshal.GetArrayDataReference(columns[j]);
            ref double l1 = ref MemoryMarshal.GetArrayDataReference(columns[j + 1]);
            ref double l2 = ref MemoryMarshal.GetArrayDataReference(columns[j + 2]);
            ref double l3 = ref MemoryMarshal.GetArrayDataReference(columns[j + 3]);
            Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int i = 0; i < vectorEnd; i += width)
            {
                nuint at = (nuint)(offset + i);
                Vector<double> v = Vector.LoadUnsafe(ref y, (nuint)i);
                s0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref l0, at), v, s0);
                s1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref l1, at), v, s1);
                s2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref l2, at), v, s2);
                s3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref l3, at), v, s3);
            }

            result[j] = Tail(Vector.Sum(s0), columns[j], segment, offset, vectorEnd);
            result[j + 1] = Tail(Vector.Sum(s1), columns[j + 1], segment, offset, vectorEnd);
            result[j + 2] = Tail(Vector.Sum(s2), columns[j + 2], segment, offset, vectorEnd);
            result[j + 3] = Tail(Vector.Sum(s3), columns[j + 3], segment, offset, vectorEnd);
        }

        for (; j < count; j++)
        {
            result[j] = Dot(columns[j], offset, segment);
        }
    }

    /// <summary>Σᵢ column[offset + i]·segment[i] with the arithmetic of <see cref="Dots"/>.</summary>
    public static double Dot(double[] column, int offset, ReadOnlySpan<double> segment)
    {
        int length = segment.Length, width = Vector<double>.Count;
        int vectorEnd = length - (length % width);
        ref double y = ref MemoryMarshal.GetReference(segment);
        ref double l = ref MemoryMarshal.GetArrayDataReference(column);
        Vector<double> sum = default;
        for (int i = 0; i < vectorEnd; i += width)
        {
            sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref l, (nuint)(offset + i)), Vector.LoadUnsafe(ref y, (nuint)i), sum);
        }

        return Tail(Vector.Sum(sum), column, segment, offset, vectorEnd);
    }

    private static double Tail(double total, double[] column, ReadOnlySpan<double> segment, int offset, int vectorEnd)
    {
        for (int i = vectorEnd; i < segment.Length; i++)
        {
            total = Math.FusedMultiplyAdd(column[offset + i], segment[i], total);
        }

        return total;
    }
}
