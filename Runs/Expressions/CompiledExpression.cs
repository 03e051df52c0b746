namespace PdeFlows.Runs.Expressions;

/// <summary>
/// An expression in <c>x, y, z, t</c> parsed once into a tree of operations, to be evaluated at many
/// points. Obtain one from <see cref="ExpressionCompiler.Compile(string, ExpressionVariables)"/>.
/// </summary>
public sealed class CompiledExpression
{
    private readonly ExpressionNode root;

    internal CompiledExpression(string text, ExpressionVariables variables, ExpressionNode root)
    {
        Text = text;
        Variables = variables;
        this.root = root;
        Evaluate = root.Evaluate;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The variables the expression actually uses (constants <c>pi</c>, <c>e</c> are not variables).</summary>
    public ExpressionVariables Variables { get; }

    /// <summary>The function <c>(x, y, z, t) ↦ value</c>; unused arguments are ignored.</summary>
    public Func<double, double, double, double, double> Evaluate { get; }

    /// <summary>Whether the expression uses the time <c>t</c>.</summary>
    public bool UsesTime => (Variables & ExpressionVariables.T) != 0;

    /// <summary>Whether the expression uses no variable at all.</summary>
    public bool IsConstant => Variables == ExpressionVariables.None;

    /// <summary>Evaluates the expression at one point.</summary>
    /// <param name="x">First coordinate.</param>
    /// <param name="y">Second coordinate.</param>
    /// <param name="z">Third coordinate.</param>
    /// <param name="t">Time.</param>
    /// <returns>The value of the expression.</returns>
    public double Invoke(double x, double y = 0.0, double z = 0.0, double t = 0.0) => root.Evaluate(x, y, z, t);

    /// <summary>Evaluates the expression at a point of dimension 1–3 (missing coordinates are 0) and time <paramref name="t"/>.</summary>
    /// <param name="x">The point.</param>
    /// <param name="t">Time.</param>
    /// <returns>The value of the expression.</returns>
    public double At(ReadOnlySpan<double> x, double t = 0.0) => root.Evaluate(x[0], x.Length > 1 ? x[1] : 0.0, x.Length > 2 ? x[2] : 0.0, t);

    /// <inheritdoc />
    public override string ToString() => Text;
}
