using System.Numerics;
using System.Runtime.InteropServices;

namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>
/// The inner loop of <see cref="PivotedCholeskyFactor"/> on one block of rows, four columns per
/// pass so that each load and store of the block's accumulator serves four multiply–adds.
/// </summary>
/// <remarks>
/// The arithmetic per entry does not depend on the grouping: <see cref="SubtractCombination"/>
/// applies y ← y − cⱼlⱼ as one fused multiply–add per j, in increasing j.
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

    /// <summary>
    /// The same update for four targets at once: targets[t][offset..offset+length) −= Σⱼ
    /// coefficients[t][j]·columns[j][offset..], j = firstColumn..endColumn−1 in order, for t = 0..3.
    /// Each loaded vector of lⱼ serves the four targets, whose accumulators stay in registers over
    /// four columns; per entry the fused multiply–adds are those of <see cref="SubtractCombination"/>.
    /// </summary>
    public static void SubtractCombinationFour(double[][] targets, int offset, int length, double[][] columns, int firstColumn, int endColumn, double[][] coefficients)
    {
        int width = Vector<double>.Count;
        int vectorEnd = length - (length % width);
        ref double y0 = ref MemoryMarshal.GetArrayDataReference(targets[0]);
        ref double y1 = ref MemoryMarshal.GetArrayDataReference(targets[1]);
        ref double y2 = ref MemoryMarshal.GetArrayDataReference(targets[2]);
        ref double y3 = ref MemoryMarshal.GetArrayDataReference(targets[3]);
        int j = firstColumn;
        for (; j + 3 < endColumn; j += 4)
        {
            ref double l0 = ref MemoryMarshal.GetArrayDataReference(columns[j]);
            ref double l1 = ref MemoryMarshal.GetArrayDataReference(columns[j + 1]);
            ref double l2 = ref MemoryMarshal.GetArrayDataReference(columns[j + 2]);
            ref double l3 = ref MemoryMarshal.GetArrayDataReference(columns[j + 3]);
            double[] a = coefficients[0], b = coefficients[1], c = coefficients[2], d = coefficients[3];
            var a0 = new Vector<double>(-a[j]); var a1 = new Vector<double>(-a[j + 1]); var a2 = new Vector<double>(-a[j + 2]); var a3 = new Vector<double>(-a[j + 3]);
            var b0 = new Vector<double>(-b[j]); var b1 = new Vector<double>(-b[j + 1]); var b2 = new Vector<double>(-b[j + 2]); var b3 = new Vector<double>(-b[j + 3]);
            var c0 = new Vector<double>(-c[j]); var c1 = new Vector<double>(-c[j + 1]); var c2 = new Vector<double>(-c[j + 2]); var c3 = new Vector<double>(-c[j + 3]);
            var d0 = new Vector<double>(-d[j]); var d1 = new Vector<double>(-d[j + 1]); var d2 = new Vector<double>(-d[j + 2]); var d3 = new Vector<double>(-d[j + 3]);
            for (int i = 0; i < vectorEnd; i += width)
            {
                nuint at = (nuint)(offset + i);
                Vector<double> v0 = Vector.LoadUnsafe(ref l0, at), v1 = Vector.LoadUnsafe(ref l1, at), v2 = Vector.LoadUnsafe(ref l2, at), v3 = Vector.LoadUnsafe(ref l3, at);
                Vector<double> t = Vector.LoadUnsafe(ref y0, at);
                t = Vector.FusedMultiplyAdd(a0, v0, t);
                t = Vector.FusedMultiplyAdd(a1, v1, t);
                t = Vector.FusedMultiplyAdd(a2, v2, t);
                Vector.FusedMultiplyAdd(a3, v3, t).StoreUnsafe(ref y0, at);
                t = Vector.LoadUnsafe(ref y1, at);
                t = Vector.FusedMultiplyAdd(b0, v0, t);
                t = Vector.FusedMultiplyAdd(b1, v1, t);
                t = Vector.FusedMultiplyAdd(b2, v2, t);
                Vector.FusedMultiplyAdd(b3, v3, t).StoreUnsafe(ref y1, at);
                t = Vector.LoadUnsafe(ref y2, at);
                t = Vector.FusedMultiplyAdd(c0, v0, t);
                t = Vector.FusedMultiplyAdd(c1, v1, t);
                t = Vector.FusedMultiplyAdd(c2, v2, t);
                Vector.FusedMultiplyAdd(c3, v3, t).StoreUnsafe(ref y2, at);
                t = Vector.LoadUnsafe(ref y3, at);
                t = Vector.FusedMultiplyAdd(d0, v0, t);
                t = Vector.FusedMultiplyAdd(d1, v1, t);
                t = Vector.FusedMultiplyAdd(d2, v2, t);
                Vector.FusedMultiplyAdd(d3, v3, t).StoreUnsafe(ref y3, at);
            }

            if (vectorEnd < length)
            {
                for (int target = 0; target < 4; target++)
                {
                    SubtractCombination(targets[target].AsSpan(offset + vectorEnd, length - vectorEnd), columns, j, j + 4, coefficients[target], offset + vectorEnd);
                }
            }
        }

        if (j < endColumn)
        {
            for (int target = 0; target < 4; target++)
            {
                SubtractCombination(targets[target].AsSpan(offset, length), columns, j, endColumn, coefficients[target], offset);
            }
        }
    }
}
