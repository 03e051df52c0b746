namespace PdeFlows.Runs.Expressions;

/// <summary>
/// Compiles the case-file expression language into a function <c>(x, y, z, t) ↦ value</c>.
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
/// get precedence wrong, so a small recursive-descent parser builds a tree of
/// <see cref="ExpressionNode"/>s with exact 1-based columns in every error. (It used to compile to
/// <c>System.Linq.Expressions</c>; the tree gives the same values, bit for bit, without ~20 ms of
/// code generation at every start: docs/performance.md, start-up.)
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
        var parser = new ExpressionParser(text, allowed);
        ExpressionNode root = parser.ParseWhole();
        return new CompiledExpression(text, parser.Used, root);
    }

    /// <summary>Checks <paramref name="text"/> without compiling a delegate.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="allowed">The variables the expression may use.</param>
    /// <returns>The variables the expression uses.</returns>
    /// <exception cref="ExpressionException">As <see cref="Compile"/>.</exception>
    public static ExpressionVariables Check(string text, ExpressionVariables allowed = ExpressionVariables.All)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text, allowed);
        parser.ParseWhole();
        return parser.Used;
    }
}
