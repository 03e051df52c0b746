namespace PdeFlows.Runs.Expressions;

/// <summary>The kinds of token of the expression language.</summary>
internal enum ExpressionTokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    End,
}

/// <summary>One token: its kind, its text, its 1-based column and, for a number, its value.</summary>
/// <remarks>
/// A class, not a struct: a list of a value type is a generic instantiation that ReadyToRun cannot
/// precompile, and the JIT would compile it at every start (docs/performance.md, start-up).
/// </remarks>
internal sealed class ExpressionToken(ExpressionTokenKind kind, string text, int column, double number = 0.0)
{
    /// <summary>The kind of token.</summary>
    public ExpressionTokenKind Kind { get; } = kind;

    /// <summary>The token as written.</summary>
    public string Text { get; } = text;

    /// <summary>The 1-based column of its first character.</summary>
    public int Column { get; } = column;

    /// <summary>The value of a number token.</summary>
    public double Number { get; } = number;

    /// <summary>The token as quoted in an error message.</summary>
    public string Quoted => Kind == ExpressionTokenKind.End ? "end of expression" : $"'{Text}'";
}
