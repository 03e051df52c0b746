using PdeFlows.Runs.Expressions;

namespace PdeFlows.Fuzz;

/// <summary>
/// The expression parser and compiler: every bad expression must be an <see cref="ExpressionException"/>;
/// a compiled expression is evaluated at a few points (evaluation never throws: it gives NaN or ±∞).
/// </summary>
internal sealed class ExpressionHarness : IFuzzTarget
{
    private static readonly double[][] Points = [[0, 0, 0, 0], [1.5, -2, 0.25, 3], [-1e300, 1e-300, double.Epsilon, 0]];

    public string Name => "expression";

    public string Description => "ExpressionCompiler.Compile (all variables) and evaluation; expected error: ExpressionException";

    public string? Run(string text)
    {
        try
        {
            CompiledExpression expression = ExpressionCompiler.Compile(text, ExpressionVariables.All);
            foreach (double[] p in Points)
            {
                _ = expression.Invoke(p[0], p[1], p[2], p[3]);
            }

            return null;
        }
        catch (ExpressionException e)
        {
            return e.Message;
        }
    }
}
