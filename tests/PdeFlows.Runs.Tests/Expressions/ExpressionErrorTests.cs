using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Tests.Expressions;

public class ExpressionErrorTests
{
    private static ExpressionException Fails(string text, ExpressionVariables allowed = ExpressionVariables.All) =>
        Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text, allowed));

    [Fact]
    public void Unexpected_closing_parenthesis_names_its_column()
    {
        ExpressionException error = Fails("(x + 1))");
        Assert.Equal("unexpected ')' at column 8", error.Message);
        Assert.Equal(8, error.Column);
        Assert.Equal("(x + 1))", error.ExpressionText);
        Assert.Equal("unexpected ')' at column 7", Fails("2*(x+ )").Message);
    }

    [Fact]
    public void Unknown_function()
    {
        ExpressionException error = Fails("ep(x)");
        Assert.StartsWith("unknown function 'ep' at column 1", error.Message);
        Assert.Contains("exp, log, sqrt, abs, sin, cos, tan, tanh, min, max", error.Message);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Unknown_variable_lists_the_allowed_names()
    {
        ExpressionException error = Fails("x+w");
        Assert.Equal("unknown variable 'w' at column 3 (allowed: x, y, z, t, pi, e)", error.Message);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Disallowed_variable_is_rejected_with_its_column()
    {
        ExpressionException error = Fails("exp(-x^2) * t", ExpressionVariables.X);
        Assert.Equal("variable 't' at column 13 is not allowed here (allowed: x, pi, e)", error.Message);
    }

    [Theory]
    [InlineData("min(x)", "function 'min' at column 1 takes 2 arguments, got 1")]
    [InlineData("1 + exp(x, y)", "function 'exp' at column 5 takes 1 argument, got 2")]
    [InlineData("sin()", "function 'sin' at column 1 takes 1 argument, got 0")]
    public void Wrong_argument_count(string text, string message)
    {
        Assert.Equal(message, Fails(text).Message);
    }

    [Theory]
    [InlineData("", "empty expression", 1)]
    [InlineData("   ", "empty expression", 1)]
    [InlineData("2*(x+1", "missing ')' at column 7 to close '(' at column 3", 7)]
    [InlineData("x +", "unexpected end of expression at column 4", 4)]
    [InlineData("2x", "unexpected 'x' at column 2", 2)]
    [InlineData("x # 2", "unexpected character '#' at column 3", 3)]
    [InlineData("x % 2", "unexpected character '%' at column 3 (the operators are + - * / ^)", 3)]
    [InlineData("x**2", "unexpected '**' at column 2 (the power operator is ^)", 2)]
    [InlineData("1e", "malformed number '1e' at column 1 (an exponent needs digits, e.g. 1e-3)", 1)]
    [InlineData("1.2.3", "malformed number '1.2.' at column 1", 1)]
    [InlineData("exp + 1", "function 'exp' at column 1 needs its arguments in parentheses, e.g. exp(x)", 1)]
    [InlineData("x(2)", "unknown function 'x' at column 1 (known: exp, log, sqrt, abs, sin, cos, tan, tanh, min, max)", 1)]
    [InlineData("min(x y)", "unexpected 'y' at column 7 (expected ')' to close '(' at column 4)", 7)]
    [InlineData("*x", "unexpected '*' at column 1", 1)]
    public void Syntax_errors_name_the_column(string text, string message, int column)
    {
        ExpressionException error = Fails(text);
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }
}
