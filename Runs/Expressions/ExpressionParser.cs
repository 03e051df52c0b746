using System.Linq.Expressions;

namespace PdeFlows.Runs.Expressions;

/// <summary>
/// Recursive-descent parser from tokens straight to a <see cref="System.Linq.Expressions"/> tree.
/// Grammar, loosest binding first:
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?          right-associative: 2^3^2 = 2^(3^2); -x^2 = -(x^2); 2^-1 = 0.5
/// primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
/// </code>
/// Constant sub-expressions are folded while parsing; <c>a^2</c> compiles to <c>a*a</c>
/// (one correctly rounded multiplication, the same value as <see cref="Math.Pow(double, double)"/>).
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly List<ExpressionToken> _tokens;
    private readonly ExpressionVariables _allowed;
    private readonly ParameterExpression[] _parameters;
    private int _position;

    public ExpressionParser(string text, ExpressionVariables allowed, ParameterExpression[] parameters)
    {
        _text = text;
        _tokens = ExpressionLexer.Tokenize(text);
        _allowed = allowed;
        _parameters = parameters;
    }

    /// <summary>The variables met while parsing.</summary>
    public ExpressionVariables Used { get; private set; }

    /// <summary>Parses the whole text.</summary>
    public Expression ParseWhole()
    {
        if (Current.Kind == ExpressionTokenKind.End)
        {
            throw Error(1, "empty expression");
        }

        Expression result = ParseSum();
        if (Current.Kind != ExpressionTokenKind.End)
        {
            throw Error(Current.Column, $"unexpected {Current.Quoted} at column {Current.Column}");
        }

        return result;
    }

    private ExpressionToken Current => _tokens[_position];

    private ExpressionToken Advance() => _tokens[_position++];

    private Expression ParseSum()
    {
        Expression left = ParseProduct();
        while (Current.Kind is ExpressionTokenKind.Plus or ExpressionTokenKind.Minus)
        {
            bool plus = Advance().Kind == ExpressionTokenKind.Plus;
            Expression right = ParseProduct();
            left = Fold(plus ? Expression.Add(left, right) : Expression.Subtract(left, right));
        }

        return left;
    }

    private Expression ParseProduct()
    {
        Expression left = ParseUnary();
        while (Current.Kind is ExpressionTokenKind.Star or ExpressionTokenKind.Slash)
        {
            bool times = Advance().Kind == ExpressionTokenKind.Star;
            Expression right = ParseUnary();
            left = Fold(times ? Expression.Multiply(left, right) : Expression.Divide(left, right));
        }

        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Kind == ExpressionTokenKind.Minus)
        {
            Advance();
            return Fold(Expression.Negate(ParseUnary()));
        }

        if (Current.Kind == ExpressionTokenKind.Plus)
        {
            Advance();
            return ParseUnary();
        }

        return ParsePower();
    }

    private Expression ParsePower()
    {
        Expression basis = ParsePrimary();
        if (Current.Kind != ExpressionTokenKind.Caret)
        {
            return basis;
        }

        Advance();
        Expression exponent = ParseUnary();
        if (exponent is ConstantExpression { Value: 2.0 })
        {
            return Square(basis);
        }

        return Fold(Expression.Call(ExpressionFunctions.Power, basis, exponent));
    }

    private Expression ParsePrimary()
    {
        ExpressionToken token = Advance();
        switch (token.Kind)
        {
            case ExpressionTokenKind.Number:
                return Expression.Constant(token.Number);
            case ExpressionTokenKind.LeftParenthesis:
                Expression inner = ParseSum();
                ExpectClosing(token);
                return inner;
            case ExpressionTokenKind.Identifier:
                return Current.Kind == ExpressionTokenKind.LeftParenthesis ? ParseCall(token) : ParseName(token);
            default:
                throw Error(token.Column, $"unexpected {token.Quoted} at column {token.Column}");
        }
    }

    private void ExpectClosing(ExpressionToken opening)
    {
        if (Current.Kind == ExpressionTokenKind.RightParenthesis)
        {
            Advance();
            return;
        }

        if (Current.Kind == ExpressionTokenKind.End)
        {
            throw Error(Current.Column, $"missing ')' at column {Current.Column} to close '(' at column {opening.Column}");
        }

        throw Error(Current.Column, $"unexpected {Current.Quoted} at column {Current.Column} (expected ')' to close '(' at column {opening.Column})");
    }

    private Expression ParseName(ExpressionToken name)
    {
        if (ExpressionFunctions.Constants.TryGetValue(name.Text, out double constant))
        {
            return Expression.Constant(constant);
        }

        for (int k = 0; k < ExpressionFunctions.Variables.Count; k++)
        {
            (string variable, ExpressionVariables flag) = ExpressionFunctions.Variables[k];
            if (variable != name.Text)
            {
                continue;
            }

            if ((_allowed & flag) == 0)
            {
                throw Error(name.Column, $"variable '{name.Text}' at column {name.Column} is not allowed here (allowed: {ExpressionFunctions.AllowedNames(_allowed)})");
            }

            Used |= flag;
            return _parameters[k];
        }

        if (ExpressionFunctions.Functions.ContainsKey(name.Text))
        {
            throw Error(name.Column, $"function '{name.Text}' at column {name.Column} needs its arguments in parentheses, e.g. {name.Text}(x)");
        }

        throw Error(name.Column, $"unknown variable '{name.Text}' at column {name.Column} (allowed: {ExpressionFunctions.AllowedNames(_allowed)})");
    }

    private Expression ParseCall(ExpressionToken name)
    {
        if (!ExpressionFunctions.Functions.TryGetValue(name.Text, out ExpressionFunctions.Function function))
        {
            throw Error(name.Column, $"unknown function '{name.Text}' at column {name.Column} (known: {ExpressionFunctions.FunctionList})");
        }

        ExpressionToken opening = Advance();
        var arguments = new List<Expression>();
        if (Current.Kind != ExpressionTokenKind.RightParenthesis)
        {
            arguments.Add(ParseSum());
            while (Current.Kind == ExpressionTokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseSum());
            }
        }

        ExpectClosing(opening);
        if (arguments.Count != function.Arity)
        {
            string expected = function.Arity == 1 ? "1 argument" : $"{function.Arity} arguments";
            throw Error(name.Column, $"function '{name.Text}' at column {name.Column} takes {expected}, got {arguments.Count}");
        }

        return Fold(Expression.Call(function.Method, arguments));
    }

    /// <summary><c>a*a</c>, through a temporary when <paramref name="basis"/> is not a leaf.</summary>
    private static Expression Square(Expression basis)
    {
        if (basis is ConstantExpression or ParameterExpression)
        {
            return Fold(Expression.Multiply(basis, basis));
        }

        ParameterExpression temporary = Expression.Variable(typeof(double), "square");
        return Expression.Block(
            typeof(double),
            [temporary],
            Expression.Assign(temporary, basis),
            Expression.Multiply(temporary, temporary));
    }

    /// <summary>Evaluates <paramref name="node"/> now when all its operands are constants.</summary>
    private static Expression Fold(Expression node)
    {
        bool constant = node switch
        {
            BinaryExpression binary => binary.Left is ConstantExpression && binary.Right is ConstantExpression,
            UnaryExpression unary => unary.Operand is ConstantExpression,
            MethodCallExpression call => call.Arguments.All(a => a is ConstantExpression),
            _ => false,
        };
        if (!constant)
        {
            return node;
        }

        double value = Expression.Lambda<Func<double>>(node).Compile(preferInterpretation: true)();
        return Expression.Constant(value);
    }

    private ExpressionException Error(int column, string message) => new(_text, column, message);
}
