namespace PdeFlows.Runs.Expressions;

/// <summary>The variables an expression may use or does use: a set of flags.</summary>
[Flags]
public enum ExpressionVariables
{
    /// <summary>No variable: a constant expression.</summary>
    None = 0,

    /// <summary>The first space coordinate <c>x</c>.</summary>
    X = 1,

    /// <summary>The second space coordinate <c>y</c>.</summary>
    Y = 2,

    /// <summary>The third space coordinate <c>z</c>.</summary>
    Z = 4,

    /// <summary>The time <c>t</c>.</summary>
    T = 8,

    /// <summary>The space coordinates <c>x</c>, <c>y</c>, <c>z</c>.</summary>
    Space = X | Y | Z,

    /// <summary>All of <c>x</c>, <c>y</c>, <c>z</c>, <c>t</c>.</summary>
    All = X | Y | Z | T,
}
