using System.Globalization;

namespace PdeFlows.Verification.Extrapolation;

/// <summary>
/// Richardson extrapolation of a quantity computed on K nested refinements Q₀, …, Q_{K−1}
/// (h_ℓ = h₀/r^ℓ), with an error estimate for the extrapolated value and a classification of the
/// sequence (docs/reference-solutions.md).
/// <para>
/// Model: Q_ℓ = Q + C h_ℓ^p + D h_ℓ^q + …, p the formal order, q &gt; p the order of the next term.
/// With the differences d_ℓ = Q_ℓ − Q_{ℓ−1}:
/// </para>
/// <list type="number">
/// <item>Round-off: when |d_{K−1}| ≤ η (η = relative floor × the quantity's scale), the finest value
/// is reported with error η ("converged to round-off"); nothing is extrapolated from noise.</item>
/// <item>Asymptotic range: on the finest (up to) four levels, the differences must keep one sign and
/// every observed order p_ℓ = log(d_{ℓ−1}/d_ℓ)/log r must lie within the tolerance of p. Otherwise
/// the finest value is reported without an error estimate ("not in the asymptotic range").</item>
/// <item>Extrapolation with the formal order: R_ℓ = Q_ℓ + d_ℓ/(r^p − 1), reported value R_{K−1}.
/// R_ℓ − Q = O(h_ℓ^q), so the difference of the two finest extrapolations e = R_{K−1} − R_{K−2}
/// equals (r^q − 1)·(R_{K−1} − Q) asymptotically. The error estimate is |e|/(r^{p+1} − 1): the sharp
/// value with the smallest q an expansion in integer powers of h allows (q = p + 1). It is exact
/// when q = p + 1 and too large by (r^q − 1)/(r^{p+1} − 1) otherwise (15/7 ≈ 2.1 for p = 2,
/// q = 4, r = 2: what P1 with lie-ie and τ ∝ h² shows) — that factor is the safety margin. It is at
/// least η. With four or more levels the remainder's own order q̂ = log(e_{K−2}/e_{K−1})/log r is
/// observed; when it is undefined (a sign change) or below p + 1 − tolerance, the reduction is not
/// earned and the estimate is |e| itself.</item>
/// </list>
/// The estimate is not a bound: with three levels it assumes the next term is already asymptotic;
/// four levels check that.
/// </summary>
public static class RichardsonExtrapolation
{
    /// <summary>Extrapolates <paramref name="values"/> (coarsest first) and estimates the error.</summary>
    /// <param name="values">Q₀, …, Q_{K−1}, at least one.</param>
    /// <param name="scale">The quantity's natural size (e.g. the largest |value| of its kind), for the round-off floor; must be ≥ 0.</param>
    /// <param name="settings">The expected order, ratio and tolerances.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">No values, a negative scale or invalid settings.</exception>
    public static ExtrapolationEstimate Estimate(IReadOnlyList<double> values, double scale, ExtrapolationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (values.Count == 0)
        {
            throw new ArgumentException("no values to extrapolate", nameof(values));
        }

        if (!(scale >= 0) || !double.IsFinite(scale))
        {
            throw new ArgumentException($"the scale must be finite and ≥ 0, got {scale}", nameof(scale));
        }

        int k = values.Count;
        double finest = values[k - 1];
        double floor = settings.RoundOffRelative * scale;
        double[] differences = [.. Enumerable.Range(1, k - 1).Select(l => values[l] - values[l - 1])];
        double[] orders = [.. Enumerable.Range(2, Math.Max(0, k - 2)).Select(l => Order(differences[l - 2], differences[l - 1], settings.RefinementRatio))];
        double last = k > 1 ? differences[^1] : double.NaN;
        double observed = orders.Length > 0 ? orders[^1] : double.NaN;
        ExtrapolationEstimate Result(ExtrapolationStatus status, double value, double? error, double remainder, string reason) =>
            new(status, value, error, observed, orders, remainder, finest, last, floor, reason);

        if (values.Any(v => !double.IsFinite(v)))
        {
            return Result(ExtrapolationStatus.NotAsymptotic, finest, null, double.NaN, "a level's value is not finite");
        }

        if (k > 1 && Math.Abs(last) <= floor)
        {
            return Result(ExtrapolationStatus.ConvergedToRoundOff, finest, floor, double.NaN, $"the last difference {Format(last)} is at or below the round-off floor {Format(floor)}");
        }

        if (k < 3)
        {
            return Result(ExtrapolationStatus.TooFewLevels, finest, null, double.NaN, "an observed order needs at least three levels");
        }

        // The finest four levels (three differences, two orders) decide; coarser ones may be pre-asymptotic.
        int firstDifference = Math.Max(0, differences.Length - 3);
        for (int l = firstDifference + 1; l < differences.Length; l++)
        {
            if (differences[l] == 0 || Math.Sign(differences[l]) != Math.Sign(differences[l - 1]))
            {
                return Result(ExtrapolationStatus.NotAsymptotic, finest, null, double.NaN, $"the differences between levels {l - 1}–{l} and {l}–{l + 1} have opposite signs (or one is zero)");
            }
        }

        for (int l = Math.Max(0, orders.Length - 2); l < orders.Length; l++)
        {
            if (!(Math.Abs(orders[l] - settings.ExpectedOrder) <= settings.OrderTolerance))
            {
                return Result(ExtrapolationStatus.NotAsymptotic, finest, null, double.NaN, $"the observed order {Format(orders[l], "F2")} on levels {l}–{l + 2} is not within {Format(settings.OrderTolerance, "G3")} of the expected {Format(settings.ExpectedOrder, "G3")}");
            }
        }

        double rp = Math.Pow(settings.RefinementRatio, settings.ExpectedOrder);
        double[] extrapolated = [.. Enumerable.Range(1, k - 1).Select(l => values[l] + (differences[l - 1] / (rp - 1)))];
        double step = extrapolated[^1] - extrapolated[^2];
        double remainder = extrapolated.Length >= 3 ? Order(extrapolated[^2] - extrapolated[^3], step, settings.RefinementRatio) : double.NaN;
        string reason = $"observed order {Format(observed, "F2")} within {Format(settings.OrderTolerance, "G3")} of {Format(settings.ExpectedOrder, "G3")}";
        double reduction = Math.Pow(settings.RefinementRatio, settings.ExpectedOrder + 1) - 1;
        if (extrapolated.Length >= 3 && !(remainder >= settings.ExpectedOrder + 1 - settings.OrderTolerance))
        {
            // Four levels show that the extrapolations do not (yet) converge faster than the leading
            // term: the reduction by r^{p+1} − 1 is not earned, the difference itself is the estimate.
            reduction = 1;
            reason += $"; the extrapolations' differences do not shrink like h^{Format(settings.ExpectedOrder + 1, "G3")} (observed {Format(remainder, "F2")}), so the error estimate is their difference itself";
        }

        double error = Math.Max(Math.Abs(step) / reduction, floor);
        return Result(ExtrapolationStatus.Extrapolated, extrapolated[^1], error, remainder, reason);
    }

    /// <summary>The order log(a/b)/log r of two successive differences a, b; NaN unless both are nonzero with one sign.</summary>
    /// <param name="coarser">The difference of the coarser pair.</param>
    /// <param name="finer">The difference of the finer pair.</param>
    /// <param name="ratio">The refinement ratio r.</param>
    /// <returns>The order, or NaN.</returns>
    public static double Order(double coarser, double finer, double ratio) =>
        double.IsFinite(coarser) && double.IsFinite(finer) && coarser != 0 && finer != 0 && Math.Sign(coarser) == Math.Sign(finer) && double.IsFinite(coarser / finer)
            ? Math.Log(coarser / finer) / Math.Log(ratio)
            : double.NaN;

    private static string Format(double value, string format = "G3") => value.ToString(format, CultureInfo.InvariantCulture);
}
