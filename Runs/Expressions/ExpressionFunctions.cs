using System.Reflection;

namespace PdeFlows.Runs.Expressions;

/// <summary>The functions and constants of the expression language, and the methods they compile to.</summary>
internal static class ExpressionFunctions
{
    /// <summary>A function: its arity and the <see cref="Math"/> method that computes it.</summary>
    public readonly record struct Function(int Arity, MethodInfo Method);

    /// <summary>Function name → definition, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyDictionary<string, Function> Functions = new Dictionary<string, Function>
    {
        ["exp"] = Unary(nameof(Math.Exp)),
        ["log"] = Unary(nameof(Math.Log)),
        ["sqrt"] = Unary(nameof(Math.Sqrt)),
        ["abs"] = Unary(nameof(Math.Abs)),
        ["sin"] = Unary(nameof(Math.Sin)),
        ["cos"] = Unary(nameof(Math.Cos)),
        ["tan"] = Unary(nameof(Math.Tan)),
        ["tanh"] = Unary(nameof(Math.Tanh)),
        ["min"] = Binary(nameof(Math.Min)),
        ["max"] = Binary(nameof(Math.Max)),
    };

    /// <summary>Named constants.</summary>
    public static readonly IReadOnlyDictionary<string, double> Constants = new Dictionary<string, double>
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    /// <summary>The names of the variables with their flags, in argument order.</summary>
    public static readonly IReadOnlyList<(string Name, ExpressionVariables Flag)> Variables =
    [
        ("x", ExpressionVariables.X),
        ("y", ExpressionVariables.Y),
        ("z", ExpressionVariables.Z),
        ("t", ExpressionVariables.T),
    ];

    /// <summary><see cref="Math.Pow(double, double)"/>.</summary>
    public static readonly MethodInfo Power = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;

    /// <summary>The list of function names for error messages: <c>exp, log, ...</c>.</summary>
    public static string FunctionList => string.Join(", ", Functions.Keys);

    /// <summary>The list of allowed names for error messages, e.g. <c>x, y, z, t, pi, e</c>.</summary>
    public static string AllowedNames(ExpressionVariables allowed) =>
        string.Join(", ", Variables.Where(v => (allowed & v.Flag) != 0).Select(v => v.Name).Concat(Constants.Keys));

    private static Function Unary(string name) =>
        new(1, typeof(Math).GetMethod(name, [typeof(double)])!);

    private static Function Binary(string name) =>
        new(2, typeof(Math).GetMethod(name, [typeof(double), typeof(double)])!);
}
