using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Tests.Expressions;

public class ExpressionCompilerTests
{
    private static double Eval(string text, double x = 0, double y = 0, double z = 0, double t = 0) =>
        ExpressionCompiler.Compile(text).Invoke(x, y, z, t);

    /// <summary>Relative agreement to <paramref name="tolerance"/>, with the values in the failure message.</summary>
    internal static void AssertClose(double expected, double actual, double tolerance = 1e-15, string? context = null)
    {
        double scale = Math.Max(Math.Abs(expected), double.Epsilon);
        bool ok = expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * scale;
        Assert.True(ok, $"{context}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / scale:E2} > {tolerance:E0})");
    }

    [Fact]
    public void Closeness_check_can_fail()
    {
        Assert.ThrowsAny<Exception>(() => AssertClose(1.0, 1.0 + 1e-14));
    }

    [Theory]
    [InlineData("2^3^2", 512.0)]
    [InlineData("(2^3)^2", 64.0)]
    [InlineData("-2^2", -4.0)]
    [InlineData("(-2)^2", 4.0)]
    [InlineData("2^-1", 0.5)]
    [InlineData("-2^-2", -0.25)]
    [InlineData("2*3^2", 18.0)]
    [InlineData("1+2*3", 7.0)]
    [InlineData("(1+2)*3", 9.0)]
    [InlineData("8/4/2", 1.0)]
    [InlineData("8-4-2", 2.0)]
    [InlineData("--3", 3.0)]
    [InlineData("+3 - -2", 5.0)]
    [InlineData("2*-3", -6.0)]
    [InlineData("1e-3", 0.001)]
    [InlineData(".5", 0.5)]
    [InlineData("2.5E+2", 250.0)]
    [InlineData("3.", 3.0)]
    [InlineData("  1 +\t2  ", 3.0)]
    [InlineData("2 \u2212 3", -1.0)]
    public void Precedence_and_power(string text, double expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Fact]
    public void Variables_are_read_from_their_arguments()
    {
        Assert.Equal(9.0, Eval("x^2", x: 3));
        Assert.Equal(-9.0, Eval("-x^2", x: 3));
        Assert.Equal(1.0 + 20.0 + 300.0 + 4000.0, Eval("x + 10*y + 100*z + 1000*t", 1, 2, 3, 4));
    }

    [Fact]
    public void Constants_are_pi_and_e()
    {
        Assert.Equal(Math.PI, Eval("pi"));
        Assert.Equal(Math.E, Eval("e"));
        Assert.Equal(Math.E * Math.PI, Eval("e*pi"));
    }

    [Theory]
    [InlineData("exp(x)")]
    [InlineData("log(x)")]
    [InlineData("sqrt(x)")]
    [InlineData("abs(x)")]
    [InlineData("sin(x)")]
    [InlineData("cos(x)")]
    [InlineData("tan(x)")]
    [InlineData("tanh(x)")]
    [InlineData("min(x, y)")]
    [InlineData("max(x, y)")]
    public void Every_function_matches_System_Math(string text)
    {
        Func<double, double, double> reference = text[..text.IndexOf('(')] switch
        {
            "exp" => (x, _) => Math.Exp(x),
            "log" => (x, _) => Math.Log(x),
            "sqrt" => (x, _) => Math.Sqrt(x),
            "abs" => (x, _) => Math.Abs(x),
            "sin" => (x, _) => Math.Sin(x),
            "cos" => (x, _) => Math.Cos(x),
            "tan" => (x, _) => Math.Tan(x),
            "tanh" => (x, _) => Math.Tanh(x),
            "min" => Math.Min,
            "max" => Math.Max,
            _ => throw new InvalidOperationException(text),
        };
        CompiledExpression compiled = ExpressionCompiler.Compile(text);
        foreach (double x in new[] { 0.1, 0.5, 1.0, 2.75, 10.0 })
        {
            foreach (double y in new[] { -1.0, 0.7, 3.0 })
            {
                Assert.Equal(reference(x, y), compiled.Invoke(x, y));
            }
        }

        Assert.Equal(-3.5, Eval("abs(x) * -1", x: -3.5));
    }

    [Fact]
    public void Interface_example_expressions_match_direct_computation()
    {
        CompiledExpression potential = ExpressionCompiler.Compile("2*(x^2 - 1)^2 + 0.3*x");
        CompiledExpression initial = ExpressionCompiler.Compile("exp(-(x-1.5)^2/(2*0.3^2))");
        CompiledExpression twoBumps = ExpressionCompiler.Compile("exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)");
        var random = new Random(20240611);
        for (int k = 0; k < 1000; k++)
        {
            double x = -3 + 6 * random.NextDouble();
            double y = -3 + 6 * random.NextDouble();
            double a = x * x - 1;
            AssertClose(2 * (a * a) + 0.3 * x, potential.Invoke(x), 1e-15, $"potential at {x:R}");
            double b = x - 1.5;
            AssertClose(Math.Exp(-(b * b) / (2 * (0.3 * 0.3))), initial.Invoke(x), 1e-15, $"initial at {x:R}");
            double expected = Math.Exp(-((x + 1) * (x + 1) + y * y) / 0.5) + 2 * Math.Exp(-((x - 1.5) * (x - 1.5) + (y - 1) * (y - 1)) / 0.8);
            AssertClose(expected, twoBumps.Invoke(x, y), 1e-15, $"two bumps at ({x:R}, {y:R})");
        }
    }

    [Fact]
    public void General_powers_use_Math_Pow_and_time_dependence_is_reported()
    {
        CompiledExpression source = ExpressionCompiler.Compile("x^2.5 * exp(-t) + y^3 - z^0.5");
        Assert.Equal(ExpressionVariables.All, source.Variables);
        Assert.True(source.UsesTime);
        double expected = Math.Pow(1.3, 2.5) * Math.Exp(-0.2) + Math.Pow(0.4, 3) - Math.Pow(2.0, 0.5);
        AssertClose(expected, source.Invoke(1.3, 0.4, 2.0, 0.2));
    }

    [Theory]
    [InlineData("1 + 2", ExpressionVariables.None)]
    [InlineData("pi * e", ExpressionVariables.None)]
    [InlineData("x^2", ExpressionVariables.X)]
    [InlineData("exp(-y) + x", ExpressionVariables.X | ExpressionVariables.Y)]
    [InlineData("sin(z*t)", ExpressionVariables.Z | ExpressionVariables.T)]
    public void Used_variables_are_reported(string text, ExpressionVariables expected)
    {
        CompiledExpression compiled = ExpressionCompiler.Compile(text);
        Assert.Equal(expected, compiled.Variables);
        Assert.Equal(expected, ExpressionCompiler.Check(text));
        Assert.Equal(expected == ExpressionVariables.None, compiled.IsConstant);
        Assert.Equal(text, compiled.Text);
    }

    [Fact]
    public void Compiled_delegate_evaluates_a_million_points()
    {
        Func<double, double, double, double, double> f = ExpressionCompiler.Compile("2*(x^2 - 1)^2 + 0.3*x").Evaluate;
        double sum = 0;
        const int n = 1_000_000;
        for (int k = 0; k < n; k++)
        {
            double x = -3.0 + 6.0 * k / (n - 1);
            sum += f(x, 0, 0, 0);
        }

        double reference = 0;
        for (int k = 0; k < n; k++)
        {
            double x = -3.0 + 6.0 * k / (n - 1);
            double a = x * x - 1;
            reference += 2 * (a * a) + 0.3 * x;
        }

        AssertClose(reference, sum, 1e-12);
    }
}
