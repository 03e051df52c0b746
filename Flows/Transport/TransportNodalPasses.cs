using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Flows.Transport;

/// <summary>
/// The nodal passes of a transport step around its linear solves, each one vectorized pass over the
/// nodes: the Slotboom variable g = u/π (with the mass Σ m u it must keep), the right-hand sides of
/// the TR-BDF2 stages, and the return to u = π g with the mass-restoring factor and the positivity
/// check. Element-wise results are those of the scalar formulas (no fused multiply-adds), the tail
/// runs the same formulas in scalar code, and sums run in one fixed order, so the numbers do not
/// depend on the thread count.
/// </summary>
internal static class TransportNodalPasses
{
    private const int Width = NodalVector.Width;

    /// <summary>g = u/π, optionally a copy of g in <paramref name="copy"/>; returns Σ m_i u_i.</summary>
    public static double Ratio(ReadOnlySpan<double> u, ReadOnlySpan<double> pi, ReadOnlySpan<double> mass, Span<double> g, Span<double> copy)
    {
        int n = u.Length;
        ref double ru = ref MemoryMarshal.GetReference(u), rp = ref MemoryMarshal.GetReference(pi), rm = ref MemoryMarshal.GetReference(mass);
        ref double rg = ref MemoryMarshal.GetReference(g);
        bool copying = !copy.IsEmpty;
        ref double rc = ref MemoryMarshal.GetReference(copy);
        var sum = Vector256<double>.Zero;
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            var ui = Vector256.LoadUnsafe(ref ru, (nuint)i);
            var gi = ui / Vector256.LoadUnsafe(ref rp, (nuint)i);
            gi.StoreUnsafe(ref rg, (nuint)i);
            if (copying)
            {
                gi.StoreUnsafe(ref rc, (nuint)i);
            }

            sum += Vector256.LoadUnsafe(ref rm, (nuint)i) * ui;
        }

        double total = NodalVector.Sum(sum);
        for (; i < n; i++)
        {
            g[i] = u[i] / pi[i];
            if (copying)
            {
                copy[i] = g[i];
            }

            total += mass[i] * u[i];
        }

        return total;
    }

    /// <summary>rhs = w g − c (A g) (the trapezoidal stage; <paramref name="rhs"/> holds A g on entry).</summary>
    public static void Trapezoidal(ReadOnlySpan<double> weightedMass, ReadOnlySpan<double> g, double c, Span<double> rhs)
    {
        int n = g.Length;
        ref double rw = ref MemoryMarshal.GetReference(weightedMass), rg = ref MemoryMarshal.GetReference(g), rr = ref MemoryMarshal.GetReference(rhs);
        var cv = Vector256.Create(c);
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            var value = (Vector256.LoadUnsafe(ref rw, (nuint)i) * Vector256.LoadUnsafe(ref rg, (nuint)i)) - (cv * Vector256.LoadUnsafe(ref rr, (nuint)i));
            value.StoreUnsafe(ref rr, (nuint)i);
        }

        for (; i < n; i++)
        {
            rhs[i] = (weightedMass[i] * g[i]) - (c * rhs[i]);
        }
    }

    /// <summary>rhs = w (a s − b g) (the BDF2 stage from the trapezoidal stage s and the start g).</summary>
    public static void Bdf2(ReadOnlySpan<double> weightedMass, ReadOnlySpan<double> stage, ReadOnlySpan<double> g, double a, double b, Span<double> rhs)
    {
        int n = g.Length;
        ref double rw = ref MemoryMarshal.GetReference(weightedMass), rs = ref MemoryMarshal.GetReference(stage), rg = ref MemoryMarshal.GetReference(g);
        ref double rr = ref MemoryMarshal.GetReference(rhs);
        Vector256<double> av = Vector256.Create(a), bv = Vector256.Create(b);
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            var value = Vector256.LoadUnsafe(ref rw, (nuint)i) * ((av * Vector256.LoadUnsafe(ref rs, (nuint)i)) - (bv * Vector256.LoadUnsafe(ref rg, (nuint)i)));
            value.StoreUnsafe(ref rr, (nuint)i);
        }

        for (; i < n; i++)
        {
            rhs[i] = weightedMass[i] * ((a * stage[i]) - (b * g[i]));
        }
    }

    /// <summary>Σ w_i g_i (the mass after the solves).</summary>
    public static double WeightedSum(ReadOnlySpan<double> weightedMass, ReadOnlySpan<double> g)
    {
        int n = g.Length;
        ref double rw = ref MemoryMarshal.GetReference(weightedMass), rg = ref MemoryMarshal.GetReference(g);
        var sum = Vector256<double>.Zero;
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            sum += Vector256.LoadUnsafe(ref rw, (nuint)i) * Vector256.LoadUnsafe(ref rg, (nuint)i);
        }

        double total = NodalVector.Sum(sum);
        for (; i < n; i++)
        {
            total += weightedMass[i] * g[i];
        }

        return total;
    }

    /// <summary>u = π (g s); returns whether every u_i is positive and finite.</summary>
    public static bool Density(ReadOnlySpan<double> pi, ReadOnlySpan<double> g, double scale, Span<double> u)
    {
        int n = g.Length;
        ref double rp = ref MemoryMarshal.GetReference(pi), rg = ref MemoryMarshal.GetReference(g), ru = ref MemoryMarshal.GetReference(u);
        var s = Vector256.Create(scale);
        var ok = Vector256<double>.AllBitsSet;
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            var value = Vector256.LoadUnsafe(ref rp, (nuint)i) * (Vector256.LoadUnsafe(ref rg, (nuint)i) * s);
            value.StoreUnsafe(ref ru, (nuint)i);
            ok &= NodalVector.PositiveFinite(value);
        }

        bool positive = NodalVector.AllSet(ok);
        for (; i < n; i++)
        {
            double value = pi[i] * (g[i] * scale);
            u[i] = value;
            positive &= value > 0 && double.IsFinite(value);
        }

        return positive;
    }
}
