using System.Globalization;

namespace PdeFlows.Runs.Expressions;

/// <summary>Splits an expression into tokens, with the 1-based column of each.</summary>
internal static class ExpressionLexer
{
    /// <summary>Returns the tokens of <paramref name="text"/>, ending with an <see cref="ExpressionTokenKind.End"/> token.</summary>
    /// <exception cref="ExpressionException">An unexpected character or a malformed number.</exception>
    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.Identifier, text[start..i], column));
                continue;
            }

            // End stands for "no operator" (a plain enum: a nullable one is compiled by the JIT at every start).
            ExpressionTokenKind kind = c switch
            {
                '+' => ExpressionTokenKind.Plus,
                '-' or '\u2212' => ExpressionTokenKind.Minus, // ASCII hyphen or the Unicode minus sign
                '*' => ExpressionTokenKind.Star,
                '/' => ExpressionTokenKind.Slash,
                '^' => ExpressionTokenKind.Caret,
                '(' => ExpressionTokenKind.LeftParenthesis,
                ')' => ExpressionTokenKind.RightParenthesis,
                ',' => ExpressionTokenKind.Comma,
                _ => ExpressionTokenKind.End,
            };
            if (kind == ExpressionTokenKind.End)
            {
                string hint = "%&|!=<>".Contains(c) ? " (the operators are + - * / ^)" : "";
                throw new ExpressionException(text, column, $"unexpected character '{c}' at column {column}{hint}");
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                throw new ExpressionException(text, column, $"unexpected '**' at column {column} (the power operator is ^)");
            }

            tokens.Add(new ExpressionToken(kind, c.ToString(), column));
            i++;
        }

        tokens.Add(new ExpressionToken(ExpressionTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    /// <summary>Reads <c>digits [. digits] [(e|E) [+|-] digits]</c> or <c>. digits [...]</c>.</summary>
    private static ExpressionToken ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            // An exponent only when digits follow; otherwise "2e" is a malformed number (not 2 times e).
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                string bad = text[start..i];
                throw new ExpressionException(text, start + 1, $"malformed number '{bad}' at column {start + 1} (an exponent needs digits, e.g. 1e-3)");
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        string literal = text[start..i];
        if (i < text.Length && text[i] == '.')
        {
            throw new ExpressionException(text, start + 1, $"malformed number '{literal}.' at column {start + 1}");
        }

        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new ExpressionToken(ExpressionTokenKind.Number, literal, start + 1, value);
    }
}
