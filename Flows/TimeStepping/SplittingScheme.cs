namespace PdeFlows.Flows.TimeStepping;

/// <summary>The operator-splitting schemes of math.md §5.</summary>
public enum SplittingScheme
{
    /// <summary>`lie-ie`: reaction(τ), then implicit Euler transport(τ). First order, unconditionally positive.</summary>
    LieImplicitEuler,

    /// <summary>`strang`: reaction(τ/2), TR-BDF2 transport(τ), reaction(τ/2). Second order; positivity checked, steps rejected and halved when violated.</summary>
    Strang,
}
