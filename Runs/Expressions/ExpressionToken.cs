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
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, string Text, int Column, double Number = 0.0)
{
    /// <summary>The token as quoted in an error message.</summary>
    public string Quoted => Kind == ExpressionTokenKind.End ? "end of expression" : $"'{Text}'";
}
