namespace PdeFlows.Runs.Expressions;

/// <summary>
/// An expression that cannot be compiled: a syntax error, an unknown name, a wrong number of
/// arguments or a variable that is not allowed where the expression is used.
/// The message reads like <c>unexpected ')' at column 7</c>.
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception for <paramref name="expressionText"/>.</summary>
    /// <param name="expressionText">The whole expression as written.</param>
    /// <param name="column">The 1-based column of the offending character inside the expression.</param>
    /// <param name="message">The full message, naming the column.</param>
    public ExpressionException(string expressionText, int column, string message)
        : base(message)
    {
        ExpressionText = expressionText;
        Column = column;
    }

    /// <summary>The whole expression as written.</summary>
    public string ExpressionText { get; }

    /// <summary>The 1-based column of the offending character inside the expression.</summary>
    public int Column { get; }
}
