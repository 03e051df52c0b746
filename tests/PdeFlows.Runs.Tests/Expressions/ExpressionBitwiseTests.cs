using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Tests.Expressions;

/// <summary>
/// The expression tree gives, bit for bit, the value of the same formula written out by hand in C#:
/// the same IEEE operations in the order the text writes them (left-associative sums and products,
/// <c>a^2</c> as one product <c>a*a</c>, other powers by <see cref="Math.Pow(double, double)"/>,
/// constant sub-expressions folded as C# folds them), the same <see cref="Math"/> functions, whether
/// the tree is walked or compiled to a delegate (an expression switches from the one to the other
/// after <see cref="CompiledExpression.CompileAfter"/> evaluations). Exact equality, no tolerance: a
/// case file's numbers must not move with the evaluator.
/// </summary>
public class ExpressionBitwiseTests
{
    /// <summary>Each expression with an independent hand-written reference.</summary>
    public static TheoryData<string> Expressions => [.. References.Keys];

    private static readonly Dictionary<string, Func<double, double, double, double, double>> References = new()
    {
        // The case files' own expressions (bench/cases, examples).
        ["2*(x^2-1)^2 + 0.3*x"] = (x, y, z, t) => (2 * ((x * x - 1) * (x * x - 1))) + (0.3 * x),
        ["exp(-(x-1)^2/(2*0.2^2))"] = (x, y, z, t) => Math.Exp(-((x - 1) * (x - 1)) / (2 * (0.2 * 0.2))),
        ["exp(-((x+1)^2+y^2+z^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2+(z-0.5)^2)/0.8)"] = (x, y, z, t) =>
            Math.Exp(-((((x + 1) * (x + 1)) + (y * y)) + (z * z)) / 0.5)
            + (2 * Math.Exp(-((((x - 1.5) * (x - 1.5)) + ((y - 1) * (y - 1))) + ((z - 0.5) * (z - 0.5))) / 0.8)),
        // Powers: general, negative, right-associative, of a sum, of e.
        ["abs(x)^2.5 * exp(-t) + y^3 - abs(z)^0.5"] = (x, y, z, t) => ((Math.Pow(Math.Abs(x), 2.5) * Math.Exp(-t)) + Math.Pow(y, 3)) - Math.Pow(Math.Abs(z), 0.5),
        ["-x^2 + 2^-y"] = (x, y, z, t) => -(x * x) + Math.Pow(2, -y),
        ["abs(x)^abs(y)^0.5"] = (x, y, z, t) => Math.Pow(Math.Abs(x), Math.Pow(Math.Abs(y), 0.5)),
        ["(x+y)^2 - (x-y)^2"] = (x, y, z, t) => ((x + y) * (x + y)) - ((x - y) * (x - y)),
        ["e^x - pi*x/4"] = (x, y, z, t) => Math.Pow(Math.E, x) - (Math.PI * x / 4),
        // Left-associative chains, where another association gives other bits.
        ["x*0.1*0.3 - x*(0.1*0.3)"] = (x, y, z, t) => (x * 0.1 * 0.3) - (x * (0.1 * 0.3)),
        ["x + y + z + t - (x + (y + (z + t)))"] = (x, y, z, t) => (x + y + z + t) - (x + (y + (z + t))),
        ["x/y/z*t"] = (x, y, z, t) => x / y / z * t,
        ["x - -y - +z"] = (x, y, z, t) => x - -y - z,
        // Every function, nested.
        ["sqrt(abs(sin(x)*cos(y))) + tan(z)*tanh(t)"] = (x, y, z, t) => Math.Sqrt(Math.Abs(Math.Sin(x) * Math.Cos(y))) + (Math.Tan(z) * Math.Tanh(t)),
        ["log(1 + x^2) - min(x, y)/3 + max(z, t)"] = (x, y, z, t) => Math.Log(1 + (x * x)) - (Math.Min(x, y) / 3) + Math.Max(z, t),
        ["1/(1 + exp(-x/0.1))"] = (x, y, z, t) => 1 / (1 + Math.Exp(-x / 0.1)),
        // Constants folded while parsing, with the values C# folds them to.
        ["x*(1/3 + 2^0.5 - sqrt(2)*exp(1) + log(pi)^2)"] = (x, y, z, t) => x * ((1.0 / 3) + Math.Pow(2, 0.5) - (Math.Sqrt(2) * Math.Exp(1)) + (Math.Log(Math.PI) * Math.Log(Math.PI))),
        ["-(-(0.1 + 0.2)) * x + min(0.1*3, 0.3)"] = (x, y, z, t) => (-(-(0.1 + 0.2)) * x) + Math.Min(0.1 * 3, 0.3),
    };

    /// <summary>Points where every reference is finite or at least defined: signs, zero, small and large magnitudes.</summary>
    private static IEnumerable<(double X, double Y, double Z, double T)> Points()
    {
        double[] special = [0.0, 1.0, -1.0, 0.1, 1e-300, 3.7e5, -2.5];
        foreach (double x in special)
        {
            yield return (x, 0.75, 1.5, 0.3);
            yield return (0.6, x, -0.4, 2.0);
        }

        var random = new Random(20261130);
        for (int k = 0; k < 2000; k++)
        {
            yield return (Draw(random), Draw(random), Draw(random), Draw(random));
        }
    }

    private static double Draw(Random random) => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 4));

    /// <summary>Equal bits, or both NaN (a NaN's payload is the hardware's business, not the formula's).</summary>
    internal static void AssertSameBits(double expected, double actual, string context)
    {
        bool same = BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual));
        Assert.True(same, $"{context}: expected {expected:R} ({BitConverter.DoubleToInt64Bits(expected):X16}), got {actual:R} ({BitConverter.DoubleToInt64Bits(actual):X16})");
    }

    [Fact]
    public void The_bit_comparison_sees_one_unit_in_the_last_place()
    {
        double value = 0.1;
        double next = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) + 1);
        Assert.ThrowsAny<Exception>(() => AssertSameBits(value, next, "one ulp"));
        Assert.ThrowsAny<Exception>(() => AssertSameBits(0.0, -0.0, "signed zero"));
        AssertSameBits(double.NaN, Math.Log(-1), "both NaN");
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Values_equal_the_hand_written_formula_bit_for_bit(string text)
    {
        var reference = References[text];
        CompiledExpression compiled = ExpressionCompiler.Compile(text);
        Func<double, double, double, double, double> evaluate = compiled.Evaluate;
        Func<double, double, double, double, double> generated = compiled.CompileTree();
        int compared = 0;
        foreach (var (x, y, z, t) in Points())
        {
            double expected = reference(x, y, z, t);
            string at = $"{text} at ({x:R}, {y:R}, {z:R}, {t:R})";
            AssertSameBits(expected, compiled.EvaluateTree(x, y, z, t), at + " walking the tree");
            AssertSameBits(expected, generated(x, y, z, t), at + " by the compiled tree");
            AssertSameBits(expected, compiled.Invoke(x, y, z, t), at);
            AssertSameBits(expected, compiled.At([x, y, z], t), at + " through At");
            AssertSameBits(expected, evaluate(x, y, z, t), at + " through the delegate");
            compared += double.IsNaN(expected) ? 0 : 1;
        }

        // Most points must give numbers: a formula that is NaN everywhere would compare nothing.
        Assert.True(compared > 1000, $"{text}: only {compared} points gave a number");
    }

    [Fact]
    public void Association_is_observable_at_these_points()
    {
        // The chains above test something only if another association would give other bits somewhere.
        CompiledExpression products = ExpressionCompiler.Compile("x*0.1*0.3 - x*(0.1*0.3)");
        CompiledExpression sums = ExpressionCompiler.Compile("x + y + z + t - (x + (y + (z + t)))");
        Assert.Contains(Points(), p => products.Invoke(p.X) != 0);
        Assert.Contains(Points(), p => sums.Invoke(p.X, p.Y, p.Z, p.T) != 0);
    }

    [Fact]
    public void One_tree_is_evaluated_from_several_threads_and_compiled_on_the_way()
    {
        CompiledExpression potential = ExpressionCompiler.Compile("2*(x^2-1)^2 + 0.3*x");
        var reference = References["2*(x^2-1)^2 + 0.3*x"];
        var values = new double[3 * CompiledExpression.CompileAfter];
        Parallel.For(0, values.Length, i => values[i] = potential.Invoke(-3 + (6.0 * i / values.Length)));
        for (int i = 0; i < values.Length; i++)
        {
            AssertSameBits(reference(-3 + (6.0 * i / values.Length), 0, 0, 0), values[i], $"node {i}");
        }

        // Threads racing on the count may lose increments (which only delays the switch); one more
        // threshold of evaluations on this thread reaches it for sure, and the values stay the same.
        for (int i = 0; i < CompiledExpression.CompileAfter; i++)
        {
            potential.Invoke(0.5);
        }

        Assert.True(potential.IsCompiled, "the tree was not compiled after its threshold of evaluations");
        for (int i = 0; i < values.Length; i += 97)
        {
            double x = -3 + (6.0 * i / values.Length);
            AssertSameBits(reference(x, 0, 0, 0), potential.Invoke(x), $"node {i} after the compilation");
        }

        Assert.False(ExpressionCompiler.Compile("x").IsCompiled);
    }
}
