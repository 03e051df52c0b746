using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Helpers for vectorized loops over nodal arrays. Every element, the tail included, goes through
/// the same vector code (the tail is padded), so an element's value never depends on where a block
/// or an array ends, which keeps results independent of how work is split between threads.
/// <see cref="Vector256.Log(Vector256{double})"/> and <see cref="Vector256.Exp(Vector256{double})"/>
/// are within 2 ulp of the C library's (tests/…/NodalVectorTests measure it).
/// </summary>
public static class NodalVector
{
    /// <summary>Lanes of a <see cref="Vector256{T}"/> of doubles.</summary>
    public const int Width = 4;

    /// <summary>Loads lanes from <paramref name="start"/>; lanes past the end of <paramref name="source"/> hold <paramref name="pad"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ReadOnlySpan<double> source, int start, double pad)
    {
        return start + Width <= source.Length
            ? Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)start)
            : LoadTail(source, start, pad);
    }

    /// <summary>Loads a full vector (the caller guarantees <paramref name="start"/> + 4 ≤ length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadFull(ReadOnlySpan<double> source, int start) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)start);

    /// <summary>Stores the lanes that fall inside <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, Span<double> target, int start)
    {
        if (start + Width <= target.Length)
        {
            value.StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)start);
        }
        else
        {
            StoreTail(value, target, start);
        }
    }

    // The tails live in methods of their own: a method with stackalloc is never inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> LoadTail(ReadOnlySpan<double> source, int start, double pad)
    {
        Span<double> lanes = stackalloc double[Width];
        lanes.Fill(pad);
        source[start..].CopyTo(lanes);
        return Vector256.Create((ReadOnlySpan<double>)lanes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreTail(Vector256<double> value, Span<double> target, int start)
    {
        Span<double> lanes = stackalloc double[Width];
        value.CopyTo(lanes);
        lanes[..(target.Length - start)].CopyTo(target[start..]);
    }

    /// <summary>The lanes' sum in a fixed order ((l0 + l1) + (l2 + l3)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> value) =>
        (value.GetElement(0) + value.GetElement(1)) + (value.GetElement(2) + value.GetElement(3));

    /// <summary>A mask of the lanes that are positive and finite (NaN fails both comparisons).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> PositiveFinite(Vector256<double> value) =>
        Vector256.GreaterThan(value, Vector256<double>.Zero) & Vector256.LessThan(value, Vector256.Create(double.PositiveInfinity));

    /// <summary>Whether every lane of a comparison mask is set (a mask is NaN as a double, so == cannot tell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllSet(Vector256<double> mask) => mask.ExtractMostSignificantBits() == (1u << Width) - 1;

    /// <summary>Sum of <paramref name="values"/>[start..end) by lanes, then the lanes in a fixed order.</summary>
    public static double Sum(ReadOnlySpan<double> values, int start, int end)
    {
        var sum = Vector256<double>.Zero;
        var block = values[..end];
        for (int i = start; i < end; i += Width)
        {
            sum += Load(block, i, 0);
        }

        return Sum(sum);
    }

    /// <summary>Σ a_i b_i over [start, end) by lanes, then the lanes in a fixed order.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int start, int end)
    {
        var sum = Vector256<double>.Zero;
        var left = a[..end];
        var right = b[..end];
        for (int i = start; i < end; i += Width)
        {
            sum += Load(left, i, 0) * Load(right, i, 0);
        }

        return Sum(sum);
    }
}
