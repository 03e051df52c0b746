namespace PdeFlows.Runs.Expressions;

/// <summary>
/// A node of a parsed expression: evaluates itself at <c>(x, y, z, t)</c> by evaluating its
/// operands and applying one IEEE operation or one <see cref="Math"/> function, in the order the
/// source writes them (no reassociation, no fused multiply–add), so a value is that of the same
/// formula written out in C#.
/// </summary>
/// <remarks>
/// Why a tree of sealed classes instead of <c>System.Linq.Expressions</c> compiled to IL: building
/// and JIT-compiling a dynamic method costs ~20 ms at every start of <c>pdeflows run</c>, while this
/// tree is precompiled with the rest of the assembly (docs/performance.md, start-up). The nodes are
/// immutable, so one tree is evaluated from several threads at once.
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
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) + right.Evaluate(x, y, z, t);
}

/// <summary><c>a − b</c>.</summary>
internal sealed class DifferenceNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) - right.Evaluate(x, y, z, t);
}

/// <summary><c>a · b</c>.</summary>
internal sealed class ProductNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) * right.Evaluate(x, y, z, t);
}

/// <summary><c>a / b</c>.</summary>
internal sealed class QuotientNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => left.Evaluate(x, y, z, t) / right.Evaluate(x, y, z, t);
}

/// <summary><c>−a</c>.</summary>
internal sealed class NegationNode(ExpressionNode operand) : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => -operand.Evaluate(x, y, z, t);
}

/// <summary><c>a^2</c> as <c>a·a</c> with <c>a</c> evaluated once (one correctly rounded product).</summary>
internal sealed class SquareNode(ExpressionNode basis) : ExpressionNode
{
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
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Pow(basis.Evaluate(x, y, z, t), exponent.Evaluate(x, y, z, t));
}

/// <summary>A function of one argument, by its <see cref="Math"/> method.</summary>
internal sealed class UnaryFunctionNode(ExpressionFunction function, ExpressionNode argument) : ExpressionNode
{
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
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Min(first.Evaluate(x, y, z, t), second.Evaluate(x, y, z, t));
}

/// <summary><c>max(a, b)</c> by <see cref="Math.Max(double, double)"/>.</summary>
internal sealed class MaximumNode(ExpressionNode first, ExpressionNode second) : ExpressionNode
{
    /// <inheritdoc />
    public override double Evaluate(double x, double y, double z, double t) => Math.Max(first.Evaluate(x, y, z, t), second.Evaluate(x, y, z, t));
}
