namespace PdeFlows.Runs.Expressions;

/// <summary>
/// A node of a parsed expression: evaluates itself at <c>(x, y, z, t)</c> by evaluating its
/// operands and applying one IEEE operation or one <see cref="Math"/> function, in the order the
/// source writes them (no reassociation, no fused multiply–add), so a value is that of the same
/// formula written out in C#.
/// </summary>
/// <remarks>
/// Why a tree of sealed classes: building and JIT-compiling a <c>System.Linq.Expressions</c> dynamic
/// method costs ~20 ms at every start of <c>pdeflows run</c>, while this tree is precompiled with the
/// rest of the assembly (docs/performance.md, start-up). An expression evaluated many times (3-D
/// quadrature: tens of millions of points) is compiled after all, from this tree
/// (<see cref="ExpressionTreeCompiler"/>), to the same operations. The nodes are immutable, so one
/// tree is evaluated from several threads at once.
/// </remarks>
internal abstract class ExpressionNode
{
    /// <summary>Whether the node is a constant (its operands are then folded into it by the parser).</summary>
    public virtual bool IsConstant => false;

    /// <summary>The value at <c>(x, y, z, t)</c>.</summary>
    public abstract double Evaluate(double x, double y, double z, double t);
}

/// <summary>A number or named constant (or a folded constant sub-expression).</summary>
internal sealed class ConstantNode(double value) : ExpressionNode
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public override bool IsConstant => true;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Value;
}

/// <summary>The variable <c>x</c>.</summary>
internal sealed class XNode : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => x;
}

/// <summary>The variable <c>y</c>.</summary>
internal sealed class YNode : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => y;
}

/// <summary>The variable <c>z</c>.</summary>
internal sealed class ZNode : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => z;
}

/// <summary>The variable <c>t</c>.</summary>
internal sealed class TNode : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => t;
}

/// <summary><c>a + b</c>.</summary>
internal sealed class SumNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <summary>The left operand.</summary>
    public ExpressionNode Left => left;

    /// <summary>The right operand.</summary>
    public ExpressionNode Right => right;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) + right.Evaluate(x, y, z, t);
}

/// <summary><c>a − b</c>.</summary>
internal sealed class DifferenceNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <summary>The left operand.</summary>
    public ExpressionNode Left => left;

    /// <summary>The right operand.</summary>
    public ExpressionNode Right => right;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) - right.Evaluate(x, y, z, t);
}

/// <summary><c>a · b</c>.</summary>
internal sealed class ProductNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <summary>The left operand.</summary>
    public ExpressionNode Left => left;

    /// <summary>The right operand.</summary>
    public ExpressionNode Right => right;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) * right.Evaluate(x, y, z, t);
}

/// <summary><c>a / b</c>.</summary>
internal sealed class QuotientNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <summary>The left operand.</summary>
    public ExpressionNode Left => left;

    /// <summary>The right operand.</summary>
    public ExpressionNode Right => right;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) / right.Evaluate(x, y, z, t);
}

/// <summary><c>−a</c>.</summary>
internal sealed class NegationNode(ExpressionNode operand) : ExpressionNode
{
    /// <summary>The operand.</summary>
    public ExpressionNode Operand => operand;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => -operand.Evaluate(x, y, z, t);
}

/// <summary><c>a^2</c> as <c>a·a</c> with <c>a</c> evaluated once (one correctly rounded product).</summary>
internal sealed class SquareNode(ExpressionNode basis) : ExpressionNode
{
    /// <summary>The number squared.</summary>
    public ExpressionNode Basis => basis;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t)
    {
        double value = basis.Evaluate(x, y, z, t);
        return value * value;
    }
}

/// <summary><c>a^b</c> by <see cref="Math.Pow(double, double)"/>.</summary>
internal sealed class PowerNode(ExpressionNode basis, ExpressionNode exponent) : ExpressionNode
{
    /// <summary>The base.</summary>
    public ExpressionNode Basis => basis;

    /// <summary>The exponent.</summary>
    public ExpressionNode Exponent => exponent;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Pow(basis.Evaluate(x, y, z, t), exponent.Evaluate(x, y, z, t));
}

/// <summary>A function of one argument, by its <see cref="Math"/> method.</summary>
internal sealed class UnaryFunctionNode(ExpressionFunction function, ExpressionNode argument) : ExpressionNode
{
    /// <summary>The function.</summary>
    public ExpressionFunction Function => function;

    /// <summary>The argument.</summary>
    public ExpressionNode Argument => argument;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t)
    {
        double a = argument.Evaluate(x, y, z, t);
        return function switch
        {
            ExpressionFunction.Exp => Math.Exp(a),
            ExpressionFunction.Log => Math.Log(a),
            ExpressionFunction.Sqrt => Math.Sqrt(a),
            ExpressionFunction.Abs => Math.Abs(a),
            ExpressionFunction.Sin => Math.Sin(a),
            ExpressionFunction.Cos => Math.Cos(a),
            ExpressionFunction.Tan => Math.Tan(a),
            ExpressionFunction.Tanh => Math.Tanh(a),
            _ => throw new InvalidOperationException($"{function} is not a function of one argument"),
        };
    }
}

/// <summary><c>min(a, b)</c> by <see cref="Math.Min(double, double)"/>.</summary>
internal sealed class MinimumNode(ExpressionNode first, ExpressionNode second) : ExpressionNode
{
    /// <summary>The first argument.</summary>
    public ExpressionNode First => first;

    /// <summary>The second argument.</summary>
    public ExpressionNode Second => second;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Min(first.Evaluate(x, y, z, t), second.Evaluate(x, y, z, t));
}

/// <summary><c>max(a, b)</c> by <see cref="Math.Max(double, double)"/>.</summary>
internal sealed class MaximumNode(ExpressionNode first, ExpressionNode second) : ExpressionNode
{
    /// <summary>The first argument.</summary>
    public ExpressionNode First => first;

    /// <summary>The second argument.</summary>
    public ExpressionNode Second => second;

    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Max(first.Evaluate(x, y, z, t), second.Evaluate(x, y, z, t));
}
