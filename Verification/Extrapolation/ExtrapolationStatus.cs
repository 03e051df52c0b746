namespace PdeFlows.Verification.Extrapolation;

/// <summary>What <see cref="RichardsonExtrapolation"/> concluded about a sequence of values on nested refinements.</summary>
public enum ExtrapolationStatus
{
    /// <summary>The observed order matches the expected one on the finest levels: the value is Richardson-extrapolated and has an error estimate.</summary>
    Extrapolated,

    /// <summary>The last difference is at the round-off floor: the finest value is reported, with the floor as its error.</summary>
    ConvergedToRoundOff,

    /// <summary>The successive differences change sign or their observed order is far from the expected one: the finest value is reported, without an error estimate.</summary>
    NotAsymptotic,

    /// <summary>Fewer than three levels: no observed order, the finest value is reported without an error estimate.</summary>
    TooFewLevels,
}
