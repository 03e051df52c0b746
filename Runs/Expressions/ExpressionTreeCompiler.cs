using System.Linq.Expressions;
using System.Reflection;

namespace PdeFlows.Runs.Expressions;

/// <summary>
/// Compiles an <see cref="ExpressionNode"/> tree to a delegate through <c>System.Linq.Expressions</c>:
/// node for node the same operations in the same order (<c>a^2</c> through a temporary, the same
/// <see cref="Math"/> methods), so the delegate's values are the tree's, bit for bit. Worth its
/// ~20 ms (the first time in a process) only for an expression evaluated hundreds of thousands of
/// times (<see cref="CompiledExpression"/> decides).
/// </summary>
internal static class ExpressionTreeCompiler
{
    /// <summary>The delegate <c>(x, y, z, t) ↦ value</c> of <paramref name="root"/>.</summary>
    public static Func<double, double, double, double, double> Compile(ExpressionNode root)
    {
        ParameterExpression[] parameters =
        [
            Expression.Parameter(typeof(double), "x"),
            Expression.Parameter(typeof(double), "y"),
            Expression.Parameter(typeof(double), "z"),
            Expression.Parameter(typeof(double), "t"),
        ];
        return Expression.Lambda<Func<double, double, double, double, double>>(Translate(root, parameters), parameters).Compile();
    }

    private static Expression Translate(ExpressionNode node, ParameterExpression[] p) => node switch
    {
        ConstantNode constant => Expression.Constant(constant.Value),
        XNode => p[0],
        YNode => p[1],
        ZNode => p[2],
        TNode => p[3],
        SumNode sum => Expression.Add(Translate(sum.Left, p), Translate(sum.Right, p)),
        DifferenceNode difference => Expression.Subtract(Translate(difference.Left, p), Translate(difference.Right, p)),
        ProductNode product => Expression.Multiply(Translate(product.Left, p), Translate(product.Right, p)),
        QuotientNode quotient => Expression.Divide(Translate(quotient.Left, p), Translate(quotient.Right, p)),
        NegationNode negation => Expression.Negate(Translate(negation.Operand, p)),
        SquareNode square => Square(Translate(square.Basis, p)),
        PowerNode power => Expression.Call(Method(nameof(Math.Pow), 2), Translate(power.Basis, p), Translate(power.Exponent, p)),
        UnaryFunctionNode function => Expression.Call(Method(function.Function.ToString(), 1), Translate(function.Argument, p)),
        MinimumNode minimum => Expression.Call(Method(nameof(Math.Min), 2), Translate(minimum.First, p), Translate(minimum.Second, p)),
        MaximumNode maximum => Expression.Call(Method(nameof(Math.Max), 2), Translate(maximum.First, p), Translate(maximum.Second, p)),
        _ => throw new InvalidOperationException($"no translation for {node.GetType().Name}"),
    };

    /// <summary><c>a*a</c>, through a temporary when <paramref name="basis"/> is not a variable.</summary>
    private static Expression Square(Expression basis)
    {
        if (basis is ParameterExpression)
        {
            return Expression.Multiply(basis, basis);
        }

        ParameterExpression temporary = Expression.Variable(typeof(double), "square");
        return Expression.Block(typeof(double), [temporary], Expression.Assign(temporary, basis), Expression.Multiply(temporary, temporary));
    }

    /// <summary>The <see cref="Math"/> method <paramref name="name"/> of <paramref name="arity"/> doubles (the enum names are the method names).</summary>
    private static MethodInfo Method(string name, int arity) =>
        typeof(Math).GetMethod(name, arity == 1 ? [typeof(double)] : [typeof(double), typeof(double)])
        ?? throw new InvalidOperationException($"no Math.{name} of {arity} doubles");
}
