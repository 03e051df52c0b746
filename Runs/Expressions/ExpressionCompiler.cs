using System.Linq.Expressions;

namespace PdeFlows.Runs.Expressions;

/// <summary>
/// Compiles the case-file expression language into a fast delegate <c>(x, y, z, t) ↦ value</c>.
/// </summary>
/// <remarks>
/// The language: variables <c>x, y, z, t</c>; constants <c>pi, e</c>; numbers such as <c>2</c>,
/// <c>.5</c>, <c>1e-3</c>; <c>+ - * /</c>; <c>^</c> is the power, right-associative and binding
/// tighter than unary minus (<c>-x^2 = -(x^2)</c>, <c>2^3^2 = 512</c>); parentheses; the functions
/// <c>exp, log, sqrt, abs, sin, cos, tan, tanh</c> of one argument and <c>min, max</c> of two.
/// <para>
/// Why not a library: NCalcSync 7.4.0 and DynamicExpresso.Core 2.19.6 (both probed here) read
/// <c>^</c> as bitwise XOR (<c>2^3</c> evaluates to 1 in both; <c>2.0^3.0</c> is an invalid
/// operation in DynamicExpresso), and NCalc's parse errors carry no position ("Error parsing the
/// expression."). Rewriting <c>^</c> before handing the text over would shift columns and still
/// get precedence wrong, so a small recursive-descent parser compiles straight to
/// <see cref="System.Linq.Expressions"/> with exact 1-based columns in every error.
/// </para>
/// </remarks>
public static class ExpressionCompiler
{
    /// <summary>Compiles <paramref name="text"/> once; evaluate the result at as many points as needed.</summary>
    /// <param name="text">The expression, e.g. <c>2*(x^2 - 1)^2 + 0.3*x</c>.</param>
    /// <param name="allowed">The variables the expression may use; using another one is an error naming its column.</param>
    /// <returns>The compiled expression, with the set of variables it uses.</returns>
    /// <exception cref="ExpressionException">A syntax error, an unknown or disallowed name, or a wrong argument count.</exception>
    public static CompiledExpression Compile(string text, ExpressionVariables allowed = ExpressionVariables.All)
    {
        ArgumentNullException.ThrowIfNull(text);
        ParameterExpression[] parameters =
        [
            Expression.Parameter(typeof(double), "x"),
            Expression.Parameter(typeof(double), "y"),
            Expression.Parameter(typeof(double), "z"),
            Expression.Parameter(typeof(double), "t"),
        ];
        var parser = new ExpressionParser(text, allowed, parameters);
        Expression body = parser.ParseWhole();
        Func<double, double, double, double, double> evaluate =
            Expression.Lambda<Func<double, double, double, double, double>>(body, parameters).Compile();
        return new CompiledExpression(text, parser.Used, evaluate);
    }

    /// <summary>Checks <paramref name="text"/> without compiling a delegate.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="allowed">The variables the expression may use.</param>
    /// <returns>The variables the expression uses.</returns>
    /// <exception cref="ExpressionException">As <see cref="Compile"/>.</exception>
    public static ExpressionVariables Check(string text, ExpressionVariables allowed = ExpressionVariables.All)
    {
        ArgumentNullException.ThrowIfNull(text);
        ParameterExpression[] parameters =
        [
            Expression.Parameter(typeof(double), "x"),
            Expression.Parameter(typeof(double), "y"),
            Expression.Parameter(typeof(double), "z"),
            Expression.Parameter(typeof(double), "t"),
        ];
        var parser = new ExpressionParser(text, allowed, parameters);
        parser.ParseWhole();
        return parser.Used;
    }
}
