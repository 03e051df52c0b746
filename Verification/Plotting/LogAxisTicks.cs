using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace PdeFlows.Verification.Plotting;

/// <summary>
/// Tick marks for an axis that shows log10 of the data (ScottPlot 5 has no true log axis): a major
/// tick at each integer k labelled 10^k (written with superscript digits, e.g. 10⁻³), minor ticks at
/// log10(2…9) + k; when the range holds fewer than two integers, the minor ticks are labelled too
/// (2×10⁻³) so that every axis shows at least a few numbers.
/// </summary>
public static class LogAxisTicks
{
    /// <summary>A tick generator for log10 values between <paramref name="minimum"/> and <paramref name="maximum"/> (log10 units).</summary>
    public static NumericManual For(double minimum, double maximum) => new([.. Ticks(minimum, maximum)]);

    /// <summary>The ticks for log10 values between <paramref name="minimum"/> and <paramref name="maximum"/>: positions in log10 units, labels in powers of ten.</summary>
    public static IReadOnlyList<Tick> Ticks(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || maximum < minimum)
        {
            (minimum, maximum) = (0.0, 1.0);
        }

        int first = (int)Math.Floor(minimum);
        int last = (int)Math.Ceiling(maximum);
        int majorsInside = Enumerable.Range(first, last - first + 1).Count(k => k >= minimum - 1e-9 && k <= maximum + 1e-9);
        bool labelMinors = majorsInside < 2;
        int stride = Math.Max(1, (last - first) / 10);
        var ticks = new List<Tick>();
        for (int k = first; k <= last; k++)
        {
            if ((k - first) % stride == 0)
            {
                ticks.Add(Tick.Major(k, PowerOfTen(k)));
            }
            else
            {
                ticks.Add(Tick.Minor(k));
            }

            for (int mantissa = 2; mantissa <= 9 && k < last; mantissa++)
            {
                double position = k + Math.Log10(mantissa);
                if (labelMinors && position >= minimum && position <= maximum && (mantissa is 2 or 5 || maximum - minimum < 0.5))
                {
                    ticks.Add(Tick.Major(position, mantissa.ToString(CultureInfo.InvariantCulture) + "×" + PowerOfTen(k)));
                }
                else if (stride == 1)
                {
                    ticks.Add(Tick.Minor(position));
                }
            }
        }

        return ticks;
    }

    /// <summary>"10" followed by the exponent in superscript digits (10⁰ = 1 is written "10⁰").</summary>
    public static string PowerOfTen(int exponent)
    {
        var text = new StringBuilder("10");
        foreach (char c in exponent.ToString(CultureInfo.InvariantCulture))
        {
            text.Append(c switch
            {
                '-' => '⁻',
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                _ => '⁹',
            });
        }

        return text.ToString();
    }

    /// <summary>Puts log ticks on the bottom axis for log10 values in [<paramref name="minimum"/>, <paramref name="maximum"/>] and fixes its limits, padded by 0.1 decade.</summary>
    internal static void ApplyToBottom(Plot plot, double minimum, double maximum)
    {
        if (Padded(minimum, maximum) is (double low, double high))
        {
            plot.Axes.Bottom.TickGenerator = For(low, high);
            plot.Axes.SetLimitsX(low, high);
        }
    }

    /// <summary>Puts log ticks on the left axis for log10 values in [<paramref name="minimum"/>, <paramref name="maximum"/>] and fixes its limits, padded by 0.1 decade.</summary>
    internal static void ApplyToLeft(Plot plot, double minimum, double maximum)
    {
        if (Padded(minimum, maximum) is (double low, double high))
        {
            plot.Axes.Left.TickGenerator = For(low, high);
            plot.Axes.SetLimitsY(low, high);
        }
    }

    private static (double Low, double High)? Padded(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum))
        {
            return null;
        }

        if (maximum - minimum < 0.2)
        {
            double centre = 0.5 * (minimum + maximum);
            (minimum, maximum) = (centre - 0.1, centre + 0.1);
        }

        return (minimum - 0.1, maximum + 0.1);
    }
}
