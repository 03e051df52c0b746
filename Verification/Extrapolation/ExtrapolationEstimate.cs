namespace PdeFlows.Verification.Extrapolation;

/// <summary>The outcome of <see cref="RichardsonExtrapolation.Estimate"/> for one quantity.</summary>
/// <param name="Status">What was concluded.</param>
/// <param name="Value">The extrapolated value (<see cref="ExtrapolationStatus.Extrapolated"/>) or the finest level's value (otherwise).</param>
/// <param name="EstimatedError">The estimated |Value − exact|: the extrapolation's error estimate, or the round-off floor; null when the sequence is not in the asymptotic range or too short.</param>
/// <param name="ObservedOrder">The order observed on the three finest levels, log(d_{K−2}/d_{K−1})/log r; NaN when undefined (a zero difference or a sign change).</param>
/// <param name="Orders">The observed order of every three consecutive levels, coarsest first (K − 2 entries).</param>
/// <param name="RemainderOrder">The order observed in the differences of successive extrapolations (at least four levels), a diagnostic of the next term; NaN when undefined.</param>
/// <param name="FinestValue">The value on the finest level.</param>
/// <param name="LastDifference">Q_{K−1} − Q_{K−2} (NaN for one level).</param>
/// <param name="RoundOffFloor">The round-off floor η used (relative floor × scale).</param>
/// <param name="Reason">One sentence: why this status.</param>
public sealed record ExtrapolationEstimate(
    ExtrapolationStatus Status,
    double Value,
    double? EstimatedError,
    double ObservedOrder,
    IReadOnlyList<double> Orders,
    double RemainderOrder,
    double FinestValue,
    double LastDifference,
    double RoundOffFloor,
    string Reason);
