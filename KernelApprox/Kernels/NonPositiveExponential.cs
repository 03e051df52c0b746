using System.Numerics;
using System.Runtime.CompilerServices;

namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// e^x for x ≤ 0, lane-wise on <see cref="Vector{T}"/>: the exponential of the kernel profiles
/// (their arguments are never positive), in branch-free SIMD arithmetic.
/// </summary>
/// <remarks>
/// <para>Method. x = n ln 2 + r with n = round(x/ln 2) (by the 1.5·2⁵² rounding trick, which also
/// yields n's bits), r by a two-constant Cody–Waite reduction with fused multiply–adds (exact up to
/// one rounding of r, |r| ≤ ½ ln 2 + 2⁻⁴⁴), e^r by its Taylor polynomial of degree 13 (evaluated as 1 + (r + r²P(r)), P by Estrin's scheme), and
/// e^x = e^r·2ⁿ by adding n to the exponent field (an integer add, exact).</para>
/// <para>Accuracy (relative, for x ∈ [−708, 0]): Taylor remainder |r|¹⁴/14!/e^r &lt; 6·10⁻¹⁸; the
/// reduction ≤ 2⁻⁵³|r| &lt; 4·10⁻¹⁷; the rounding of u = r + r²P ≤ 2⁻⁵⁵/0.707 &lt; 4·10⁻¹⁷; the
/// roundings inside P and r², damped by r²P/e^r ≤ 0.1, &lt; 5·10⁻¹⁷; the final 1 + u ≤ 1.1·10⁻¹⁶;
/// the scaling is exact. In all ≤ 2.5·10⁻¹⁶ (about one ulp). NonPositiveExponentialTests compares
/// with <see cref="Math.Exp(double)"/> on 4·10⁶ arguments.</para>
/// <para>Range. For x &lt; −708 (including −∞) the result is 0: e^x &lt; 3.3·10⁻³⁰⁸ there, so the
/// absolute error is below 3.3·10⁻³⁰⁸ (results that would be subnormal are flushed to zero —
/// harmless in kernel sums, where such terms are 10⁻²⁹² below any O(1) term). x = 0 gives exactly
/// 1. Arguments must not be NaN (squared distances of finite points never are) and x &gt; 0 is
/// outside the contract (wrong results, not an exception).</para>
/// </remarks>
public static class NonPositiveExponential
{
    /// <summary>Below this argument the result is 0.</summary>
    public const double Lowest = -708.0;

    private const double Log2E = 1.4426950408889634;               // 1/ln 2
    private const double Ln2High = 0.693147180559945286226764;     // ln 2 rounded to a double
    private const double Ln2Low = 2.319046813846299558417771e-17;  // ln 2 − Ln2High
    private const double RoundingShift = 6755399441055744.0;       // 1.5·2⁵²: adding it rounds to an integer
    private const long RoundingShiftBits = 0x4338000000000000;     // the bits of 1.5·2⁵²

    // 1/k! for k = 2..13, rounded to doubles.
    private const double C2 = 0.5;
    private const double C3 = 1.0 / 6;
    private const double C4 = 1.0 / 24;
    private const double C5 = 1.0 / 120;
    private const double C6 = 1.0 / 720;
    private const double C7 = 1.0 / 5040;
    private const double C8 = 1.0 / 40320;
    private const double C9 = 1.0 / 362880;
    private const double C10 = 1.0 / 3628800;
    private const double C11 = 1.0 / 39916800;
    private const double C12 = 1.0 / 479001600;
    private const double C13 = 1.0 / 6227020800;

    /// <summary>e^x lane-wise, for every lane x ≤ 0 (see the remarks for the accuracy).</summary>
    /// <param name="x">The arguments, ≤ 0, not NaN.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x)
    {
        Vector<double> shifted = Vector.FusedMultiplyAdd(x, new Vector<double>(Log2E), new Vector<double>(RoundingShift));
        Vector<double> n = shifted - new Vector<double>(RoundingShift);
        Vector<double> r = Vector.FusedMultiplyAdd(n, new Vector<double>(-Ln2High), x);
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-Ln2Low), r);

        // e^r = 1 + (r + r²·P(r)), P(r) = Σ_{k=2..13} rᵏ⁻²/k! by Estrin's scheme: a dependency chain of
        // 7 operations instead of Horner's 13, so that enough independent exponentials fit the
        // out-of-order window; the small part is added to 1 last, so P's roundings are damped by r² ≤ 0.121.
        Vector<double> r2 = r * r;
        Vector<double> r4 = r2 * r2;
        Vector<double> r8 = r4 * r4;
        Vector<double> q1 = Vector.FusedMultiplyAdd(new Vector<double>(C3), r, new Vector<double>(C2));
        Vector<double> q2 = Vector.FusedMultiplyAdd(new Vector<double>(C5), r, new Vector<double>(C4));
        Vector<double> q3 = Vector.FusedMultiplyAdd(new Vector<double>(C7), r, new Vector<double>(C6));
        Vector<double> q4 = Vector.FusedMultiplyAdd(new Vector<double>(C9), r, new Vector<double>(C8));
        Vector<double> q5 = Vector.FusedMultiplyAdd(new Vector<double>(C11), r, new Vector<double>(C10));
        Vector<double> q6 = Vector.FusedMultiplyAdd(new Vector<double>(C13), r, new Vector<double>(C12));
        Vector<double> s0 = Vector.FusedMultiplyAdd(q2, r2, q1);
        Vector<double> s1 = Vector.FusedMultiplyAdd(q4, r2, q3);
        Vector<double> s2 = Vector.FusedMultiplyAdd(q6, r2, q5);
        Vector<double> polynomial = Vector.FusedMultiplyAdd(s2, r8, Vector.FusedMultiplyAdd(s1, r4, s0));
        Vector<double> p = Vector<double>.One + Vector.FusedMultiplyAdd(r2, polynomial, r);

        // n ∈ [−1021, 0] sits in the low bits of `shifted`; p ∈ [0.70, 1.42] and p·2ⁿ is normal, so
        // adding n to p's exponent field multiplies exactly. Lanes below Lowest (and −∞, where the
        // bits above are meaningless) are zeroed.
        Vector<long> exponent = Vector.ShiftLeft(Vector.AsVectorInt64(shifted) - new Vector<long>(RoundingShiftBits), 52);
        Vector<double> scaled = Vector.AsVectorDouble(Vector.AsVectorInt64(p) + exponent);
        return Vector.BitwiseAnd(scaled, Vector.AsVectorDouble(Vector.GreaterThanOrEqual(x, new Vector<double>(Lowest))));
    }

    /// <summary>e^x for one x ≤ 0 by the same arithmetic as <see cref="Exp(Vector{double})"/>.</summary>
    /// <param name="x">The argument, ≤ 0, not NaN.</param>
    public static double Exp(double x) => Exp(new Vector<double>(x))[0];
}
