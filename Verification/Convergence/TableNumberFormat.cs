using System.Globalization;

namespace PdeFlows.Verification.Convergence;

/// <summary>How table cells print numbers (invariant culture throughout).</summary>
public static class TableNumberFormat
{
    /// <summary>The mark for an undefined order or a missing value.</summary>
    public const string Undefined = "—";

    /// <summary>Scientific notation with 3 significant digits: 1.23e-04; NaN as "NaN", infinities as "inf"/"-inf".</summary>
    public static string Scientific(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("0.00e+00", CultureInfo.InvariantCulture),
    };

    /// <summary>An order with 2 decimals (2.00, -0.51), or <see cref="Undefined"/> when not finite.</summary>
    public static string Order(double value) =>
        double.IsFinite(value) ? value.ToString("F2", CultureInfo.InvariantCulture) : Undefined;

    /// <summary>Degrees of freedom as an integer, or <see cref="Undefined"/> when not applicable.</summary>
    public static string Dofs(long? dofs) => dofs?.ToString(CultureInfo.InvariantCulture) ?? Undefined;

    /// <summary>Full round-trip precision ("R"), as CSV stores numbers.</summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
