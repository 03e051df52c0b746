namespace PdeFlows.Verification.Convergence;

/// <summary>
/// The outcome of comparing an observed order with an expected one. <see cref="Message"/> states
/// the comparison and holds the whole table as Markdown, so a failure shows every number.
/// </summary>
/// <param name="Metric">The metric checked.</param>
/// <param name="Expected">The expected order.</param>
/// <param name="Tolerance">The allowed |observed − expected|.</param>
/// <param name="Observed">The least-squares slope over the checked rows (NaN when undefined).</param>
/// <param name="FirstRow">The first row (0-based) entering the fit.</param>
/// <param name="Passed">Whether |observed − expected| ≤ tolerance (false when the order is undefined).</param>
/// <param name="Message">A one-line verdict followed by the table in Markdown.</param>
public sealed record OrderVerdict(Metric Metric, double Expected, double Tolerance, double Observed, int FirstRow, bool Passed, string Message);
