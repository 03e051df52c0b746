namespace PdeFlows.Runs.Expressions;

/// <summary>
/// Recursive-descent parser from tokens straight to an <see cref="ExpressionNode"/> tree.
/// Grammar, loosest binding first:
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?          right-associative: 2^3^2 = 2^(3^2); -x^2 = -(x^2); 2^-1 = 0.5
/// primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
/// </code>
/// Constant sub-expressions are folded while parsing (an operation whose operands are all constants
/// is evaluated once, by the same node code); <c>a^2</c> compiles to <c>a*a</c> (one correctly
/// rounded multiplication, the same value as <see cref="Math.Pow(double, double)"/>).
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly List<ExpressionToken> _tokens;
    private readonly ExpressionVariables _allowed;
    private int _position;

    public ExpressionParser(string text, ExpressionVariables allowed)
    {
        _text = text;
        _tokens = ExpressionLexer.Tokenize(text);
        _allowed = allowed;
    }

    /// <summary>The variables met while parsing.</summary>
    public ExpressionVariables Used { get; private set; }

    /// <summary>Parses the whole text.</summary>
    public ExpressionNode ParseWhole()
    {
        if (Current.Kind == ExpressionTokenKind.End)
        {
            throw Error(1, "empty expression");
        }

        ExpressionNode result = ParseSum();
        if (Current.Kind != ExpressionTokenKind.End)
        {
            throw Error(Current.Column, $"unexpected {Current.Quoted} at column {Current.Column}");
        }

        return result;
    }

    private ExpressionToken Current => _tokens[_position];

    private ExpressionToken Advance() => _tokens[_position++];

    private ExpressionNode ParseSum()
    {
        ExpressionNode left = ParseProduct();
        while (Current.Kind is ExpressionTokenKind.Plus or ExpressionTokenKind.Minus)
        {
            bool plus = Advance().Kind == ExpressionTokenKind.Plus;
            ExpressionNode right = ParseProduct();
            left = Fold(plus ? new SumNode(left, right) : new DifferenceNode(left, right), left, right);
        }

        return left;
    }

    private ExpressionNode ParseProduct()
    {
        ExpressionNode left = ParseUnary();
        while (Current.Kind is ExpressionTokenKind.Star or ExpressionTokenKind.Slash)
        {
            bool times = Advance().Kind == ExpressionTokenKind.Star;
            ExpressionNode right = ParseUnary();
            left = Fold(times ? new ProductNode(left, right) : new QuotientNode(left, right), left, right);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (Current.Kind == ExpressionTokenKind.Minus)
        {
            Advance();
            ExpressionNode operand = ParseUnary();
            return Fold(new NegationNode(operand), operand);
        }

        if (Current.Kind == ExpressionTokenKind.Plus)
        {
            Advance();
            return ParseUnary();
        }

        return ParsePower();
    }

    private ExpressionNode ParsePower()
    {
        ExpressionNode basis = ParsePrimary();
        if (Current.Kind != ExpressionTokenKind.Caret)
        {
            return basis;
        }

        Advance();
        ExpressionNode exponent = ParseUnary();
        if (exponent is ConstantNode { Value: 2.0 })
        {
            return Fold(new SquareNode(basis), basis);
        }

        return Fold(new PowerNode(basis, exponent), basis, exponent);
    }

    private ExpressionNode ParsePrimary()
    {
        ExpressionToken token = Advance();
        switch (token.Kind)
        {
            case ExpressionTokenKind.Number:
                return new ConstantNode(token.Number);
            case ExpressionTokenKind.LeftParenthesis:
                ExpressionNode inner = ParseSum();
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

    private ExpressionNode ParseName(ExpressionToken name)
    {
        if (ExpressionFunctions.TryGetConstant(name.Text, out double constant))
        {
            return new ConstantNode(constant);
        }

        ExpressionVariables flag = ExpressionFunctions.Variable(name.Text);
        if (flag != ExpressionVariables.None)
        {
            if ((_allowed & flag) == 0)
            {
                throw Error(name.Column, $"variable '{name.Text}' at column {name.Column} is not allowed here (allowed: {ExpressionFunctions.AllowedNames(_allowed)})");
            }

            Used |= flag;
            return flag switch
            {
                ExpressionVariables.X => new XNode(),
                ExpressionVariables.Y => new YNode(),
                ExpressionVariables.Z => new ZNode(),
                _ => new TNode(),
            };
        }

        if (ExpressionFunctions.TryGetFunction(name.Text, out _))
        {
            throw Error(name.Column, $"function '{name.Text}' at column {name.Column} needs its arguments in parentheses, e.g. {name.Text}(x)");
        }

        throw Error(name.Column, $"unknown variable '{name.Text}' at column {name.Column} (allowed: {ExpressionFunctions.AllowedNames(_allowed)})");
    }

    private ExpressionNode ParseCall(ExpressionToken name)
    {
        if (!ExpressionFunctions.TryGetFunction(name.Text, out ExpressionFunction function))
        {
            throw Error(name.Column, $"unknown function '{name.Text}' at column {name.Column} (known: {ExpressionFunctions.FunctionList})");
        }

        ExpressionToken opening = Advance();
        var arguments = new List<ExpressionNode>();
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
        int arity = ExpressionFunctions.Arity(function);
        if (arguments.Count != arity)
        {
            string expected = arity == 1 ? "1 argument" : $"{arity} arguments";
            throw Error(name.Column, $"function '{name.Text}' at column {name.Column} takes {expected}, got {arguments.Count}");
        }

        return function switch
        {
            ExpressionFunction.Min => Fold(new MinimumNode(arguments[0], arguments[1]), arguments[0], arguments[1]),
            ExpressionFunction.Max => Fold(new MaximumNode(arguments[0], arguments[1]), arguments[0], arguments[1]),
            _ => Fold(new UnaryFunctionNode(function, arguments[0]), arguments[0]),
        };
    }

    /// <summary><paramref name="node"/>, or its value as a constant when its operand is a constant.</summary>
    private static ExpressionNode Fold(ExpressionNode node, ExpressionNode operand) =>
        operand.IsConstant ? new ConstantNode(node.Evaluate(0, 0, 0, 0)) : node;

    /// <summary><paramref name="node"/>, or its value as a constant when both its operands are constants.</summary>
    private static ExpressionNode Fold(ExpressionNode node, ExpressionNode left, ExpressionNode right) =>
        left.IsConstant && right.IsConstant ? new ConstantNode(node.Evaluate(0, 0, 0, 0)) : node;

    private ExpressionException Error(int column, string message) => new(_text, column, message);
}
