namespace PdeFlows.Runs.Expressions;

/// <summary>The functions of the expression language.</summary>
internal enum ExpressionFunction
{
    Exp,
    Log,
    Sqrt,
    Abs,
    Sin,
    Cos,
    Tan,
    Tanh,
    Min,
    Max,
}

/// <summary>
/// The names of the functions, constants and variables of the expression language. Plain switches,
/// not dictionaries or reflection: this runs at every start, where each dictionary of a value type
/// is a generic instantiation for the JIT (docs/performance.md, start-up).
/// </summary>
internal static class ExpressionFunctions
{
    /// <summary>The function names for error messages, in the order the documentation lists them.</summary>
    public const string FunctionList = "exp, log, sqrt, abs, sin, cos, tan, tanh, min, max";

    /// <summary>The function called <paramref name="name"/>, if there is one.</summary>
    public static bool TryGetFunction(string name, out ExpressionFunction function)
    {
        switch (name)
        {
            case "exp": function = ExpressionFunction.Exp; return true;
            case "log": function = ExpressionFunction.Log; return true;
            case "sqrt": function = ExpressionFunction.Sqrt; return true;
            case "abs": function = ExpressionFunction.Abs; return true;
            case "sin": function = ExpressionFunction.Sin; return true;
            case "cos": function = ExpressionFunction.Cos; return true;
            case "tan": function = ExpressionFunction.Tan; return true;
            case "tanh": function = ExpressionFunction.Tanh; return true;
            case "min": function = ExpressionFunction.Min; return true;
            case "max": function = ExpressionFunction.Max; return true;
            default: function = default; return false;
        }
    }

    /// <summary>The number of arguments of <paramref name="function"/>.</summary>
    public static int Arity(ExpressionFunction function) => function is ExpressionFunction.Min or ExpressionFunction.Max ? 2 : 1;

    /// <summary>The named constant <paramref name="name"/> (<c>pi</c>, <c>e</c>), if it is one.</summary>
    public static bool TryGetConstant(string name, out double value)
    {
        switch (name)
        {
            case "pi": value = Math.PI; return true;
            case "e": value = Math.E; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>The variable <paramref name="name"/>: its flag (<see cref="ExpressionVariables.None"/> when it is not a variable).</summary>
    public static ExpressionVariables Variable(string name) => name switch
    {
        "x" => ExpressionVariables.X,
        "y" => ExpressionVariables.Y,
        "z" => ExpressionVariables.Z,
        "t" => ExpressionVariables.T,
        _ => ExpressionVariables.None,
    };

    /// <summary>The list of allowed names for error messages, e.g. <c>x, y, z, t, pi, e</c>.</summary>
    public static string AllowedNames(ExpressionVariables allowed) =>
        ((allowed & ExpressionVariables.X) != 0 ? "x, " : "") +
        ((allowed & ExpressionVariables.Y) != 0 ? "y, " : "") +
        ((allowed & ExpressionVariables.Z) != 0 ? "z, " : "") +
        ((allowed & ExpressionVariables.T) != 0 ? "t, " : "") +
        "pi, e";
}
