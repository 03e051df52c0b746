namespace PdeFlows.Runs.Expressions;

/// <summary>
/// An expression in <c>x, y, z, t</c> parsed once into a tree of operations, to be evaluated at many
/// points. Obtain one from <see cref="ExpressionCompiler.Compile(string, ExpressionVariables)"/>.
/// </summary>
/// <remarks>
/// The first <see cref="CompileAfter"/> evaluations walk the tree (precompiled: nothing to generate
/// at start-up, which is what a 1-D run needs); after that the tree is compiled to a delegate
/// (<see cref="ExpressionTreeCompiler"/>, ~20 ms) that is several times faster, which is what the
/// tens of millions of quadrature points of a 3-D run need. Both compute the same operations in the
/// same order, so a value does not depend on which one computed it (ExpressionBitwiseTests).
/// Safe to evaluate from several threads.
/// </remarks>
public sealed class CompiledExpression
{
    /// <summary>Evaluations through the tree before the delegate is compiled (a compilation costs what ~3·10⁵ tree walks cost).</summary>
    internal const int CompileAfter = 1 << 17;

    private readonly ExpressionNode root;
    private Func<double, double, double, double, double>? compiled;
    private int evaluations;
    private int compiling;

    internal CompiledExpression(string text, ExpressionVariables variables, ExpressionNode root)
    {
        Text = text;
        Variables = variables;
        this.root = root;
        Evaluate = Invoke;
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

    /// <summary>Whether the tree has been compiled to a delegate (after <see cref="CompileAfter"/> evaluations).</summary>
    internal bool IsCompiled => Volatile.Read(ref compiled) is not null;

    /// <summary>Evaluates the expression at one point.</summary>
    /// <param name="x">First coordinate.</param>
    /// <param name="y">Second coordinate.</param>
    /// <param name="z">Third coordinate.</param>
    /// <param name="t">Time.</param>
    /// <returns>The value of the expression.</returns>
    public double Invoke(double x, double y = 0.0, double z = 0.0, double t = 0.0)
    {
        var function = Volatile.Read(ref compiled);
        if (function is not null)
        {
            return function(x, y, z, t);
        }

        // A plain count: threads racing here may lose increments, which only delays the compilation.
        if (++evaluations >= CompileAfter && Interlocked.Exchange(ref compiling, 1) == 0)
        {
            Volatile.Write(ref compiled, ExpressionTreeCompiler.Compile(root));
        }

        return root.Evaluate(x, y, z, t);
    }

    /// <summary>Evaluates the expression at a point of dimension 1–3 (missing coordinates are 0) and time <paramref name="t"/>.</summary>
    /// <param name="x">The point.</param>
    /// <param name="t">Time.</param>
    /// <returns>The value of the expression.</returns>
    public double At(ReadOnlySpan<double> x, double t = 0.0) => Invoke(x[0], x.Length > 1 ? x[1] : 0.0, x.Length > 2 ? x[2] : 0.0, t);

    /// <summary>The value by walking the tree, never by the compiled delegate (tests compare the two).</summary>
    internal double EvaluateTree(double x, double y, double z, double t) => root.Evaluate(x, y, z, t);

    /// <summary>The tree compiled to a delegate now, whatever the count (tests compare the two).</summary>
    internal Func<double, double, double, double, double> CompileTree() => ExpressionTreeCompiler.Compile(root);

    /// <inheritdoc />
    public override string ToString() => Text;
}
